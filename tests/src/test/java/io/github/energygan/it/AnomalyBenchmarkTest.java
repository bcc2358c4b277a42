/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;

import io.github.energygan.cli.benchmark.AnomalyBenchmark;
import io.github.energygan.cli.benchmark.AnomalyBenchmark.Method;
import io.github.energygan.cli.benchmark.AnomalyBenchmark.Result;
import io.github.energygan.cli.benchmark.AnomalyTask;
import io.github.energygan.cli.benchmark.AnomalyTask.Protocol;
import io.github.energygan.tribuo.EnergyAnomalyTrainer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Short settings of {@code energy-gan tribuo-bench} (few iterations, small subsamples), so that the
 * benchmark's code paths run in every build: every method, scikit-learn's through the split files,
 * both protocols, two data sets. The full figures are in docs/anomaly-benchmark.md.
 */
class AnomalyBenchmarkTest {

    private static final double[] FACTORS = {0.3, 1, 3, 10};

    private static EnergyAnomalyTrainer trainer(AnomalyTask task, int iterations, long seed) {
        try (ConfigurationManager cm =
                new ConfigurationManager(EnergyAnomalyTrainer.class.getResource(task.config()))) {
            cm.overrideConfigurableProperty(
                    "trainer", "iterations", new SimpleProperty(Integer.toString(iterations)));
            cm.overrideConfigurableProperty("trainer", "seed", new SimpleProperty(Long.toString(seed)));
            return (EnergyAnomalyTrainer) cm.lookup("trainer");
        }
    }

    private static AnomalyBenchmark.Settings settings(
            AnomalyTask task,
            int c,
            List<Protocol> protocols,
            int trainLimit,
            int testLimit,
            int selectionLimit,
            boolean sklearn,
            boolean keepSplits) {
        return new AnomalyBenchmark.Settings(
                task,
                null,
                new int[] {c},
                protocols,
                new long[] {task == AnomalyTask.DIGITS ? 3 : 0},
                trainLimit,
                testLimit,
                FACTORS,
                selectionLimit,
                0.1,
                sklearn,
                null,
                keepSplits);
    }

    @Test
    void digitsRunEveryMethodOnTheSameSplitFiles(@TempDir Path work) throws Exception {
        AnomalyBenchmark.Settings settings =
                settings(
                        AnomalyTask.DIGITS,
                        0,
                        List.of(Protocol.ONE_CLASS, Protocol.HELD_OUT),
                        6000,
                        10000,
                        3000,
                        true,
                        true);
        List<Result> streamed = new ArrayList<>();
        List<Result> results =
                new AnomalyBenchmark(settings, seed -> trainer(AnomalyTask.DIGITS, 100, seed))
                        .run(work, streamed::add);
        String table = AnomalyBenchmark.table(results);
        System.out.println(table);
        assertEquals(results, streamed);
        assertEquals(2, results.size());

        Result oneClass = results.get(0);
        assertEquals(
                List.of("ours", "LibSVM", "IsolationForest", "OneClassSVM", "LocalOutlierFactor"),
                oneClass.methods().stream().map(Method::name).toList());
        // Half of the 178 zeros train; the other half and half of every other digit (rounded up:
        // 901 of 1,797) test.
        assertEquals(89, oneClass.trainSize());
        assertEquals(901, oneClass.testSize());
        assertEquals(901 - 89, oneClass.anomalies());
        // Zeros are easy to tell from other digits for every detector; a peer reading its split
        // file wrongly (labels, columns) would rank at chance.
        for (Method m : oneClass.methods()) {
            assertTrue(m.auroc() > 0.9, m.toString());
            assertTrue(m.auprc() > 0.9, m.toString());
        }
        Path trainCsv = work.resolve("splits/digits-one_class-class0-seed3-train.csv");
        List<String> lines = Files.readAllLines(trainCsv);
        assertEquals(1 + 89, lines.size());
        assertEquals(65, lines.get(0).split(",").length);
        assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith("0,")), "all expected");

        Result heldOut = results.get(1);
        assertEquals(Protocol.HELD_OUT, heldOut.protocol());
        assertEquals(901, heldOut.testSize());
        assertEquals(89, heldOut.anomalies());
        // The training halves of the other nine digits: 896 training examples less the zeros.
        assertEquals(896 - 89, heldOut.trainSize());
        assertTrue(table.contains("one-class") && table.contains("held-out"), table);
        assertTrue(table.contains("best peer"), table);
    }

    @Test
    void breastCancerRanksMalignantCasesInTheFilesOwnUnits(@TempDir Path work) throws Exception {
        AnomalyBenchmark.Settings settings =
                settings(
                        AnomalyTask.BREAST_CANCER,
                        1,
                        List.of(Protocol.ONE_CLASS),
                        6000,
                        10000,
                        3000,
                        true,
                        false);
        Result r =
                new AnomalyBenchmark(
                                settings, seed -> trainer(AnomalyTask.BREAST_CANCER, 100, seed))
                        .run(work, x -> {})
                        .get(0);
        // Half of the 357 benign cases train; the other half and half of the 212 malignant ones
        // test.
        assertEquals(178, r.trainSize());
        assertEquals(285, r.testSize());
        assertEquals(106, r.anomalies());
        // Malignant cases are larger: every detector finds most of them (0.95 to 0.98 in the full
        // runs, docs/anomaly-benchmark.md).
        for (Method m : r.methods()) {
            assertTrue(m.auroc() > 0.85, m.toString());
        }
        assertTrue(
                Files.notExists(
                        work.resolve("splits/breast-cancer-one_class-class1-seed0-train.csv")),
                "split files are removed");
    }

    @Test
    void fashionMnistSubsamplesAreSeeded(@TempDir Path work) throws Exception {
        AnomalyBenchmark.Settings settings =
                settings(
                        AnomalyTask.FASHION_MNIST,
                        1,
                        List.of(Protocol.ONE_CLASS),
                        400,
                        800,
                        400,
                        false,
                        false);
        List<Result> results =
                new AnomalyBenchmark(
                                settings, seed -> trainer(AnomalyTask.FASHION_MNIST, 100, seed))
                        .run(work, r -> {});
        Result r = results.get(0);
        assertEquals(List.of("ours", "LibSVM"), r.methods().stream().map(Method::name).toList());
        assertEquals(400, r.trainSize());
        assertEquals(800, r.testSize());
        // About a tenth of the test set is trousers, the rest anomalies.
        assertTrue(r.anomalies() > 660 && r.anomalies() < 740, r.toString());
        // Trousers are easy to tell from the rest.
        assertTrue(r.method("LibSVM").auroc() > 0.8, r.toString());
        assertTrue(r.method("ours").auroc() > 0.75, r.toString());
        assertTrue(Files.notExists(work.resolve("splits")), "no split files without the peers");
    }
}
