/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;

import io.github.energygan.tribuo.EnergyAnomalyModel;
import io.github.energygan.tribuo.EnergyTerms;
import io.github.energygan.tribuo.evaluation.AnomalyRanking;

import org.tribuo.DataSource;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.evaluation.AnomalyEvaluation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs a Tribuo anomaly-detection experiment from an OLCUT XML config: trains the trainer on the
 * training source, evaluates on the test source, prints Tribuo's evaluation with AUROC and AUPRC,
 * and saves the model (Tribuo protobuf) and the figures.
 */
@Command(
        name = "tribuo",
        mixinStandardHelpOptions = true,
        description = {
            "Train and evaluate a Tribuo anomaly detector from an XML config (components named",
            "trainer, train and test by default); save the model as a Tribuo protobuf file."
        })
public final class TribuoCommand implements Callable<Integer> {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    @Option(
            names = {"-c", "--config"},
            required = true,
            description = "The OLCUT XML config file.")
    Path config;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(
            names = {"-o", "--output"},
            defaultValue = "out/tribuo",
            description =
                    "Where to write model.tribuo and evaluation.json (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(
            names = "--trainer",
            defaultValue = "trainer",
            description = "The config's trainer component (default: ${DEFAULT-VALUE}).")
    String trainerName;

    @Option(
            names = "--train",
            defaultValue = "train",
            description = "The config's training data source (default: ${DEFAULT-VALUE}).")
    String trainName;

    @Option(
            names = "--test",
            defaultValue = "test",
            description = "The config's test data source (default: ${DEFAULT-VALUE}).")
    String testName;

    /** {@inheritDoc} */
    @Override
    @SuppressWarnings("try") // the claim is held until everything is written, never read
    public Integer call() throws Exception {
        ConfigurationManager cm = ConfigFile.load(config);
        Trainer<Event> trainer = component(cm, trainerName, Trainer.class);
        DataSource<Event> trainSource = component(cm, trainName, DataSource.class);
        DataSource<Event> testSource = component(cm, testName, DataSource.class);
        MutableDataset<Event> train = read(trainSource, trainName);
        MutableDataset<Event> test = read(testSource, testName);
        AnomalyRanking.checkRankable(test);
        try (OutputDirectory.Claim claim =
                OutputDirectory.claim(output, overwrite.overwrite)) {
            PrintStream out = System.out;
            out.printf(
                    "Training %s on %d examples (%d features)%n",
                    trainer, train.size(), train.getFeatureIDMap().size());
            long begin = System.nanoTime();
            Model<Event> model = trainer.train(train);
            double seconds = (System.nanoTime() - begin) / 1e9;
            try {
                AnomalyRanking ranking = AnomalyRanking.evaluate(model, test);
                AnomalyEvaluation evaluation = ranking.evaluation();
                out.printf("Trained in %.1f s; test set: %d examples%n", seconds, test.size());
                out.println(evaluation);
                out.println(evaluation.confusionString());
                out.println(ranking.summary());
                double[] termAurocs = null;
                if (model instanceof EnergyAnomalyModel energyModel) {
                    EnergyTerms terms = energyModel.energyTerms(test);
                    termAurocs =
                            new double[] {
                                AnomalyRanking.auroc(test.getData(), terms.base()),
                                AnomalyRanking.auroc(test.getData(), terms.network())
                            };
                    out.printf(
                            Locale.ROOT,
                            "Energy parts ranked alone: base measure AUROC %.4f, network AUROC %.4f"
                                    + " (full energy %.4f)%n",
                            termAurocs[0],
                            termAurocs[1],
                            ranking.auroc());
                }

                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                model.serializeToStream(bytes);
                Path modelFile = output.resolve("model.tribuo");
                OutputDirectory.writeBytes(modelFile, bytes.toByteArray());
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("config", config.toAbsolutePath().toString());
                report.put("trainer", trainer.toString());
                report.put("trainExamples", train.size());
                report.put("testExamples", test.size());
                report.put("trainSeconds", seconds);
                report.put("auroc", ranking.auroc());
                report.put("auprc", ranking.auprc());
                if (termAurocs != null) {
                    report.put("aurocBaseMeasureAlone", termAurocs[0]);
                    report.put("aurocNetworkAlone", termAurocs[1]);
                }
                report.put("precision", evaluation.getPrecision());
                report.put("recall", evaluation.getRecall());
                report.put("f1", evaluation.getF1());
                report.put("truePositives", evaluation.getTruePositives());
                report.put("falsePositives", evaluation.getFalsePositives());
                report.put("trueNegatives", evaluation.getTrueNegatives());
                report.put("falseNegatives", evaluation.getFalseNegatives());
                OutputDirectory.writeString(output.resolve("evaluation.json"), GSON.toJson(report));
                out.println(
                        "Model: " + modelFile + " (load with org.tribuo.Model.deserializeFromFile)");
            } finally {
                if (model instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    /** Reads a data source whole, naming it when a value is not a number. */
    private static MutableDataset<Event> read(DataSource<Event> source, String name) {
        try {
            return new MutableDataset<>(source);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The data source '"
                            + name
                            + "' holds a value that is not a number ("
                            + e.getMessage()
                            + "); write numbers as Java reads them (NaN, not nan; 1e-3), or leave"
                            + " a missing value out",
                    e);
        }
    }

    private static <T> T component(ConfigurationManager cm, String name, Class<?> type) {
        if (!cm.getComponentNames().contains(name)) {
            throw new IllegalArgumentException(
                    "The config has no component named '"
                            + name
                            + "'; it has "
                            + cm.getComponentNames());
        }
        Object component = cm.lookup(name);
        if (!type.isInstance(component)) {
            throw new IllegalArgumentException(
                    "Component '"
                            + name
                            + "' is a "
                            + component.getClass().getName()
                            + "; expected a "
                            + type.getName());
        }
        return (T) component;
    }
}
