/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import io.github.energygan.dataset.ToyDataset2d;
import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EnergyGanPreset;
import io.github.energygan.training.EnergyGanTrainingConfig;

import picocli.CommandLine.Option;

/** The training options shared by {@code demo}, {@code train} and {@code bench}. */
public final class TrainingOptions {

    @Option(
            names = "--dataset",
            defaultValue = "grid-25",
            description = "Embedded 2-D dataset: grid-25, ring-8 or swiss-roll (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(
            names = "--preset",
            defaultValue = "fast-2d",
            description = "Architecture and hyperparameters: fast-2d or reference-2d (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--iterations", description = "Iterations (nCritic energy steps + one generator step each); default: the preset's.")
    Integer iterations;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(
            names = "--lambda",
            description =
                    "Gradient penalty λ on the standardised data at the start of the run (fast-2d"
                            + " anneals it to 0.3 of that by the end); default: the preset's.")
    Float lambda;

    @Option(names = "--estimator", description = "Entropy estimator: jsd, infogan or none; default: jsd.")
    String estimator;

    @Option(names = "--lr", description = "Adam learning rate for every network; default: the preset's.")
    Float learningRate;

    @Option(names = "--n-critic", description = "Energy steps per iteration (default: 5).")
    Integer criticSteps;

    @Option(names = "--batch-size", description = "Batch size (default: 256).")
    Integer batchSize;

    @Option(names = "--data-size", defaultValue = "100000", description = "Points generated for the dataset (default: ${DEFAULT-VALUE}).")
    int dataSize;

    /**
     * Checks every option that can be checked without doing work: preset, dataset, estimator,
     * data size, and the training hyperparameters.
     *
     * @throws IllegalArgumentException naming the first bad option
     */
    void validate() {
        preset();
        ToyDataset2d.checkName(dataset);
        if (estimator != null) {
            EnergyGanArchitecture.Estimator.parse(estimator);
        }
        if (dataSize < 1) {
            throw new IllegalArgumentException("--data-size must be >= 1, got " + dataSize);
        }
        trainingConfig().build();
    }

    /**
     * Returns the preset named by {@code --preset}.
     *
     * @return the preset
     * @throws IllegalArgumentException for an unknown name
     */
    EnergyGanPreset preset() {
        return EnergyGanPreset.byName(preset);
    }

    /**
     * Returns the architecture: the preset's, for data of the given scale, with {@code
     * --estimator} applied.
     *
     * @param dataScale the data's standard deviation
     * @return the architecture
     */
    EnergyGanArchitecture architecture(float dataScale) {
        EnergyGanArchitecture architecture = preset().architecture(dataScale);
        if (estimator != null) {
            architecture =
                    architecture.toBuilder()
                            .optEstimator(EnergyGanArchitecture.Estimator.parse(estimator))
                            .build();
        }
        return architecture;
    }

    /**
     * Returns the training config builder: the preset's hyperparameters with the options given.
     *
     * @return the builder (validated when built)
     */
    EnergyGanTrainingConfig.Builder trainingConfig() {
        EnergyGanPreset preset = preset();
        int runIterations = iterations != null ? iterations : preset.getIterations();
        EnergyGanTrainingConfig.Builder builder =
                preset.trainingConfig(runIterations).optSeed(seed);
        if (lambda != null) {
            builder.optPenaltyLambda(lambda);
        }
        if (learningRate != null) {
            builder.optLearningRate(learningRate);
        }
        if (criticSteps != null) {
            builder.optCriticSteps(criticSteps);
        }
        if (batchSize != null) {
            builder.optBatchSize(batchSize);
        }
        return builder;
    }
}
