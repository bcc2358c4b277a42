/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.nn.ActivationFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Files written by earlier versions, committed as they were written, still read as the same
 * models: each architecture schema, and a whole model directory in each manifest format.
 */
class FrozenFormatsTest {

    private static final ActivationFunction LEAKY = ActivationFunction.leakyRelu(0.2f);

    /** The architecture the frozen model directories hold. */
    private static final MlpArchitecture FROZEN_MLP =
            new MlpArchitecture(
                    2,
                    2,
                    2.5f,
                    Layers.of(ActivationFunction.silu(), 8, 4),
                    0.5f,
                    Layers.of(ActivationFunction.relu(), 8),
                    3f,
                    new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(LEAKY, 4)));

    /** The zoo's image architecture. */
    private static final ConvArchitecture FROZEN_CONV =
            new ConvArchitecture(
                    List.of(1L, 28L, 28L),
                    64,
                    Layers.of(LEAKY, 16, 32, 64),
                    List.of(64L, 32L, 16L),
                    new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(LEAKY, 16, 32, 64, 128)));

    /** The energies of the frozen model at (0, 0), (1, −2) and (3, 0.5), as written. */
    private static final float[] FROZEN_ENERGIES = {0.16274756f, 0.3766429f, 0.47781736f};

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyArchitectureSchemaReadsAsTheSameRecords(int schema) throws Exception {
        assertEquals(
                FROZEN_MLP, ArchitectureJson.read(read("mlp-schema" + schema + ".json"), schema));
        assertEquals(
                FROZEN_CONV, ArchitectureJson.read(read("conv-schema" + schema + ".json"), schema));
    }

    @Test
    void theCurrentSchemaWritesWhatItReads() throws Exception {
        assertEquals(FROZEN_MLP, EnergyGanArchitecture.fromJson(FROZEN_MLP.toJson()));
        assertEquals(FROZEN_CONV, EnergyGanArchitecture.fromJson(FROZEN_CONV.toJson()));
        ConvArchitecture withBase =
                new ConvArchitecture(
                        FROZEN_CONV.imageShape(),
                        FROZEN_CONV.latentFeatures(),
                        FROZEN_CONV.energy(),
                        0.25f,
                        FROZEN_CONV.generatorChannels(),
                        FROZEN_CONV.estimator());
        assertEquals(withBase, EnergyGanArchitecture.fromJson(withBase.toJson()));
        assertEquals(
                FROZEN_MLP,
                ArchitectureJson.read(FROZEN_MLP.toJson(), ArchitectureJson.SCHEMA_VERSION));
    }

    @Test
    void anUnknownSchemaIsNamed() throws Exception {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ArchitectureJson.read(read("mlp-schema2.json"), 3));
        assertTrue(e.getMessage().contains("schema 3"), e.getMessage());
    }

    /** The image model's energies of two fixed 12×12 images, as written. */
    private static final float[] FROZEN_CONV_ENERGIES = {-0.031318825f, -0.3887778f};

    /** The image model the frozen conv directories hold. */
    private static final ConvArchitecture FROZEN_SMALL_CONV =
            new ConvArchitecture(
                    List.of(1L, 12L, 12L),
                    4,
                    Layers.of(LEAKY, 3, 4),
                    List.of(4L, 3L),
                    new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(LEAKY, 3, 8)));

    /**
     * A vector model written with each manifest format (1, 2) and each block metadata version (1:
     * text, 2: numbers) loads with its weights.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {"mlp-manifest1-blocks1", "mlp-manifest2-blocks1", "mlp-manifest2-blocks2"})
    void everyVectorModelFormatLoadsWithItsWeights(String name) throws Exception {
        Path dir = frozen(name);
        String format = name.substring(name.indexOf("manifest") + 8, name.indexOf("-blocks"));
        assertTrue(
                Files.readString(dir.resolve(EnergyGanModel.ARCHITECTURE_FILE))
                        .contains("\"format\": " + format));
        try (EnergyGanModel model = EnergyGanModel.load(dir);
                NDManager manager = NDManager.newBaseManager()) {
            assertEquals(FROZEN_MLP, model.getArchitecture());
            float[] energies =
                    model.energy(manager.create(new float[][] {{0f, 0f}, {1f, -2f}, {3f, 0.5f}}))
                            .toFloatArray();
            assertArrayEquals(FROZEN_ENERGIES, energies, 1e-6f);
        }
    }

    /** An image model written with each block metadata version (1: none, 2: numbers) loads. */
    @ParameterizedTest
    @ValueSource(strings = {"conv-manifest2-blocks1", "conv-manifest2-blocks2"})
    void everyImageModelFormatLoadsWithItsWeights(String name) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.load(frozen(name));
                NDManager manager = NDManager.newBaseManager()) {
            assertEquals(FROZEN_SMALL_CONV, model.getArchitecture());
            float[] pixels = new float[288];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = i / 288f;
            }
            float[] energies =
                    model.energy(manager.create(pixels, new Shape(2, 1, 12, 12))).toFloatArray();
            assertArrayEquals(FROZEN_CONV_ENERGIES, energies, 1e-6f);
        }
    }

    private static String read(String name) throws IOException, URISyntaxException {
        return Files.readString(frozen(name));
    }

    private static Path frozen(String name) throws URISyntaxException {
        return Path.of(FrozenFormatsTest.class.getResource("frozen/" + name).toURI());
    }
}
