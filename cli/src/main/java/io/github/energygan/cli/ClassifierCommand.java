/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.util.ProgressBar;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.engine.EngineThreads;
import io.github.energygan.metrics.ImageClassifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code energy-gan classifier}: trains the Fashion-MNIST classifier whose features the image
 * metrics use, from a seed, and saves it. The zoo ships the one trained with the defaults.
 */
@Command(
        name = "classifier",
        mixinStandardHelpOptions = true,
        description = {
            "Trains the Fashion-MNIST classifier whose 128-d features the image-quality metrics",
            "(FID, KID, density, coverage, class histogram) use, and saves it with its test",
            "accuracy. The zoo ships the one these defaults train; figures are comparable only",
            "between runs that used the same classifier (its SHA-256 is in every report)."
        })
final class ClassifierCommand implements Callable<Integer> {

    static final String CLASSIFIER_DIR = "classifier";
    static final String REPORT_JSON = "report.json";

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    @Option(
            names = "--epochs",
            defaultValue = "5",
            description = "Passes over the 60,000 training images (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description =
                    "Seed of the initial weights and the minibatch order (default:"
                            + " ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--limit",
            description = "Train on the first N training images only (default: all 60,000).")
    Integer limit;

    @Option(
            names = "--threads",
            description = "libtorch intra-op threads (default: the engine's).")
    Integer threads;

    @Option(
            names = "--data-folder",
            defaultValue = FashionMnist.DEFAULT_FOLDER,
            description = "Folder of the IDX files (default: ${DEFAULT-VALUE}).")
    Path dataFolder;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(
            names = {"-o", "--output"},
            defaultValue = "energy-gan-classifier",
            description =
                    "Output directory; the classifier goes to its classifier/ subdirectory"
                            + " (default: ${DEFAULT-VALUE}).")
    Path output;

    /** {@inheritDoc} */
    @Override
    @SuppressWarnings("try") // the claim is held until everything is written, never read
    public Integer call() throws Exception {
        ImageClassifier.Settings settings =
                ImageClassifier.Settings.DEFAULT.withEpochs(epochs).withSeed(seed);
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be >= 1, got " + limit);
        }
        FashionMnist.checkFolder(dataFolder);
        if (threads != null) {
            EngineThreads.useIntraOpThreads(threads);
        }
        try (NDManager manager = NDManager.newBaseManager();
                OutputDirectory.Claim claim = OutputDirectory.claim(output, overwrite.overwrite)) {
            FashionMnist.Builder trainBuilder =
                    FashionMnist.builder().setManager(manager).optFolder(dataFolder);
            if (limit != null) {
                trainBuilder.optLimit(limit);
            }
            FashionMnist train = trainBuilder.build();
            FashionMnist test =
                    FashionMnist.builder()
                            .setManager(manager)
                            .optFolder(dataFolder)
                            .optUsage(FashionMnist.Usage.TEST)
                            .build();
            ProgressBar bar = noProgress ? null : new ProgressBar("Training the classifier", epochs);
            long start = System.nanoTime();
            try (ImageClassifier classifier =
                    ImageClassifier.train(
                            train.getImages(),
                            train.getLabels(),
                            test.getImages(),
                            test.getLabels(),
                            FashionMnist.CLASSES.size(),
                            settings,
                            bar == null ? null : epoch -> bar.update(epoch))) {
                double seconds = (System.nanoTime() - start) / 1e9;
                classifier.save(output.resolve(CLASSIFIER_DIR));
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("settings", settings);
                report.put("trainingImages", classifier.getManifest().trainingImages());
                report.put("testAccuracy", classifier.getManifest().testAccuracy());
                report.put("sha256", classifier.getDigest());
                report.put("seconds", seconds);
                report.put("machine", ToyExperiment.machine());
                OutputDirectory.writeString(output.resolve(REPORT_JSON), GSON.toJson(report));
                System.out.printf(
                        Locale.ROOT,
                        "%nenergy-gan classifier: %d epochs, seed %d, in %.1f s%n"
                                + "  test accuracy  %.4f on %d images%n"
                                + "  sha256         %s%n"
                                + "  wrote          %s%n",
                        epochs,
                        seed,
                        seconds,
                        classifier.getManifest().testAccuracy(),
                        test.getImages().getShape().get(0),
                        classifier.getDigest(),
                        output.resolve(CLASSIFIER_DIR));
            }
        }
        return 0;
    }
}
