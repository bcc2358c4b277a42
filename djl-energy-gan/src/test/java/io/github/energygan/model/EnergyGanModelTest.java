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
import ai.djl.util.Utils;

import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.model.Layers;
import io.github.energygan.model.MlpArchitecture;
import io.github.energygan.model.EstimatorSpec;
import io.github.energygan.model.ConvArchitecture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Saving, loading, and what goes wrong with model directories. */
class EnergyGanModelTest {

    private static final MlpArchitecture SMALL =
            new MlpArchitecture(
                    2,
                    2,
                    2.5f,
                    Layers.of(ActivationFunction.silu(), 16, 8),
                    0f,
                    Layers.of(ActivationFunction.relu(), 16),
                    0f,
                    new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(ActivationFunction.leakyRelu(0.2f), 8)));

    private static final ConvArchitecture IMAGES =
            new ConvArchitecture(
                    java.util.List.of(1L, 12L, 12L),
                    4,
                    Layers.of(ActivationFunction.leakyRelu(0.2f), 3, 4),
                    java.util.List.of(4L, 3L),
                    new EstimatorSpec(
                            EnergyGanArchitecture.Estimator.JSD,
                            Layers.of(ActivationFunction.leakyRelu(0.2f), 3, 8)));

    private NDManager manager;

    private static MlpArchitecture withBase(float bound, float precision) {
        return new MlpArchitecture(
                2,
                2,
                2.5f,
                SMALL.energy(),
                precision,
                SMALL.generator(),
                bound,
                SMALL.estimator());
    }

    private static Path frozen(String name) throws java.net.URISyntaxException {
        return Path.of(EnergyGanModelTest.class.getResource("frozen/" + name).toURI());
    }

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
                    MlpArchitecture.reference(2, 2, 1f),
                    withBase(3f, 0f),
                    MlpArchitecture.reference(2, 2, 1f)
                            .withEstimator(EnergyGanArchitecture.Estimator.INFOGAN),
                    IMAGES
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
        EnergyGanArchitecture based = withBase(0f, 0.5f);
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
                        () -> withBase(0f, -1f));
        assertTrue(negative.getMessage().contains("energyBasePrecision"), negative.getMessage());
        IllegalArgumentException conv =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ArchitectureJson.read(
                                        Files.readString(frozen("conv-schema1.json"))
                                                .replace(
                                                        "\"latentFeatures\"",
                                                        "\"energyBasePrecision\": 1.0,"
                                                                + " \"latentFeatures\""),
                                        1));
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
    void anOversizedWeightFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 3)) {
            model.save(dir);
        }
        // A file far larger than the architecture's weights, with a manifest that vouches for it:
        // refused by its size, by both loading routes, before a byte of it is read.
        Path weights = dir.resolve(EnergyGanModel.PARAMETER_FILE);
        Files.write(weights, new byte[4 << 20], java.nio.file.StandardOpenOption.APPEND);
        String digest;
        try (java.io.InputStream in = Files.newInputStream(weights)) {
            digest = ModelManifest.sha256(in);
        }
        Files.writeString(
                dir.resolve(EnergyGanModel.ARCHITECTURE_FILE),
                new ModelManifest(SMALL, EnergyGanModel.PARAMETER_FILE, digest).toJson());
        java.io.IOException e =
                assertThrows(java.io.IOException.class, () -> EnergyGanModel.load(dir));
        assertTrue(e.getMessage().contains(weights.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("more than the"), e.getMessage());
        java.io.IOException viaFactory =
                assertThrows(
                        java.io.IOException.class,
                        () -> new EnergyGanBlockFactory().newBlock(null, dir, java.util.Map.of()));
        assertTrue(viaFactory.getMessage().contains("more than the"), viaFactory.getMessage());
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
        Path manifest = dir.resolve(EnergyGanModel.ARCHITECTURE_FILE);
        String saved = Files.readString(manifest);
        Files.writeString(manifest, "[1, 2]");
        MalformedModelException e =
                assertThrows(MalformedModelException.class, () -> EnergyGanModel.load(dir));
        assertTrue(e.getMessage().contains(EnergyGanModel.ARCHITECTURE_FILE), e.getMessage());

        // A missing field is named, not reported as a null pointer.
        com.google.gson.JsonObject root =
                com.google.gson.JsonParser.parseString(saved).getAsJsonObject();
        root.remove("parameterSha256");
        Files.writeString(manifest, root.toString());
        MalformedModelException missing =
                assertThrows(MalformedModelException.class, () -> EnergyGanModel.load(dir));
        assertTrue(
                missing.getMessage().contains("lacks the field 'parameterSha256'"),
                missing.getMessage());
    }

    @Test
    void aSaveReplacesAnEarlierOneWholeAndNeverAForeignDirectory(@TempDir Path dir)
            throws Exception {
        Path target = dir.resolve("model");
        try (EnergyGanModel first = EnergyGanModel.newModel(SMALL, 3)) {
            first.save(target);
        }
        // What a crash mid-save leaves behind: a staging directory beside the target.
        Path stale = Files.createDirectories(dir.resolve(".model.saving-crashed"));
        float[] expected;
        try (EnergyGanModel second = EnergyGanModel.newModel(SMALL, 4)) {
            second.save(target);
            expected = second.energy(manager.create(new float[] {0.3f, 0.7f}).reshape(1, 2))
                    .toFloatArray();
        }
        try (EnergyGanModel loaded = EnergyGanModel.load(target)) {
            assertArrayEquals(
                    expected,
                    loaded.energy(manager.create(new float[] {0.3f, 0.7f}).reshape(1, 2))
                            .toFloatArray());
        }
        assertFalse(Files.exists(stale), "the next save removes what a crash left");
        try (java.util.stream.Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("model"), siblings.map(p -> p.getFileName().toString()).toList());
        }

        // A loaded model saves again, to the same bytes.
        try (EnergyGanModel loaded = EnergyGanModel.load(target)) {
            loaded.save(dir.resolve("copy"));
        }
        assertArrayEquals(
                Files.readAllBytes(target.resolve(EnergyGanModel.PARAMETER_FILE)),
                Files.readAllBytes(dir.resolve("copy").resolve(EnergyGanModel.PARAMETER_FILE)));
        Utils.deleteQuietly(dir.resolve("copy"));

        // A directory holding anything else is not a save's to replace.
        Path foreign = Files.createDirectories(dir.resolve("project"));
        Path notes = Files.writeString(foreign.resolve("notes.txt"), "mine");
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 5)) {
            IOException e = assertThrows(IOException.class, () -> model.save(foreign));
            assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        }
        assertEquals("mine", Files.readString(notes));
    }

    @Test
    void weightsOfAnotherArchitectureAreRejected(@TempDir Path dir) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 4)) {
            model.save(dir);
        }
        EnergyGanArchitecture other =
                new MlpArchitecture(
                        2,
                        2,
                        2.5f,
                        Layers.of(ActivationFunction.silu(), 16, 9),
                        0f,
                        SMALL.generator(),
                        0f,
                        SMALL.estimator());
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
}
