/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;

import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.sampling.LatentEnergy;
import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.model.Layers;
import io.github.energygan.model.ConvArchitecture;
import io.github.energygan.model.EstimatorSpec;
import io.github.energygan.nn.ActivationFunction;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** A small convolutional model end to end: save and load, sample images, score images. */
class ImageModelTest {

    private static final ConvArchitecture SMALL =
            new ConvArchitecture(
                    List.of(1L, 12L, 12L),
                    4,
                    Layers.of(ActivationFunction.leakyRelu(0.2f), 3, 4),
                    List.of(4L, 3L),
                    new EstimatorSpec(
                            EnergyGanArchitecture.Estimator.JSD,
                            Layers.of(ActivationFunction.leakyRelu(0.2f), 3, 8)));

    @Test
    void convModelsSaveSampleAndScoreImages(@TempDir Path dir) throws Exception {
        assertEquals(SMALL, EnergyGanArchitecture.fromJson(SMALL.toJson()));
        assertEquals("conv", SMALL.family());
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 3)) {
            model.save(dir);
        }
        EnergyGanTranslatorFactory factory = new EnergyGanTranslatorFactory();
        try (EnergyGanModel model = EnergyGanModel.load(dir);
                NDManager manager = NDManager.newBaseManager()) {
            assertEquals(SMALL, model.getArchitecture());
            assertTrue(new LatentEnergy(model.getBlock(), 1f, true).isExact());
            GeneratedSamples samples;
            try (Predictor<SampleRequest, GeneratedSamples> predictor =
                    model.getModel()
                            .newPredictor(
                                    factory.newInstance(
                                            SampleRequest.class,
                                            GeneratedSamples.class,
                                            model.getModel(),
                                            Map.of()))) {
                samples =
                        predictor.predict(
                                SampleRequest.builder()
                                        .setCount(6)
                                        .optSteps(5)
                                        .optWarmUpSteps(5)
                                        .build());
            }
            assertEquals(6, samples.images().size());
            // A request that leaves its steps unset gets the image default, resolved by the
            // translator: a short run that refines G(z) rather than drifting away from it.
            try (Predictor<SampleRequest, GeneratedSamples> predictor =
                    model.getModel()
                            .newPredictor(
                                    factory.newInstance(
                                            SampleRequest.class,
                                            GeneratedSamples.class,
                                            model.getModel(),
                                            Map.of()))) {
                GeneratedSamples byDefault = predictor.predict(SampleRequest.of(4));
                assertEquals(SampleRequest.DEFAULT_IMAGE_STEPS, byDefault.request().getSteps());
                assertEquals(
                        SampleRequest.DEFAULT_IMAGE_STEPS,
                        byDefault.getDiagnostics().get().getWarmUpSteps());
            }
            Image first = samples.images().get(0);
            assertEquals(12, first.getWidth());
            assertEquals(12, first.getHeight());
            assertEquals(144, samples.samples()[0].length);

            try (Predictor<Image, EnergyScore> scorer =
                    model.getModel()
                            .newPredictor(
                                    factory.newInstance(
                                            Image.class,
                                            EnergyScore.class,
                                            model.getModel(),
                                            Map.of()))) {
                EnergyScore score = scorer.predict(first);
                // The image holds the sample rounded to 8 bits; score that same array directly.
                NDArray pixels =
                        manager.create(samples.samples()[0], new Shape(1, 1, 12, 12))
                                .clip(-1f, 1f)
                                .add(1f)
                                .mul(127.5f)
                                .round()
                                .div(127.5f)
                                .sub(1f);
                assertEquals(model.energy(pixels).getFloat(0), score.energy(), 1e-4f);
                assertTrue(score.squaredGradientNorm() > 0f);

                Image wrong =
                        ai.djl.modality.cv.ImageFactory.getInstance()
                                .fromNDArray(
                                        manager.zeros(
                                                new Shape(3, 10, 12),
                                                ai.djl.ndarray.types.DataType.UINT8));
                TranslateException e =
                        assertThrows(TranslateException.class, () -> scorer.predict(wrong));
                assertTrue(e.getMessage().contains("Expected a 12×12 image"), e.getMessage());
            }
        }
    }

    @Test
    void convArchitecturesRejectWhatTheyCannotBuild() {
        IllegalArgumentException infogan =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SMALL.withEstimator(EnergyGanArchitecture.Estimator.INFOGAN));
        assertTrue(infogan.getMessage().contains("INFOGAN"), infogan.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new ConvArchitecture(
                                SMALL.imageShape(),
                                4,
                                SMALL.energy(),
                                SMALL.generatorChannels(),
                                new EstimatorSpec(
                                        EnergyGanArchitecture.Estimator.JSD,
                                        Layers.of(ActivationFunction.leakyRelu(0.2f), 8))));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new ConvArchitecture(
                                List.of(1L, 0L, 12L),
                                4,
                                SMALL.energy(),
                                SMALL.generatorChannels(),
                                SMALL.estimator()));
    }
}
