/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Input;
import ai.djl.modality.Output;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.model.EstimatorSpec;
import io.github.energygan.model.Layers;
import io.github.energygan.model.MlpArchitecture;
import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.sampling.SampleRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A saved model directory loads through DJL's own {@code Criteria}: optModelPath and our translator
 * factory (DJL 0.36 picks the factory before it reads the directory's serving.properties, so the
 * factory is named in the criteria; the block comes from the properties' blockFactory).
 */
class CriteriaLoadingTest {

    private static final EnergyGanArchitecture SMALL =
            new MlpArchitecture(
                    2,
                    2,
                    1f,
                    Layers.of(ActivationFunction.leakyRelu(0.2f), 16, 16),
                    0f,
                    Layers.of(ActivationFunction.relu(), 16),
                    0f,
                    new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(ActivationFunction.leakyRelu(0.2f), 8)));

    @Test
    void aSavedDirectoryLoadsWithOptModelPathForBothTranslators(@TempDir Path dir)
            throws Exception {
        float[] point = {0.5f, -1.5f};
        float expected;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 4);
                NDManager manager = NDManager.newBaseManager()) {
            model.save(dir);
            expected = model.energy(manager.create(point).reshape(1, 2)).getFloat(0);
        }
        Criteria<float[], EnergyScore> scoring =
                Criteria.builder()
                        .setTypes(float[].class, EnergyScore.class)
                        .optModelPath(dir)
                        .optTranslatorFactory(new EnergyGanTranslatorFactory())
                        .build();
        try (ZooModel<float[], EnergyScore> model = scoring.loadModel();
                Predictor<float[], EnergyScore> predictor = model.newPredictor()) {
            assertEquals(expected, predictor.predict(point).energy(), 1e-6f);
        }
        Criteria<SampleRequest, GeneratedSamples> sampling =
                Criteria.builder()
                        .setTypes(SampleRequest.class, GeneratedSamples.class)
                        .optModelPath(dir)
                        .optTranslatorFactory(new EnergyGanTranslatorFactory())
                        .build();
        try (ZooModel<SampleRequest, GeneratedSamples> model = sampling.loadModel();
                Predictor<SampleRequest, GeneratedSamples> predictor = model.newPredictor()) {
            GeneratedSamples samples =
                    predictor.predict(
                            SampleRequest.builder()
                                    .setCount(8)
                                    .optSteps(5)
                                    .optWarmUpSteps(5)
                                    .build());
            assertEquals(8, samples.samples().length);
            assertArrayEquals(new int[] {2}, new int[] {samples.samples()[0].length});
        }
    }

    @Test
    void aStrayWeightFileIsRefusedNotLoadedInsteadOfTheVerifiedOne(@TempDir Path dir)
            throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 4)) {
            model.save(dir);
        }
        try (EnergyGanModel other = EnergyGanModel.newModel(SMALL, 5)) {
            Path elsewhere = dir.resolveSibling(dir.getFileName() + "-other");
            other.save(elsewhere);
            // DJL would pick the highest-numbered parameter file.
            Files.copy(
                    elsewhere.resolve(EnergyGanModel.PARAMETER_FILE),
                    dir.resolve(EnergyGanModel.MODEL_NAME + "-0001.params"));
        }
        Criteria<float[], EnergyScore> criteria =
                Criteria.builder()
                        .setTypes(float[].class, EnergyScore.class)
                        .optModelPath(dir)
                        .optTranslatorFactory(new EnergyGanTranslatorFactory())
                        .build();
        Exception e = assertThrows(Exception.class, criteria::loadModel);
        String message = String.valueOf(e.getMessage()) + " " + e.getCause();
        assertTrue(message.contains("energy-gan-0001.params"), message);
        Exception direct = assertThrows(Exception.class, () -> EnergyGanModel.load(dir));
        assertTrue(direct.getMessage().contains("does not vouch for"), direct.getMessage());
    }

    @Test
    void servingTypesLoadWithNoFactoryGivenAndSpeakJson(@TempDir Path dir) throws Exception {
        float[] expected;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 4);
                NDManager manager = NDManager.newBaseManager()) {
            model.save(dir);
            expected =
                    model.energy(manager.create(new float[] {0.5f, -1.5f, 2f, 0f}).reshape(2, 2))
                            .toFloatArray();
        }
        // The call DJL Serving's ModelManager makes for a registered model URL and engine.
        Criteria<Input, Output> criteria =
                Criteria.builder()
                        .setTypes(Input.class, Output.class)
                        .optModelUrls(dir.toUri().toString())
                        .optEngine("PyTorch")
                        .build();
        try (ZooModel<Input, Output> model = criteria.loadModel();
                Predictor<Input, Output> predictor = model.newPredictor()) {
            Input scoring = new Input();
            scoring.add("{\"points\": [[0.5, -1.5], [2, 0]]}");
            JsonObject scores =
                    JsonParser.parseString(predictor.predict(scoring).getData().getAsString())
                            .getAsJsonObject();
            JsonArray energies = scores.getAsJsonArray("energies");
            assertEquals(2, energies.size());
            for (int i = 0; i < 2; i++) {
                assertEquals(expected[i], energies.get(i).getAsFloat(), 1e-6f);
            }
            assertEquals(2, scores.getAsJsonArray("squaredGradientNorms").size());

            Input sampling = new Input();
            sampling.add("{\"count\": 5, \"steps\": 3, \"warmUpSteps\": 3, \"seed\": 7}");
            JsonObject samples =
                    JsonParser.parseString(predictor.predict(sampling).getData().getAsString())
                            .getAsJsonObject();
            assertEquals(5, samples.getAsJsonArray("samples").size());
            assertEquals(2, samples.getAsJsonArray("samples").get(0).getAsJsonArray().size());
            assertEquals(5, samples.getAsJsonArray("energies").size());

            Input bad = new Input();
            bad.add("{\"points\": [[1, 2, 3]]}");
            Exception e = assertThrows(Exception.class, () -> predictor.predict(bad));
            assertTrue(
                    String.valueOf(e.getMessage()).contains("list of 2 numbers"),
                    String.valueOf(e.getMessage()));
        }
    }

    @Test
    void aDamagedWeightFileIsNamed(@TempDir Path dir) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 4)) {
            model.save(dir);
        }
        Path weights = dir.resolve(EnergyGanModel.PARAMETER_FILE);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(weights, bytes);
        Criteria<float[], EnergyScore> criteria =
                Criteria.builder()
                        .setTypes(float[].class, EnergyScore.class)
                        .optModelPath(dir)
                        .optTranslatorFactory(new EnergyGanTranslatorFactory())
                        .build();
        Exception e = assertThrows(Exception.class, criteria::loadModel);
        String message = String.valueOf(e.getMessage()) + " " + e.getCause();
        assertTrue(message.contains(EnergyGanModel.PARAMETER_FILE), message);
    }
}
