/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.tribuo.EnergyAnomalyTrainer;
import io.github.energygan.cli.benchmark.FashionMnistAnomalyBenchmark;
import io.github.energygan.cli.benchmark.FashionMnistAnomalyBenchmark.Protocol;
import io.github.energygan.cli.benchmark.FashionMnistAnomalyBenchmark.Result;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A short setting of {@code energy-gan tribuo-bench} (one class, small subsamples, 200 iterations),
 * so that the benchmark's code path runs in every build. Class 1 (trouser) is the easiest class for
 * both methods; the full figures are in docs/benchmarks.md.
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
                        400,
                        0.1,
                        1);
        EnergyAnomalyTrainer trainer;
        try (ConfigurationManager cm =
                new ConfigurationManager(
                        EnergyAnomalyTrainer.class.getResource(
                                "configs/energy-anomaly-fashion-mnist.xml"))) {
            cm.overrideConfigurableProperty("trainer", "iterations", new SimpleProperty("200"));
            trainer = (EnergyAnomalyTrainer) cm.lookup("trainer");
        }
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
        // Trousers are easy to tell from the rest (0.958 for the SVM, 0.926 for us seen here;
        // 0.961 with the earlier 256-wide energy).
        assertTrue(oneClass.svm().auroc() > 0.8, "SVM " + oneClass);
        assertTrue(oneClass.energy().auroc() > 0.75, "ours " + oneClass);
        Result heldOut = results.get(1);
        assertEquals(Protocol.HELD_OUT, heldOut.protocol());
        // 7,000 trousers beside 20 % of the other 63,000 images: about 36 % anomalies.
        double anomalyShare = heldOut.svm().anomalies() / (double) heldOut.testSize();
        assertTrue(anomalyShare > 0.3 && anomalyShare < 0.42, "anomaly share " + anomalyShare);
        assertEquals(heldOut.svm().anomalies(), heldOut.energy().anomalies());
        // Held out, trousers are still found (AUROC 0.796 for us, 0.779 for the SVM seen here;
        // without the base measure our energy scored 0.21 in the full run).
        assertTrue(heldOut.svm().auroc() > 0.7, "SVM " + heldOut);
        assertTrue(heldOut.energy().auroc() > 0.65, "ours " + heldOut);
        assertTrue(table.contains("One-class") && table.contains("Held-out"), table);
    }
}
