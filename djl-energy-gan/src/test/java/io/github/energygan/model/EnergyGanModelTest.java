/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.training.EnergyGanTrainingConfig;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Saving, loading, and what goes wrong with model directories. */
class EnergyGanModelTest {

    private static final EnergyGanArchitecture SMALL =
            EnergyGanArchitecture.builder()
                    .optDataScale(2.5f)
                    .optEnergyWidths(16, 8)
                    .optGeneratorWidths(16)
                    .optEstimatorWidths(8)
                    .optEnergyActivation(ActivationFunction.silu())
                    .build();

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void saveAndLoadGiveIdenticalEnergiesAndSamples(@TempDir Path dir) throws Exception {
        NDArray x = manager.randomNormal(new Shape(32, 2)).mul(3f);
        NDArray z = manager.randomNormal(new Shape(32, 2));
        float[] energies;
        float[] samples;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 1)) {
            model.save(dir);
            energies = model.energy(x).toFloatArray();
            samples = model.generateFrom(z).toFloatArray();
        }
        assertTrue(Files.isRegularFile(dir.resolve(EnergyGanModel.ARCHITECTURE_FILE)));
        assertTrue(Files.isRegularFile(dir.resolve(EnergyGanModel.PARAMETER_FILE)));
        try (Stream files = new Stream(dir)) {
            assertEquals(
                    3,
                    files.count(),
                    "manifest, weights, serving.properties; no staging leftovers");
        }
        try (EnergyGanModel loaded = EnergyGanModel.load(dir)) {
            assertEquals(SMALL, loaded.getArchitecture());
            assertArrayEquals(energies, loaded.energy(x).toFloatArray());
            assertArrayEquals(samples, loaded.generateFrom(z).toFloatArray());
        }
    }

    /** Counts a directory's entries. */
    private static final class Stream implements AutoCloseable {
        private final java.util.stream.Stream<Path> entries;

        Stream(Path dir) throws IOException {
            entries = Files.list(dir);
        }

        long count() {
            return entries.count();
        }

        @Override
        public void close() {
            entries.close();
        }
    }

    @Test
    void architectureJsonRoundTrips() {
        for (EnergyGanArchitecture a :
                new EnergyGanArchitecture[] {
                    SMALL,
                    EnergyGanArchitecture.reference2d(),
                    SMALL.toBuilder().optGeneratorOutputBound(3f).build(),
                    EnergyGanArchitecture.fast2d().toBuilder()
                            .optEstimator(EnergyGanArchitecture.Estimator.INFOGAN)
                            .build()
                }) {
            assertEquals(a, EnergyGanArchitecture.fromJson(a.toJson()));
        }
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> EnergyGanArchitecture.fromJson("{\"family\": \"mlp\"}"));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void aBaseMeasureIsSavedAndRaisesTheEnergyByItsQuadratic(@TempDir Path dir) throws Exception {
        EnergyGanArchitecture based = SMALL.toBuilder().optEnergyBasePrecision(0.5f).build();
        assertEquals(based, EnergyGanArchitecture.fromJson(based.toJson()));
        assertNotEquals(SMALL, based);
        // A file written before the field existed reads as "no base measure".
        String old = SMALL.toJson().replaceAll("(?m)^.*energyBasePrecision.*\\R", "");
        assertFalse(old.contains("energyBasePrecision"), old);
        assertEquals(SMALL, EnergyGanArchitecture.fromJson(old));
        NDArray x = manager.randomNormal(new Shape(16, 2)).mul(3f);
        float[] plain;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 4)) {
            plain = model.energy(x).toFloatArray();
        }
        float[] quadratic = x.div(2.5f).square().sum(new int[] {1}).mul(0.25f).toFloatArray();
        try (EnergyGanModel model = EnergyGanModel.newModel(based, 4)) {
            float[] energies = model.energy(x).toFloatArray();
            for (int i = 0; i < energies.length; i++) {
                assertEquals(plain[i] + quadratic[i], energies[i], 1e-4f, "point " + i);
            }
            model.save(dir);
        }
        try (EnergyGanModel loaded = EnergyGanModel.load(dir)) {
            assertEquals(based, loaded.getArchitecture());
        }
        IllegalArgumentException negative =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SMALL.toBuilder().optEnergyBasePrecision(-1f).build());
        assertTrue(negative.getMessage().contains("energyBasePrecision"), negative.getMessage());
        IllegalArgumentException conv =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                EnergyGanArchitecture.imageNarrow().toBuilder()
                                        .optEnergyBasePrecision(1f)
                                        .build());
        assertTrue(conv.getMessage().contains("mlp family only"), conv.getMessage());
    }

    @Test
    void missingFilesAreNamed(@TempDir Path dir) throws Exception {
        IOException none =
                assertThrows(IOException.class, () -> EnergyGanModel.load(dir.resolve("nope")));
        assertTrue(none.getMessage().contains("does not exist"), none.getMessage());
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 2)) {
            model.save(dir);
        }
        Files.delete(dir.resolve(EnergyGanModel.PARAMETER_FILE));
        IOException weights = assertThrows(IOException.class, () -> EnergyGanModel.load(dir));
        assertTrue(
                weights.getMessage().contains(EnergyGanModel.PARAMETER_FILE), weights.getMessage());
        Files.delete(dir.resolve(EnergyGanModel.ARCHITECTURE_FILE));
        IOException architecture = assertThrows(IOException.class, () -> EnergyGanModel.load(dir));
        assertTrue(
                architecture.getMessage().contains(EnergyGanModel.ARCHITECTURE_FILE),
                architecture.getMessage());
    }

    @Test
    void truncatedWeightsAreReportedWithTheFile(@TempDir Path dir) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 3)) {
            model.save(dir);
        }
        Path weights = dir.resolve(EnergyGanModel.PARAMETER_FILE);
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length / 2));
        MalformedModelException e =
                assertThrows(MalformedModelException.class, () -> EnergyGanModel.load(dir));
        assertTrue(e.getMessage().contains(weights.toString()), e.getMessage());
    }

    @Test
    void corruptedWeightsAreReported(@TempDir Path dir) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 3)) {
            model.save(dir);
        }
        Path weights = dir.resolve(EnergyGanModel.PARAMETER_FILE);
        byte[] bytes = Files.readAllBytes(weights);
        for (int i = 0; i < 64; i++) {
            bytes[i] = (byte) 0x5A;
        }
        Files.write(weights, bytes);
        MalformedModelException e =
                assertThrows(MalformedModelException.class, () -> EnergyGanModel.load(dir));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains(weights.toString()), e.getMessage());
    }

    @Test
    void aSingleFlippedByteIsCaught(@TempDir Path dir) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 3)) {
            model.save(dir);
        }
        Path weights = dir.resolve(EnergyGanModel.PARAMETER_FILE);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 5] ^= 0x01; // a weight's low bit: DJL alone would load it silently
        Files.write(weights, bytes);
        assertThrows(MalformedModelException.class, () -> EnergyGanModel.load(dir));
    }

    @Test
    void aManifestThatIsNotOneIsReported(@TempDir Path dir) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 3)) {
            model.save(dir);
        }
        Files.writeString(dir.resolve(EnergyGanModel.ARCHITECTURE_FILE), "[1, 2]");
        MalformedModelException e =
                assertThrows(MalformedModelException.class, () -> EnergyGanModel.load(dir));
        assertTrue(e.getMessage().contains(EnergyGanModel.ARCHITECTURE_FILE), e.getMessage());
    }

    @Test
    void weightsOfAnotherArchitectureAreRejected(@TempDir Path dir) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 4)) {
            model.save(dir);
        }
        EnergyGanArchitecture other = SMALL.toBuilder().optEnergyWidths(16, 9).build();
        Path weights = dir.resolve(EnergyGanModel.PARAMETER_FILE);
        String digest;
        try (java.io.InputStream in = Files.newInputStream(weights)) {
            digest = ModelManifest.sha256(in);
        }
        Files.writeString(
                dir.resolve(EnergyGanModel.ARCHITECTURE_FILE),
                new ModelManifest(other, EnergyGanModel.PARAMETER_FILE, digest).toJson());
        MalformedModelException e =
                assertThrows(MalformedModelException.class, () -> EnergyGanModel.load(dir));
        assertTrue(e.getMessage().contains("16→9"), e.getMessage());
    }

    @Test
    void generatedSamplesFollowTheEngineSeed() {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 5)) {
            Engine.getInstance().setRandomSeed(9);
            float[] a = model.generate(manager, 10).toFloatArray();
            Engine.getInstance().setRandomSeed(9);
            float[] b = model.generate(manager, 10).toFloatArray();
            assertArrayEquals(a, b);
            assertThrows(IllegalArgumentException.class, () -> model.generate(manager, 0));
        }
    }

    @Test
    void presetsAreFoundByName() {
        assertEquals(EnergyGanPreset.FAST_2D, EnergyGanPreset.byName("fast-2d"));
        assertEquals(EnergyGanPreset.REFERENCE_2D, EnergyGanPreset.byName("REFERENCE-2D"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EnergyGanPreset.byName("huge"));
        assertTrue(e.getMessage().contains("fast-2d"), e.getMessage());
        assertEquals(2.5f, EnergyGanPreset.FAST_2D.architecture(2.5f).getDataScale());
    }

    @Test
    void aPresetStretchedToAnotherLengthKeepsItsScheduleShape() {
        EnergyGanPreset preset = EnergyGanPreset.FAST_2D;
        EnergyGanTrainingConfig full = preset.trainingConfig().build();
        EnergyGanTrainingConfig tenth = preset.trainingConfig(full.getIterations() / 10).build();
        assertEquals(full.getIterations() / 10, tenth.getIterations());
        assertEquals(full.getWarmUpIterations() / 10, tenth.getWarmUpIterations());
        assertEquals(full.getPenaltyLambda(), tenth.getPenaltyLambda());
        assertEquals(full.getFinalPenaltyFactor(), tenth.getFinalPenaltyFactor());
        // λ and the entropy weight fall along the same cosine, whatever the length.
        assertEquals(
                full.penaltyLambdaAt(full.getIterations() - 1),
                tenth.penaltyLambdaAt(tenth.getIterations() - 1),
                1e-7);
        assertEquals(0.03f, full.penaltyLambdaAt(full.getIterations() - 1), 1e-6);
        assertEquals(0.1f, full.penaltyLambdaAt(0), 1e-7);
        assertEquals(1, preset.trainingConfig(1).build().getIterations());
        assertThrows(IllegalArgumentException.class, () -> preset.trainingConfig(0));
    }
}
