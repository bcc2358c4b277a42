/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

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

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aModelDirectoryOfEachManifestFormatLoadsWithItsWeights(int format) throws Exception {
        Path dir = frozen("model-format" + format);
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

    private static String read(String name) throws IOException, URISyntaxException {
        return Files.readString(frozen(name));
    }

    private static Path frozen(String name) throws URISyntaxException {
        return Path.of(FrozenFormatsTest.class.getResource("frozen/" + name).toURI());
    }
}
