/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.tribuo.EnergyAnomalyTrainer;
import io.github.energygan.tribuo.benchmark.FashionMnistAnomalyBenchmark;
import io.github.energygan.tribuo.benchmark.FashionMnistAnomalyBenchmark.Protocol;
import io.github.energygan.tribuo.benchmark.FashionMnistAnomalyBenchmark.Result;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A short setting of {@code energy-gan tribuo-bench} (one class, small subsamples, 200 iterations),
 * so that the benchmark's code path runs in every build. Class 1 (trouser) is the easiest class for
 * both methods; the full figures are in the README.
 */
class FashionMnistAnomalyBenchmarkTest {

    @Test
    void bothProtocolsRunBothMethodsOnTheSameSplits() throws Exception {
        FashionMnistAnomalyBenchmark.Settings settings =
                new FashionMnistAnomalyBenchmark.Settings(
                        Path.of(FashionMnist.DEFAULT_FOLDER),
                        new int[] {1},
                        List.of(Protocol.ONE_CLASS, Protocol.HELD_OUT),
                        600,
                        1000,
                        new double[] {0.01, 0.03},
                        0.1,
                        1);
        EnergyAnomalyTrainer trainer =
                EnergyAnomalyTrainer.fashionMnist().optIterations(200).build();
        List<Result> streamed = new ArrayList<>();
        List<Result> results =
                new FashionMnistAnomalyBenchmark(settings, trainer).run(streamed::add);
        String table = FashionMnistAnomalyBenchmark.table(results);
        System.out.println(table);
        assertEquals(results, streamed);
        assertEquals(2, results.size());
        Result oneClass = results.get(0);
        assertEquals(Protocol.ONE_CLASS, oneClass.protocol());
        assertEquals(600, oneClass.trainSize());
        assertEquals(1000, oneClass.testSize());
        // About a tenth of the test set is trousers, the rest anomalies.
        assertTrue(oneClass.energy().expected() > 60 && oneClass.energy().expected() < 140);
        assertEquals(oneClass.energy().anomalies(), oneClass.svm().anomalies());
        Result heldOut = results.get(1);
        assertEquals(Protocol.HELD_OUT, heldOut.protocol());
        for (Result r : results) {
            assertTrue(r.svm().auroc() > 0.8, "SVM " + r);
            assertTrue(r.energy().auroc() > 0.6, "ours " + r);
        }
        assertTrue(table.contains("One-class") && table.contains("Held-out"), table);
    }
}
