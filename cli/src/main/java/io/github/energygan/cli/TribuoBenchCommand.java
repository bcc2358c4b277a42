/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;

import io.github.energygan.cli.benchmark.AnomalyBenchmark;
import io.github.energygan.cli.benchmark.AnomalyBenchmark.Method;
import io.github.energygan.cli.benchmark.AnomalyBenchmark.Result;
import io.github.energygan.cli.benchmark.AnomalyTask;
import io.github.energygan.cli.benchmark.AnomalyTask.Protocol;
import io.github.energygan.tribuo.EnergyAnomalyTrainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The anomaly-detection benchmark: our energy trainer beside Tribuo's one-class SVM and
 * scikit-learn's detectors, on the same splits of one data set, over several seeds.
 */
@Command(
        name = "tribuo-bench",
        mixinStandardHelpOptions = true,
        description = {
            "Anomaly detection on digits, breast cancer, a synthetic subspace task or",
            "Fashion-MNIST: energy GAN vs Tribuo's one-class SVM (LibSVM, gamma chosen on normal",
            "data only) and scikit-learn's IsolationForest, OneClassSVM and LocalOutlierFactor,",
            "on the same split files, per class and seed; prints AUROC and AUPRC tables (mean and",
            "range over seeds) and training and scoring seconds, and writes bench.json after",
            "every result."
        })
public final class TribuoBenchCommand implements Callable<Integer> {

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    @Option(
            names = "--dataset",
            defaultValue = "fashion-mnist",
            description =
                    "digits, breast-cancer, subspace or fashion-mnist (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(
            names = {"-c", "--config"},
            description =
                    "OLCUT XML config whose 'trainer' component is our trainer (default: the data"
                            + " set's example config in tribuo-adapter/configs, from the adapter's"
                            + " jar).")
    Path config;

    @Option(
            names = "--data",
            description =
                    "The data set's file (digits) or folder (fashion-mnist) (default: where"
                            + " Debian's package puts it).")
    Path data;

    @Option(
            names = "--classes",
            split = ",",
            description = "Classes to run (default: all of the data set's).")
    int[] classes;

    @Option(
            names = "--protocol",
            split = ",",
            defaultValue = "ONE_CLASS",
            description =
                    "Protocols: ONE_CLASS (train on a class), HELD_OUT (train on the others)"
                            + " (default: ${DEFAULT-VALUE}).")
    List<Protocol> protocols;

    @Option(
            names = "--seeds",
            split = ",",
            defaultValue = "0,1,2",
            description =
                    "Seeds of the splits, subsamples and every method (default: ${DEFAULT-VALUE}).")
    long[] seeds;

    @Option(
            names = "--train-limit",
            defaultValue = "6000",
            description = "Training examples per model, a seeded subsample (default: ${DEFAULT-VALUE}).")
    int trainLimit;

    @Option(
            names = "--test-limit",
            defaultValue = "10000",
            description = "Test examples per model, a seeded subsample (default: ${DEFAULT-VALUE}).")
    int testLimit;

    @Option(names = "--iterations", description = "Override our trainer's iterations.")
    Integer iterations;

    @Option(
            names = "--svm-gamma-factors",
            split = ",",
            defaultValue = "0.1,0.3,1,3,10,30,100",
            description =
                    "LibSVM's candidate gamma, as multiples of 1 / (features x variance); the"
                        + " narrowest that accepts held-out normal examples at about nu wins"
                        + " (default: ${DEFAULT-VALUE}).")
    double[] gammaFactors;

    @Option(
            names = "--svm-selection-limit",
            defaultValue = "3000",
            description =
                    "At most this many training examples take part in choosing LibSVM's gamma"
                        + " (its training is quadratic); the chosen SVM is refitted on all"
                        + " (default: ${DEFAULT-VALUE}).")
    int svmSelectionLimit;

    @Option(
            names = "--svm-nu",
            defaultValue = "0.1",
            description = "nu of both one-class SVMs (default: ${DEFAULT-VALUE}).")
    double nu;

    @Option(
            names = "--no-sklearn",
            description = "Leave out scikit-learn's detectors (LibSVM still runs).")
    boolean noSklearn;

    @Option(
            names = "--python",
            description = "The Python with scikit-learn (default: python3, else /usr/bin/python3).")
    String python;

    @Option(
            names = "--keep-splits",
            description = "Keep the split CSV files in the output folder's splits/.")
    boolean keepSplits;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(
            names = {"-o", "--output"},
            defaultValue = "out/tribuo-bench",
            description = "Where to write bench.json (default: ${DEFAULT-VALUE}).")
    Path output;

    /** {@inheritDoc} */
    @Override
    @SuppressWarnings("try") // the claim is held until everything is written, never read
    public Integer call() throws Exception {
        AnomalyTask task = AnomalyTask.of(dataset);
        AnomalyBenchmark.Settings settings =
                new AnomalyBenchmark.Settings(
                        task,
                        data,
                        classes != null
                                ? classes
                                : task.classes().stream().mapToInt(Integer::intValue).toArray(),
                        protocols,
                        seeds,
                        trainLimit,
                        testLimit,
                        gammaFactors,
                        svmSelectionLimit,
                        nu,
                        !noSklearn,
                        python,
                        keepSplits);
        String described = trainer(task, seeds[0]).toString();
        try (OutputDirectory.Claim claim = OutputDirectory.claim(output, overwrite.overwrite)) {
            System.out.println("Ours: " + described);
            List<Result> results = new ArrayList<>();
            new AnomalyBenchmark(settings, seed -> trainer(task, seed))
                    .run(
                            output,
                            r -> {
                                results.add(r);
                                StringBuilder line =
                                        new StringBuilder(
                                                String.format(
                                                        java.util.Locale.ROOT,
                                                        "%s %s class %d seed %d, AUROC:",
                                                        task.id(),
                                                        r.protocol(),
                                                        r.normalOrHeldOutClass(),
                                                        r.seed()));
                                for (Method m : r.methods()) {
                                    line.append(
                                            String.format(
                                                    java.util.Locale.ROOT,
                                                    " %s %.4f",
                                                    m.name(),
                                                    m.auroc()));
                                }
                                System.out.println(line);
                                write(described, results);
                            });
            String table = AnomalyBenchmark.table(results);
            System.out.println();
            System.out.print(table);
            write(described, results);
            return 0;
        }
    }

    private void write(String trainer, List<Result> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dataset", r.task().id());
            row.put("protocol", r.protocol().name());
            row.put("class", r.normalOrHeldOutClass());
            row.put("seed", r.seed());
            row.put("train", r.trainSize());
            row.put("test", r.testSize());
            row.put("anomalies", r.anomalies());
            row.put("methods", r.methods());
            rows.add(row);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("trainer", trainer);
        report.put("results", rows);
        report.put("table", AnomalyBenchmark.table(results));
        try {
            OutputDirectory.writeString(output.resolve("bench.json"), GSON.toJson(report));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private EnergyAnomalyTrainer trainer(AnomalyTask task, long seed) {
        try (ConfigurationManager cm =
                config != null
                        ? ConfigFile.load(config)
                        : new ConfigurationManager(
                                EnergyAnomalyTrainer.class.getResource(task.config()))) {
            if (iterations != null) {
                cm.overrideConfigurableProperty(
                        "trainer", "iterations", new SimpleProperty(iterations.toString()));
            }
            cm.overrideConfigurableProperty("trainer", "seed", new SimpleProperty(Long.toString(seed)));
            Object component = cm.lookup("trainer");
            if (!(component instanceof EnergyAnomalyTrainer trainer)) {
                throw new IllegalArgumentException(
                        "The config's 'trainer' must be an EnergyAnomalyTrainer, got "
                                + (component == null ? "none" : component.getClass().getName()));
            }
            return trainer;
        }
    }
}
