/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.util.Pair;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.impl.ArrayExample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Prediction, explanation and serialisation of a trained {@link EnergyAnomalyModel}. */
class EnergyAnomalyModelTest {

    private static EnergyAnomalyModel model;
    private static MutableDataset<Event> test;

    @BeforeAll
    static void train() {
        model = Fixtures.trainer().train(Fixtures.train());
        test = Fixtures.test();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void protobufRoundTripGivesIdenticalScores(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.tribuo");
        model.serializeToFile(file);
        try (EnergyAnomalyModel loaded = EnergyAnomalyModel.load(file)) {
            assertArrayEquals(Fixtures.scores(model, test), Fixtures.scores(loaded, test));
            assertEquals(model.getThreshold(), loaded.getThreshold());
            assertEquals(model.getProvenance(), loaded.getProvenance());
            assertEquals(model.getFeatureIDMap().size(), loaded.getFeatureIDMap().size());
        }
    }

    @Test
    void javaSerialisationRoundTripGivesIdenticalScores() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        Object read;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }
        try (EnergyAnomalyModel loaded = (EnergyAnomalyModel) read) {
            assertArrayEquals(Fixtures.scores(model, test), Fixtures.scores(loaded, test));
            assertEquals(model.getProvenance(), loaded.getProvenance());
        }
    }

    @Test
    void aCopyScoresAlike() {
        try (EnergyAnomalyModel copy = (EnergyAnomalyModel) model.copy()) {
            assertArrayEquals(Fixtures.scores(model, test), Fixtures.scores(copy, test));
        }
    }

    @Test
    void batchedPredictionsMatchOneByOne() {
        double[] batched = Fixtures.scores(model, test);
        EnergyTerms terms = model.energyTerms(test);
        int i = 0;
        for (Example<Event> example : test) {
            double single = model.predict(example).getOutput().getScore();
            // Batched and single matrix products may round differently in the last bits of float32,
            // relative to the terms summed: the base measure and the network part, which largely
            // cancel where the network corrects the base.
            double magnitude = 1 + Math.abs(terms.base()[i]) + Math.abs(terms.network()[i]);
            assertEquals(batched[i], single, 1e-6 * magnitude);
            i++;
        }
    }

    @Test
    void eventsAboveTheThresholdAreAnomalousAndTheThresholdIsTheTrainingQuantile() {
        for (Prediction<Event> p : model.predict(test)) {
            Event event = p.getOutput();
            assertEquals(
                    event.getScore() > model.getThreshold()
                            ? Event.EventType.ANOMALOUS
                            : Event.EventType.EXPECTED,
                    event.getType());
        }
        // contamination 0.1: 10 % of the 600 training events score above the threshold.
        long above =
                Arrays.stream(Fixtures.scores(model, Fixtures.train()))
                        .filter(s -> s > model.getThreshold())
                        .count();
        assertEquals(60, above);
    }

    @Test
    void unknownFeaturesAreIgnoredAndAnExampleWithoutKnownOnesIsRejected() {
        Example<Event> first = test.getExample(0);
        List<Feature> features = new ArrayList<>();
        first.forEach(features::add);
        features.add(new Feature("not-a-training-feature", 1e6));
        ArrayExample<Event> extended = new ArrayExample<>(first.getOutput(), features);
        assertEquals(
                model.predict(first).getOutput().getScore(),
                model.predict(extended).getOutput().getScore(),
                1e-6);

        ArrayExample<Event> foreign =
                new ArrayExample<>(
                        AnomalyFactory.UNKNOWN_EVENT, new String[] {"x", "y"}, new double[] {1, 2});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> model.predict(foreign));
        assertTrue(e.getMessage().contains("none of the model's 5 features"), e.getMessage());
    }

    @Test
    void nonFiniteFeatureValuesAreRejected() {
        ArrayExample<Event> bad =
                new ArrayExample<>(
                        AnomalyFactory.UNKNOWN_EVENT,
                        new String[] {"A", "B"},
                        new double[] {Double.NaN, 1});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> model.predict(bad));
        assertTrue(e.getMessage().contains("'A' = NaN"), e.getMessage());
    }

    @Test
    void theExcuseBlamesTheFeatureThatIsFarOut() {
        // The training data has E ~ N(5, 0.1); move E alone far away.
        String[] names = {"A", "B", "C", "D", "E"};
        double[] normal = {1, 2, 1, 2, 5};
        double[] odd = {1, 2, 1, 2, -10};
        ArrayExample<Event> unusual = new ArrayExample<>(AnomalyFactory.UNKNOWN_EVENT, names, odd);
        Excuse<Event> excuse = model.getExcuse(unusual).orElseThrow();
        assertEquals(model.predict(unusual).getOutput(), excuse.getPrediction().getOutput());
        List<Pair<String, Double>> ranked = excuse.getScores().get(Model.ALL_OUTPUTS);
        assertEquals(5, ranked.size());
        assertEquals("E", ranked.get(0).getA(), ranked.toString());
        // The usual point's attributions are all small beside that one.
        ArrayExample<Event> usual = new ArrayExample<>(AnomalyFactory.UNKNOWN_EVENT, names, normal);
        List<Pair<String, Double>> usualRanked =
                model.getExcuse(usual).orElseThrow().getScores().get(Model.ALL_OUTPUTS);
        assertTrue(
                Math.abs(usualRanked.get(0).getB()) < Math.abs(ranked.get(0).getB()),
                usualRanked + " vs " + ranked);
    }

    @Test
    void topFeaturesAreRankedByMeanAttribution() {
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(3);
        List<Pair<String, Double>> ranked = top.get(Model.ALL_OUTPUTS);
        assertEquals(3, ranked.size());
        assertTrue(ranked.get(0).getB() >= ranked.get(1).getB());
        assertTrue(ranked.get(1).getB() >= ranked.get(2).getB());
        assertEquals(5, model.getTopFeatures(-1).get(Model.ALL_OUTPUTS).size());
    }

    @Test
    void aModelFileOfAnotherClassOrACorruptOneIsRefused(@TempDir Path dir) throws IOException {
        SVMParameters<Event> parameters =
                new SVMParameters<>(
                        new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
        parameters.setGamma(1.0);
        parameters.setNu(0.1);
        Path svmFile = dir.resolve("svm.tribuo");
        new LibSVMAnomalyTrainer(parameters).train(Fixtures.train()).serializeToFile(svmFile);
        IllegalArgumentException other =
                assertThrows(
                        IllegalArgumentException.class, () -> EnergyAnomalyModel.load(svmFile));
        assertTrue(other.getMessage().contains("LibSVMAnomalyModel"), other.getMessage());

        Path file = dir.resolve("model.tribuo");
        model.serializeToFile(file);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.tribuo");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(IOException.class, () -> EnergyAnomalyModel.load(truncated));
        Path empty = Files.createFile(dir.resolve("empty.tribuo"));
        IOException emptyFile =
                assertThrows(IOException.class, () -> EnergyAnomalyModel.load(empty));
        assertTrue(emptyFile.getMessage().contains("is empty"), emptyFile.getMessage());
        IOException missing =
                assertThrows(
                        IOException.class, () -> EnergyAnomalyModel.load(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        // Flip bytes inside the weights (DJL's parameter file starts with "DJL@"): the
        // manifest's SHA-256 catches it.
        int weights = indexOf(bytes, "DJL@".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(weights > 0);
        byte[] flipped = bytes.clone();
        for (int i = weights + 500; i < weights + 600; i++) {
            flipped[i] ^= 0x5a;
        }
        Path corrupt = dir.resolve("corrupt.tribuo");
        Files.write(corrupt, flipped);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> EnergyAnomalyModel.load(corrupt));
        assertTrue(e.getMessage().contains("corrupt.tribuo"), e.getMessage());
        assertTrue(
                e.getMessage().contains("SHA-256") || e.getMessage().contains("digest"),
                e.getMessage());
    }

    @Test
    void noSingleByteFlipLoadsWithOtherScores(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.tribuo");
        model.serializeToFile(file);
        byte[] bytes = Files.readAllBytes(file);
        double[] expected = Fixtures.scores(model, test);
        java.util.Random random = new java.util.Random(6);
        int loaded = 0;
        for (int trial = 0; trial < 200; trial++) {
            byte[] flipped = bytes.clone();
            int at = random.nextInt(bytes.length);
            flipped[at] ^= (byte) (1 + random.nextInt(255));
            Path copy = dir.resolve("flip-" + trial + ".tribuo");
            Files.write(copy, flipped);
            try (EnergyAnomalyModel other = EnergyAnomalyModel.load(copy)) {
                // Loaded: then the flip changed nothing a prediction depends on.
                assertArrayEquals(expected, Fixtures.scores(other, test), "byte " + at);
                assertEquals(model.getThreshold(), other.getThreshold(), "byte " + at);
                loaded++;
            } catch (IOException | RuntimeException e) {
                // Refused, as it should be.
            }
            Files.delete(copy);
        }
        assertTrue(loaded < 200, "some flips must be caught, or the test flips nothing");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
