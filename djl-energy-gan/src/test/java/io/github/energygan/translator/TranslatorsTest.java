/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;

import io.github.energygan.gradient.InputGradient;
import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.sampling.DataEnergy;
import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.model.Layers;
import io.github.energygan.model.MlpArchitecture;
import io.github.energygan.model.EstimatorSpec;
import io.github.energygan.nn.ActivationFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The translators through DJL predictors, and the factory's choice by types. */
class TranslatorsTest {

    /** A small 2-D model for translator tests. */
    static final EnergyGanArchitecture SMALL =
            new MlpArchitecture(
                    2,
                    2,
                    1f,
                    Layers.of(ActivationFunction.leakyRelu(0.2f), 16, 16),
                    0f,
                    Layers.of(ActivationFunction.relu(), 16),
                    0f,
                    new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(ActivationFunction.leakyRelu(0.2f), 8)));

    private final EnergyGanTranslatorFactory factory = new EnergyGanTranslatorFactory();
    private NDManager manager;
    private EnergyGanModel model;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        model = EnergyGanModel.newModel(SMALL, 2);
    }

    @AfterEach
    void tearDown() {
        model.close();
        manager.close();
    }

    private <I, O> Predictor<I, O> predictor(Class<I> in, Class<O> out) {
        Translator<I, O> translator = factory.newInstance(in, out, model.getModel(), Map.of());
        return model.getModel().newPredictor(translator);
    }

    @Test
    void samplingReturnsSamplesWithTheirEnergiesAndDiagnostics() throws TranslateException {
        SampleRequest request =
                SampleRequest.builder()
                        .setCount(50)
                        .optSteps(10)
                        .optWarmUpSteps(10)
                        .optSeed(9)
                        .build();
        try (Predictor<SampleRequest, GeneratedSamples> predictor =
                predictor(SampleRequest.class, GeneratedSamples.class)) {
            GeneratedSamples first = predictor.predict(request);
            assertEquals(50, first.samples().length);
            assertEquals(2, first.samples()[0].length);
            assertEquals(50, first.rawSamples().length);
            assertTrue(first.getDiagnostics().isPresent());
            assertEquals(20, first.getDiagnostics().get().getWarmUpSteps() + 10);
            float[] flat = new float[100];
            for (int i = 0; i < 50; i++) {
                System.arraycopy(first.samples()[i], 0, flat, 2 * i, 2);
            }
            float[] expected = model.energy(manager.create(flat, new Shape(50, 2))).toFloatArray();
            assertArrayEquals(expected, first.energies(), 1e-5f);

            GeneratedSamples again = predictor.predict(request);
            assertTrue(Arrays.deepEquals(first.samples(), again.samples()), "seeded");

            GeneratedSamples raw =
                    predictor.predict(
                            SampleRequest.builder()
                                    .setCount(5)
                                    .optSteps(0)
                                    .optWarmUpSteps(0)
                                    .build());
            assertTrue(Arrays.deepEquals(raw.samples(), raw.rawSamples()));
            assertFalse(raw.getDiagnostics().isPresent());
        }
    }

    @Test
    void scoringGivesEnergyAndGradientNormSingleOrBatched() throws TranslateException {
        float[][] points = {{0f, 0f}, {1f, -2f}, {3f, 3f}, {-4f, 0.5f}};
        NDArray batch = manager.create(points);
        float[] energies = model.energy(batch).toFloatArray();
        NDArray gradient =
                new DataEnergy(model.getBlock().getEnergy(), new Shape(2), 1f)
                        .energyAndGradient(batch)
                        .get(1);
        float[] norms = InputGradient.squaredNorm(gradient).toFloatArray();

        try (Predictor<float[], EnergyScore> single = predictor(float[].class, EnergyScore.class)) {
            EnergyScore one = single.predict(points[1]);
            assertEquals(energies[1], one.energy(), 1e-5f);
            assertEquals(norms[1], one.squaredGradientNorm(), 1e-5f);
            List<EnergyScore> all = single.batchPredict(Arrays.asList(points));
            for (int i = 0; i < points.length; i++) {
                assertEquals(energies[i], all.get(i).energy(), 1e-5f);
                assertEquals(norms[i], all.get(i).squaredGradientNorm(), 1e-5f);
            }
            TranslateException wrong =
                    assertThrows(TranslateException.class, () -> single.predict(new float[3]));
            assertTrue(wrong.getMessage().contains("Expected a vector of 2"), wrong.getMessage());
            TranslateException nan =
                    assertThrows(
                            TranslateException.class,
                            () -> single.predict(new float[] {Float.NaN, 0f}));
            assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        }
        try (Predictor<NDArray, EnergyScores> whole =
                predictor(NDArray.class, EnergyScores.class)) {
            EnergyScores scores = whole.predict(batch);
            assertArrayEquals(energies, scores.energies(), 1e-5f);
            assertArrayEquals(norms, scores.squaredGradientNorms(), 1e-5f);
            assertEquals(new Shape(4, 2), batch.getShape(), "the caller's batch is untouched");
            TranslateException shape =
                    assertThrows(
                            TranslateException.class,
                            () -> whole.predict(manager.zeros(new Shape(3, 5))));
            assertTrue(shape.getMessage().contains("(3, 5)"), shape.getMessage());
        }
    }

    @Test
    void unsupportedTypesAndForeignModelsAreNamed() throws Exception {
        IllegalArgumentException types =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                factory.newInstance(
                                        String.class,
                                        EnergyScore.class,
                                        model.getModel(),
                                        Map.of()));
        assertTrue(types.getMessage().contains("String → EnergyScore"), types.getMessage());
        assertTrue(
                types.getMessage().contains("SampleRequest → GeneratedSamples"),
                types.getMessage());
        assertTrue(factory.isSupported(float[].class, EnergyScore.class));

        try (Model foreign = Model.newInstance("linear")) {
            foreign.setBlock(Linear.builder().setUnits(1).build());
            foreign.getBlock()
                    .initialize(
                            foreign.getNDManager(),
                            ai.djl.ndarray.types.DataType.FLOAT32,
                            new Shape(1, 2));
            try (Predictor<float[], EnergyScore> predictor =
                    foreign.newPredictor(
                            factory.newInstance(
                                    float[].class, EnergyScore.class, foreign, Map.of()))) {
                TranslateException e =
                        assertThrows(
                                TranslateException.class, () -> predictor.predict(new float[2]));
                assertTrue(e.getMessage().contains("EnergyGanBlock"), e.getMessage());
            }
        }
    }
}
