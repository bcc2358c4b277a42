/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import io.github.energygan.metrics.MixtureQuality;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The main job: trains the {@code fast-2d} preset on the embedded 25-Gaussian grid, then writes
 * the energy landscape, the training curves and a JSON report of the VEEGAN/PacGAN metrics, and
 * prints a summary.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Train an energy GAN on an embedded 2-D dataset (the 25-Gaussian grid by default)",
            "and report modes covered, high-quality samples and reverse KL, with pictures."
        })
public final class DemoCommand implements Callable<Integer> {

    @Mixin TrainingOptions training = new TrainingOptions();

    @Option(
            names = {"-o", "--output"},
            defaultValue = "energy-gan-demo",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path output;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws Exception {
        ToyExperiment.Result result = ToyExperiment.run(training, output, overwrite.overwrite, false, !noProgress);
        printSummary(result, training, System.out);
        return 0;
    }

    static void printSummary(ToyExperiment.Result result, TrainingOptions training, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%nenergy-gan %s: preset %s, seed %d%n",
                result.dataset(),
                training.preset().getName(),
                training.seed);
        out.printf(Locale.ROOT, "  model       %s%n", result.architecture());
        out.printf(Locale.ROOT, "  training    %s%n", result.config());
        out.printf(
                Locale.ROOT,
                "  time        %.1f s for %d iterations (%.1f ms/iteration) on %s%n",
                result.seconds(),
                result.config().iterations(),
                result.millisPerIteration(),
                ToyExperiment.machine());
        MixtureQuality before = result.before();
        if (before != null) {
            out.printf(Locale.ROOT, "  untrained   %s%n", before.summary());
            out.printf(Locale.ROOT, "  trained     %s%n", result.after().summary());
        }
        if (result.density() != null) {
            out.printf(Locale.ROOT, "  density     %s%n", result.density().summary());
        }
        if (result.last() != null) {
            out.printf(Locale.ROOT, "  last step   %s%n", result.last().summary());
        }
        out.printf(Locale.ROOT, "  wrote       %s/{%s/, %s, %s, %s}%n",
                result.output(),
                ToyExperiment.MODEL_DIR,
                ToyExperiment.LANDSCAPE_PNG,
                ToyExperiment.CURVES_PNG,
                ToyExperiment.REPORT_JSON);
    }
}
