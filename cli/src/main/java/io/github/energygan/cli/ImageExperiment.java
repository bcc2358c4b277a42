/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.dataset.StackedFashionMnist;
import io.github.energygan.metrics.ImageClassifier;
import io.github.energygan.metrics.StackedModes;
import io.github.energygan.zoo.EnergyGanModelZoo;
import io.github.energygan.metrics.MemorisationCheck;
import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.plot.ImageGridPlot;
import io.github.energygan.plot.TrainingCurvePlot;
import io.github.energygan.training.EnergyGanTrainer;
import io.github.energygan.training.EnergyGanTrainingConfig;
import io.github.energygan.training.listener.EnergyStatistics;
import io.github.energygan.training.listener.EnergyStatisticsListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One training run on Fashion-MNIST, as {@code train --dataset fashion-mnist} does it: validate,
 * read the images, train with statistics, checkpoints and a progress bar, save the model, and write
 * a grid of samples, the training curves, and a JSON report with the memorisation check
 * (nearest-neighbour distances of samples to the training and the test images).
 */
final class ImageExperiment {

    static final String SAMPLES_PNG = "samples.png";

    /** Samples and images compared in the nearest-neighbour check. */
    static final int CHECK_SAMPLES = 1000;

    /** Images of each reference set of the memorisation check (the first ones of the classes). */
    static final int CHECK_REFERENCE = 10_000;

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** What a run produced. */
    record Result(
            EnergyGanArchitecture architecture,
            EnergyGanTrainingConfig config,
            int[] classes,
            int trainingImages,
            double seconds,
            MemorisationCheck check,
            StackedModes.Result modes,
            StackedModes.Result realModes,
            EnergyStatistics last,
            Path output) {}

    private ImageExperiment() {}

    @SuppressWarnings("try") // the claim is held for the whole run, never read
    static Result run(
            TrainingOptions options,
            Path output,
            boolean overwrite,
            boolean resume,
            boolean progressBar)
            throws IOException, TranslateException {
        options.validate();
        options.useThreads();
        EnergyGanTrainingConfig.Builder configBuilder = options.trainingConfig();
        EnergyGanTrainingConfig probe = configBuilder.build();
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionMnist train = trainingImages(options, manager, probe.batchSize());
            RandomAccessDataset trainingSet = trainingSet(options, train, probe.batchSize());
            EnergyGanArchitecture architecture = options.architecture(1f);
            try (OutputDirectory.Claim claim = ToyExperiment.claim(output, overwrite, resume)) {
                Path checkpoint = resume ? ToyExperiment.resumableCheckpoint(output) : null;
                try (EnergyGanModel model =
                        ToyExperiment.startingModel(architecture, options.seed, checkpoint)) {
                    int iterations = probe.iterations();
                    EnergyStatisticsListener statistics =
                            ToyExperiment.addListeners(
                                    configBuilder, model, output, iterations, progressBar);
                    EnergyGanTrainingConfig config = configBuilder.build();
                    long start = System.nanoTime();
                    try (InterruptNotice notice = InterruptNotice.during(config, output, System.err)) {
                        new EnergyGanTrainer(model, config).fit(trainingSet, checkpoint);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    model.save(output.resolve(ToyExperiment.MODEL_DIR));

                    MemorisationCheck check = null;
                    StackedModes.Result modes = null;
                    StackedModes.Result realModes = null;
                    try (NDManager scope = manager.newSubManager()) {
                        NDArray samples = model.generate(scope, CHECK_SAMPLES, options.seed + 1);
                        ImageGridPlot.save(output.resolve(SAMPLES_PNG), samples.get(":64"), 8, 3);
                        if (options.isStacked()) {
                            modes = countModes(model, options.seed, options.modeSamples, scope);
                            realModes = countRealModes(options, scope);
                        } else {
                            check = memorisation(samples, options, scope);
                        }
                    }
                    TrainingCurvePlot.save(
                            output.resolve(ToyExperiment.CURVES_PNG),
                            statistics.getHistory(),
                            "Training curves (" + options.dataset + ", seed " + options.seed + ")");
                    Result result =
                            new Result(
                                    architecture,
                                    config,
                                    train.getClasses(),
                                    Math.toIntExact(trainingSet.size()),
                                    seconds,
                                    check,
                                    modes,
                                    realModes,
                                    statistics.getLatest().orElse(null),
                                    output);
                    writeReport(result, options);
                    return result;
                }
            }
        }
    }

    /** The training images the options name (classes, folder), sampled in shuffled batches. */
    static FashionMnist trainingImages(TrainingOptions options, NDManager manager, int batchSize)
            throws IOException {
        FashionMnist.Builder data =
                FashionMnist.builder()
                        .setManager(manager)
                        .optFolder(options.dataFolder)
                        .setSampling(batchSize, true);
        if (options.classes != null) {
            data.optClasses(options.classes);
        }
        return data.build();
    }

    /** The images themselves, or their seeded stacks for the stacked data set. */
    static RandomAccessDataset trainingSet(
            TrainingOptions options, FashionMnist images, int batchSize) {
        return options.isStacked()
                ? StackedFashionMnist.builder()
                        .setSource(images)
                        .optSeed(options.seed)
                        .setSampling(batchSize, true)
                        .build()
                : images;
    }

    /**
     * Counts the modes of raw generator samples with the zoo's classifier, drawn in batches so
     * memory stays bounded.
     */
    static StackedModes.Result countModes(
            EnergyGanModel model, long seed, int samples, NDManager manager) throws IOException {
        try (ImageClassifier classifier = zooClassifier()) {
            StackedModes count = new StackedModes(classifier, StackedFashionMnist.CHANNELS);
            int batch = 2_000;
            for (int done = 0, part = 0; done < samples; done += batch, part++) {
                try (NDManager scope = manager.newSubManager()) {
                    count.add(
                            model.generate(
                                    scope,
                                    Math.min(batch, samples - done),
                                    seed + 2 + 1_000_003L * part));
                }
            }
            return count.result();
        }
    }

    /**
     * The same count for as many stacked test images: what the classifier's own errors leave of a
     * perfect generator's figures.
     */
    static StackedModes.Result countRealModes(TrainingOptions options, NDManager manager)
            throws IOException {
        try (ImageClassifier classifier = zooClassifier();
                NDManager scope = manager.newSubManager()) {
            FashionMnist test =
                    FashionMnist.builder()
                            .setManager(scope)
                            .optFolder(options.dataFolder)
                            .optUsage(FashionMnist.Usage.TEST)
                            .build();
            StackedFashionMnist stacked =
                    StackedFashionMnist.builder()
                            .setSource(test)
                            .optSize(options.modeSamples)
                            .optSeed(options.seed)
                            .build();
            StackedModes count = new StackedModes(classifier, StackedFashionMnist.CHANNELS);
            for (int done = 0; done < options.modeSamples; done += 2_000) {
                try (NDArray batch =
                        stacked.getImages()
                                .get("{}:{}", done, Math.min(options.modeSamples, done + 2_000))) {
                    count.add(batch);
                }
            }
            return count.result();
        }
    }

    private static ImageClassifier zooClassifier() throws IOException {
        try {
            return EnergyGanModelZoo.classifier(TrainingOptions.FASHION_MNIST);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException("The zoo's classifier is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * The memorisation check against the first {@value #CHECK_REFERENCE} training and test images
     * of the kept classes (equal sizes).
     */
    static MemorisationCheck memorisation(NDArray samples, TrainingOptions options, NDManager scope)
            throws IOException {
        FashionMnist.Builder trainData =
                FashionMnist.builder()
                        .setManager(scope)
                        .optFolder(options.dataFolder)
                        .optLimit(CHECK_REFERENCE)
                        .setSampling(1, false);
        FashionMnist.Builder testData =
                FashionMnist.builder()
                        .setManager(scope)
                        .optFolder(options.dataFolder)
                        .optUsage(FashionMnist.Usage.TEST)
                        .optLimit(CHECK_REFERENCE)
                        .setSampling(1, false);
        if (options.classes != null) {
            trainData.optClasses(options.classes);
            testData.optClasses(options.classes);
        }
        return MemorisationCheck.of(
                samples, trainData.build().getImages(), testData.build().getImages());
    }

    private static void writeReport(Result result, TrainingOptions options) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put(
                "dataset",
                options.isStacked()
                        ? TrainingOptions.STACKED_FASHION_MNIST
                        : TrainingOptions.FASHION_MNIST);
        report.put("classes", result.classes());
        report.put("trainingImages", result.trainingImages());
        report.put("preset", options.preset().getName());
        report.put("seed", options.seed);
        report.put("architecture", result.architecture().toString());
        report.put("training", result.config().toString());
        report.put("iterations", result.config().iterations());
        report.put("wallSeconds", result.seconds());
        report.put("msPerIteration", 1000.0 * result.seconds() / result.config().iterations());
        report.put("machine", ToyExperiment.machine());
        if (result.check() != null) {
            report.put("nearestNeighbourDistance", result.check());
        }
        if (result.modes() != null) {
            report.put("modes", result.modes());
            report.put("realModes", result.realModes());
        }
        if (result.last() != null) {
            report.put("finalStatistics", result.last());
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("model", ToyExperiment.MODEL_DIR);
        files.put("samples", SAMPLES_PNG);
        files.put("curves", ToyExperiment.CURVES_PNG);
        files.put("checkpoints", ToyExperiment.CHECKPOINT_DIR);
        report.put("files", files);
        OutputDirectory.writeString(
                result.output().resolve(ToyExperiment.REPORT_JSON), GSON.toJson(report));
    }

    static void printSummary(Result result, TrainingOptions options, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%nenergy-gan %s: preset %s, seed %d, classes %s (%d images)%n",
                options.isStacked()
                        ? TrainingOptions.STACKED_FASHION_MNIST
                        : TrainingOptions.FASHION_MNIST,
                options.preset().getName(),
                options.seed,
                Arrays.toString(result.classes()),
                result.trainingImages());
        out.printf(Locale.ROOT, "  model       %s%n", result.architecture());
        out.printf(Locale.ROOT, "  training    %s%n", result.config());
        out.printf(
                Locale.ROOT,
                "  time        %.1f s for %d iterations (%.1f ms/iteration) on %s%n",
                result.seconds(),
                result.config().iterations(),
                1000.0 * result.seconds() / result.config().iterations(),
                ToyExperiment.machine());
        if (result.check() != null) {
            out.printf(Locale.ROOT, "  memorising? %s%n", result.check().summary());
        }
        if (result.modes() != null) {
            out.printf(Locale.ROOT, "  modes       raw G(z): %s%n", result.modes().summary());
            out.printf(
                    Locale.ROOT,
                    "              stacked test images: %s%n",
                    result.realModes().summary());
        }
        if (result.last() != null) {
            out.printf(Locale.ROOT, "  last step   %s%n", result.last().summary());
        }
        out.printf(
                Locale.ROOT,
                "  wrote       %s/{%s/, %s, %s, %s}%n",
                result.output(),
                ToyExperiment.MODEL_DIR,
                SAMPLES_PNG,
                ToyExperiment.CURVES_PNG,
                ToyExperiment.REPORT_JSON);
    }
}
