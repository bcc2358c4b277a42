/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Trains a model with every option open and saves it as a directory that {@code
 * EnergyGanModel.load} reads back.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train an energy GAN and save the model directory (model/), the training curves,",
            "the energy landscape, checkpoints and a JSON report into the output directory."
        })
public final class TrainCommand implements Callable<Integer> {

    @Mixin TrainingOptions training = new TrainingOptions();

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "Output directory; the model is saved in its model/ subdirectory.")
    Path output;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws Exception {
        if (training.isImage()) {
            ImageExperiment.Result result = ImageExperiment.run(
                            training, output, overwrite.overwrite, !noProgress);
            ImageExperiment.printSummary(result, training, System.out);
            return 0;
        }
        ToyExperiment.Result result = ToyExperiment.run(training, output, overwrite.overwrite, !noProgress);
        DemoCommand.printSummary(result, training, System.out);
        return 0;
    }
}
