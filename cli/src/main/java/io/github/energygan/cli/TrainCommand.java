/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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
            description = "Output directory; the model is saved in its model/ subdirectory.")
    Path output;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description = {
                "Continue the interrupted run whose output directory is DIR from its last",
                "checkpoint, in place of -o. Repeat the run's other options: they are checked",
                "against the checkpoint. The result equals an uninterrupted run's."
            })
    Path resume;

    @Spec CommandSpec spec;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws Exception {
        if ((output == null) == (resume == null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Give the output directory with -o, or the run to continue with --resume DIR");
        }
        if (resume != null && overwrite.overwrite) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--resume continues a run in its own directory; --overwrite would delete it");
        }
        boolean resuming = resume != null;
        Path output = resuming ? resume : this.output;
        if (training.isImage()) {
            ImageExperiment.Result result = ImageExperiment.run(
                            training, output, overwrite.overwrite, resuming, !noProgress);
            ImageExperiment.printSummary(result, training, System.out);
            return 0;
        }
        ToyExperiment.Result result =
                ToyExperiment.run(training, output, overwrite.overwrite, resuming, !noProgress);
        DemoCommand.printSummary(result, training, System.out);
        return 0;
    }
}
