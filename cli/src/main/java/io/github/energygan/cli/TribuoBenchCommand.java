/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;

import io.github.energygan.cli.benchmark.FashionMnistAnomalyBenchmark;
import io.github.energygan.cli.benchmark.FashionMnistAnomalyBenchmark.Protocol;
import io.github.energygan.cli.benchmark.FashionMnistAnomalyBenchmark.Result;
import io.github.energygan.dataset.FashionMnist;
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
 * The Fashion-MNIST anomaly benchmark: our energy trainer beside Tribuo's one-class SVM, under the
 * one-class and the held-out-class protocols, on the same splits in one run.
 */
@Command(
        name = "tribuo-bench",
        mixinStandardHelpOptions = true,
        description = {
            "Fashion-MNIST anomaly detection: energy GAN vs Tribuo's one-class SVM (LibSVM),",
            "one-class (AUROC) and held-out-class (AUPRC, AUROC) protocols; prints a table per",
            "protocol with the means and writes bench.json."
        })
public final class TribuoBenchCommand implements Callable<Integer> {

    /** The Fashion-MNIST config in the adapter's jar, relative to the trainer's class. */
    static final String DEFAULT_CONFIG = "configs/energy-anomaly-fashion-mnist.xml";

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    @Option(
            names = {"-c", "--config"},
            description =
                    "OLCUT XML config whose 'trainer' component is our trainer (default:"
                        + " tribuo-adapter/configs/energy-anomaly-fashion-mnist.xml, from the"
                        + " adapter's jar).")
    Path config;

    @Option(
            names = "--classes",
            split = ",",
            defaultValue = "0,1,2,3,4,5,6,7,8,9",
            description = "Classes to run (default: all).")
    int[] classes;

    @Option(
            names = "--protocol",
            split = ",",
            defaultValue = "ONE_CLASS,HELD_OUT",
            description = "Protocols: ONE_CLASS, HELD_OUT (default: both).")
    List<Protocol> protocols;

    @Option(
            names = "--train-limit",
            defaultValue = "6000",
            description =
                    "Training images per model, a seeded subsample (default: ${DEFAULT-VALUE},"
                        + " every training image of a class).")
    int trainLimit;

    @Option(
            names = "--test-limit",
            defaultValue = "10000",
            description = "Test images per model, a seeded subsample (default: ${DEFAULT-VALUE}).")
    int testLimit;

    @Option(names = "--iterations", description = "Override our trainer's iterations.")
    Integer iterations;

    @Option(
            names = "--svm-gamma",
            split = ",",
            defaultValue = "0.01,0.03,0.1,0.3,1",
            description =
                    "One-class SVM γ candidates, chosen on a validation split (default:"
                            + " ${DEFAULT-VALUE}).")
    double[] gammas;

    @Option(
            names = "--svm-selection-limit",
            defaultValue = "3000",
            description =
                    "At most this many of a class's training images take part in choosing the SVM's"
                        + " γ (its training is quadratic); the chosen SVM is refitted on all"
                        + " (default: ${DEFAULT-VALUE}).")
    int svmSelectionLimit;

    @Option(
            names = "--svm-nu",
            defaultValue = "0.1",
            description = "One-class SVM ν (default: ${DEFAULT-VALUE}).")
    double nu;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of splits and subsamples (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--data-folder",
            defaultValue = FashionMnist.DEFAULT_FOLDER,
            description = "Folder of the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path folder;

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
        EnergyAnomalyTrainer trainer = trainer();
        try (OutputDirectory.Claim claim =
                OutputDirectory.claim(output, overwrite.overwrite)) {
            FashionMnistAnomalyBenchmark.Settings settings =
                    new FashionMnistAnomalyBenchmark.Settings(
                            folder,
                            classes,
                            protocols,
                            trainLimit,
                            testLimit,
                            gammas,
                            svmSelectionLimit,
                            nu,
                            seed);
            System.out.println("Ours: " + trainer);
            List<Result> results = new ArrayList<>();
            new FashionMnistAnomalyBenchmark(settings, trainer)
                    .run(
                            r -> {
                                results.add(r);
                                System.out.printf(
                                        "%s class %d: AUROC ours %.4f, SVM %.4f; AUPRC ours %.4f, SVM"
                                                + " %.4f (γ %.4g)%n",
                                        r.protocol(),
                                        r.heldOutOrNormalClass(),
                                        r.energy().auroc(),
                                        r.svm().auroc(),
                                        r.energy().auprc(),
                                        r.svm().auprc(),
                                        r.svmGamma());
                            });
            String table = FashionMnistAnomalyBenchmark.table(results);
            System.out.println();
            System.out.print(table);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Result r : results) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("protocol", r.protocol().name());
                row.put("class", r.heldOutOrNormalClass());
                row.put("aurocEnergy", r.energy().auroc());
                row.put("aurocSvm", r.svm().auroc());
                row.put("auprcEnergy", r.energy().auprc());
                row.put("auprcSvm", r.svm().auprc());
                row.put("svmGamma", r.svmGamma());
                row.put("energySeconds", r.energySeconds());
                row.put("svmSeconds", r.svmSeconds());
                row.put("train", r.trainSize());
                row.put("test", r.testSize());
                rows.add(row);
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("trainer", trainer.toString());
            report.put("results", rows);
            report.put("table", table);
            OutputDirectory.writeString(output.resolve("bench.json"), GSON.toJson(report));
            return 0;
        }
    }

    private EnergyAnomalyTrainer trainer() {
        try (ConfigurationManager cm =
                config != null
                        ? ConfigFile.load(config)
                        : new ConfigurationManager(
                                EnergyAnomalyTrainer.class.getResource(DEFAULT_CONFIG))) {
            if (iterations != null) {
                cm.overrideConfigurableProperty(
                        "trainer", "iterations", new SimpleProperty(iterations.toString()));
            }
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
