/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.github.energygan.dataset.GaussianMixture2d;
import io.github.energygan.dataset.ToyDataset2d;
import io.github.energygan.metrics.DensityQuality;
import io.github.energygan.metrics.MixtureMetrics;
import io.github.energygan.metrics.MixtureQuality;
import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.plot.EnergyLandscapePlot;
import io.github.energygan.plot.TrainingCurvePlot;
import io.github.energygan.training.EnergyGanTrainer;
import io.github.energygan.training.EnergyGanTrainingConfig;
import io.github.energygan.training.listener.CheckpointListener;
import io.github.energygan.training.listener.EnergyStatistics;
import io.github.energygan.training.listener.EnergyStatisticsListener;
import io.github.energygan.training.listener.ProgressBarListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training run on an embedded 2-D dataset, as {@code demo} and {@code train} do it: validate
 * everything, train with statistics, checkpoints and a progress bar, save the model, score the
 * generator before and after by the VEEGAN/PacGAN protocol, and write the pictures and a JSON
 * report.
 */
final class ToyExperiment {

    /** The files a run writes, relative to its output directory. */
    static final String MODEL_DIR = "model";

    static final String CHECKPOINT_DIR = "checkpoints";
    static final String LANDSCAPE_PNG = "landscape.png";
    static final String CURVES_PNG = "curves.png";
    static final String REPORT_JSON = "report.json";

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** What a run produced. */
    record Result(
            String dataset,
            EnergyGanArchitecture architecture,
            EnergyGanTrainingConfig config,
            double seconds,
            MixtureQuality before,
            MixtureQuality after,
            DensityQuality density,
            EnergyStatistics last,
            Path output) {

        double millisPerIteration() {
            return 1000.0 * seconds / config.iterations();
        }
    }

    private ToyExperiment() {}

    @SuppressWarnings("try") // the claim is held for the whole run, never read
    static Result run(
            TrainingOptions options,
            Path output,
            boolean overwrite,
            boolean resume,
            boolean progressBar)
            throws IOException, TranslateException {
        // Everything that can be wrong with the input is checked before any work starts, and
        // before the output directory is touched.
        options.validate();
        options.useThreads();
        EnergyGanTrainingConfig.Builder configBuilder = options.trainingConfig();
        EnergyGanTrainingConfig probe = configBuilder.build();
        try (OutputDirectory.Claim claim = claim(output, overwrite, resume);
                NDManager manager = NDManager.newBaseManager()) {
            Path checkpoint = resume ? resumableCheckpoint(output) : null;
            ToyDataset2d dataset =
                    ToyDataset2d.byName(
                            options.dataset,
                            manager,
                            options.dataSize,
                            options.seed,
                            probe.batchSize());
            EnergyGanArchitecture architecture =
                    options.architecture(dataset.getStandardDeviation());
            GaussianMixture2d mixture =
                    dataset instanceof GaussianMixture2d ? (GaussianMixture2d) dataset : null;

            MixtureQuality before;
            try (EnergyGanModel untrained = EnergyGanModel.newModel(architecture, options.seed)) {
                before = score(untrained, mixture, manager, options.seed);
            }
            try (EnergyGanModel model = startingModel(architecture, options.seed, checkpoint)) {

                int iterations = probe.iterations();
                EnergyStatisticsListener statistics =
                        addListeners(configBuilder, model, output, iterations, progressBar);
                EnergyGanTrainingConfig config = configBuilder.build();

                long start = System.nanoTime();
                try (InterruptNotice notice = InterruptNotice.during(config, output, System.err)) {
                    new EnergyGanTrainer(model, config).fit(dataset, checkpoint);
                }
                double seconds = (System.nanoTime() - start) / 1e9;

                model.save(output.resolve(MODEL_DIR));
                MixtureQuality after = score(model, mixture, manager, options.seed + 1);

                double extent = 1.25 * maxAbs(dataset.getPoints());
                try (NDManager scope = manager.newSubManager()) {
                    NDArray samples =
                            model.generate(scope, MixtureMetrics.PROTOCOL_SAMPLES, options.seed + 1);
                    EnergyLandscapePlot.builder()
                            .optWindow(-extent, extent, -extent, extent)
                            .optTitle(
                                    "U(x) after "
                                            + iterations
                                            + " iterations, "
                                            + MixtureMetrics.PROTOCOL_SAMPLES
                                            + " samples G(z) in red ("
                                            + options.dataset
                                            + ")")
                            .build()
                            .save(output.resolve(LANDSCAPE_PNG), model::energy, scope, samples);
                }
                DensityQuality density =
                        mixture == null
                                ? null
                                : DensityReport.evaluate(
                                        model,
                                        mixture,
                                        dataset.getPoints(),
                                        options.seed,
                                        output.resolve(DensityReport.DENSITY_PNG));
                TrainingCurvePlot.save(
                        output.resolve(CURVES_PNG),
                        statistics.getHistory(),
                        "Training curves (" + options.dataset + ", seed " + options.seed + ")");

                Result result =
                        new Result(
                                options.dataset,
                                architecture,
                                config,
                                seconds,
                                before,
                                after,
                                density,
                                statistics.getLatest().orElse(null),
                                output);
                writeReport(result, options, checkpoint);
                return result;
            }
        }
    }

    /**
     * Claims the output directory: a fresh one, or, to resume, the interrupted run's.
     *
     * @return the claim
     */
    static OutputDirectory.Claim claim(Path output, boolean overwrite, boolean resume) {
        return resume ? OutputDirectory.claimToResume(output) : OutputDirectory.claim(output, overwrite);
    }

    /**
     * Finds the checkpoint an interrupted run in {@code output} continues from.
     *
     * @return the newest checkpoint with a training state
     * @throws IllegalArgumentException if there is none
     */
    static Path resumableCheckpoint(Path output) throws IOException {
        Path checkpoints = output.resolve(CHECKPOINT_DIR);
        return EnergyGanTrainer.lastResumableCheckpoint(checkpoints)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "Nothing to resume in "
                                                + output.toAbsolutePath()
                                                + ": "
                                                + checkpoints
                                                + " holds no checkpoint with a training state (the"
                                                + " first is written after a tenth of the run, at"
                                                + " least 100 iterations)"));
    }

    /**
     * The model a run starts from: freshly initialised from the seed, or a checkpoint's.
     *
     * @return the model
     */
    static EnergyGanModel startingModel(
            EnergyGanArchitecture architecture, int seed, Path checkpoint) throws IOException {
        if (checkpoint == null) {
            return EnergyGanModel.newModel(architecture, seed);
        }
        try {
            EnergyGanModel model = EnergyGanModel.load(checkpoint);
            if (!model.getArchitecture().equals(architecture)) {
                model.close();
                throw new IllegalArgumentException(
                        "Checkpoint "
                                + checkpoint
                                + " holds a model of another architecture ("
                                + model.getArchitecture()
                                + "); resume with the interrupted run's options");
            }
            return model;
        } catch (MalformedModelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Adds the listeners every CLI training uses: statistics (about 500 points), a checkpoint every
     * tenth of the run (at least 100 iterations apart, the last two kept), and the progress bar.
     *
     * @return the statistics listener, for the curves and the summary
     */
    static EnergyStatisticsListener addListeners(
            EnergyGanTrainingConfig.Builder configBuilder,
            EnergyGanModel model,
            Path output,
            int iterations,
            boolean progressBar) {
        EnergyStatisticsListener statistics =
                new EnergyStatisticsListener(Math.max(1, iterations / 500), 0);
        CheckpointListener checkpoints =
                new CheckpointListener(
                        model, output.resolve(CHECKPOINT_DIR), Math.max(100, iterations / 10), 2);
        configBuilder.addTrainingListeners(statistics, checkpoints);
        if (progressBar) {
            configBuilder.addTrainingListeners(new ProgressBarListener(iterations, statistics));
        }
        return statistics;
    }

    private static MixtureQuality score(
            EnergyGanModel model, GaussianMixture2d mixture, NDManager manager, int seed) {
        if (mixture == null) {
            return null;
        }
        try (NDManager scope = manager.newSubManager()) {
            return MixtureMetrics.evaluate(
                    model.generate(scope, MixtureMetrics.PROTOCOL_SAMPLES, seed), mixture);
        }
    }

    private static double maxAbs(NDArray points) {
        try (NDArray abs = points.abs();
                NDArray max = abs.max()) {
            return max.getFloat();
        }
    }

    private static void writeReport(Result result, TrainingOptions options, Path resumedFrom)
            throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dataset", result.dataset());
        report.put("preset", options.preset().getName());
        report.put("seed", options.seed);
        report.put("architecture", result.architecture().toString());
        report.put("training", result.config().toString());
        report.put("iterations", result.config().iterations());
        if (resumedFrom != null) {
            // Time, curves and statistics then cover the resumed part only.
            report.put("resumedFrom", result.output().relativize(resumedFrom).toString());
        }
        report.put("wallSeconds", result.seconds());
        report.put("msPerIteration", result.millisPerIteration());
        report.put("machine", machine());
        if (result.before() != null) {
            report.put("untrainedGenerator", quality(result.before()));
            report.put("trainedGenerator", quality(result.after()));
        }
        if (result.density() != null) {
            report.put("density", DensityReport.toMap(result.density()));
        }
        if (result.last() != null) {
            report.put("finalStatistics", result.last());
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("model", MODEL_DIR);
        files.put("landscape", LANDSCAPE_PNG);
        if (result.density() != null) {
            files.put("density", DensityReport.DENSITY_PNG);
        }
        files.put("curves", CURVES_PNG);
        files.put("checkpoints", CHECKPOINT_DIR);
        report.put("files", files);

        OutputDirectory.writeString(result.output().resolve(REPORT_JSON), GSON.toJson(report));
    }

    static Map<String, Object> quality(MixtureQuality q) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("samples", q.samples());
        map.put("modesCovered", q.modesCovered());
        map.put("totalModes", q.totalModes());
        map.put("highQualityPercent", 100.0 * q.highQualityFraction());
        map.put("reverseKl", q.reverseKl());
        map.put("modeCounts", q.modeCounts());
        return map;
    }

    static String machine() {
        return System.getProperty("os.name")
                + " "
                + System.getProperty("os.arch")
                + ", "
                + Runtime.getRuntime().availableProcessors()
                + " cores, Java "
                + System.getProperty("java.version");
    }
}
