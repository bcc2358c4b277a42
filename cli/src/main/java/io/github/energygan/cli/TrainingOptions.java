/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.dataset.StackedFashionMnist;
import io.github.energygan.dataset.ToyDataset2d;
import io.github.energygan.model.ConvArchitecture;
import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.MlpArchitecture;
import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.engine.EngineThreads;
import io.github.energygan.preset.EnergyGanPreset;
import io.github.energygan.training.EnergyGanTrainingConfig;
import io.github.energygan.util.Checks;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The training options shared by {@code demo}, {@code train} and {@code bench}. */
public final class TrainingOptions {

    /** The image dataset's name for {@code --dataset}. */
    static final String FASHION_MNIST = "fashion-mnist";

    /** The stacked image dataset's name for {@code --dataset}: three images as channels. */
    static final String STACKED_FASHION_MNIST = "stacked-fashion-mnist";

    @Option(
            names = "--dataset",
            defaultValue = "grid-25",
            description =
                    "Embedded 2-D dataset (grid-25, ring-8, swiss-roll), fashion-mnist read from"
                            + " Debian's dataset-fashion-mnist package, or stacked-fashion-mnist"
                            + " (three of its images as channels: 1,000 modes, counted after"
                            + " training) (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(
            names = "--preset",
            description =
                    "Architecture and hyperparameters: fast-2d, reference-2d or image-narrow"
                            + " (default: fast-2d for 2-D data, image-narrow for fashion-mnist).")
    String preset;

    @Option(
            names = "--classes",
            split = ",",
            description = "fashion-mnist only: train on these classes (0-9), e.g. 7,9; default: all.")
    int[] classes;

    @Option(
            names = "--data-folder",
            defaultValue = FashionMnist.DEFAULT_FOLDER,
            description = "fashion-mnist only: folder of the four IDX files (default: ${DEFAULT-VALUE}).")
    Path dataFolder;

    @Option(names = "--iterations", description = "Iterations (nCritic energy steps + one generator step each); default: the preset's.")
    Integer iterations;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(
            names = "--threads",
            description =
                    "libtorch intra-op threads; default: the preset's measured choice (1 for"
                            + " fast-2d and image-narrow, one per core for reference-2d)."
                            + " OMP_NUM_THREADS, if set, wins.")
    Integer threads;

    @Option(
            names = "--lambda",
            description =
                    "Gradient penalty λ on the standardised data at the start of the run (fast-2d"
                            + " anneals it to 0.3 of that by the end); default: the preset's.")
    Float lambda;

    @Option(names = "--estimator", description = "Entropy estimator: jsd, infogan or none; default: jsd.")
    String estimator;

    @Option(
            names = "--latent",
            description = "Latent dimension k of z ~ N(0, I_k); default: the preset's.")
    Integer latent;

    @Option(names = "--lr", description = "Adam learning rate for every network; default: the preset's.")
    Float learningRate;

    @Option(names = "--n-critic", description = "Energy steps per iteration; default: the preset's (2 for fast-2d, 5 for the others).")
    Integer criticSteps;

    @Option(names = "--batch-size", description = "Batch size; default: the preset's (256 for the 2-D presets, 64 for image-narrow).")
    Integer batchSize;

    @Option(
            names = "--base-precision",
            description =
                    "Precision ρ of a Gaussian base measure (ρ/2)·||x/s||² added to the energy"
                            + " (2-D only); default: the preset's.")
    Float basePrecision;

    @Option(
            names = "--energy-activation",
            description =
                    "Activation between the energy network's hidden layers (relu, leaky_relu:α,"
                            + " silu, softplus, elu:α, tanh; 2-D only); default: the preset's.")
    String energyActivation;

    @Option(
            names = "--energy-magnitude",
            description =
                    "Weight α of the energy-magnitude regulariser α·(U(x_data)² + U(x_model)²);"
                            + " default: the preset's.")
    Float energyMagnitude;

    @Option(
            names = "--negative-langevin",
            description =
                    "Langevin steps on U that refine the generator's samples before they serve"
                            + " as negatives; default: the preset's.")
    Integer negativeLangevinSteps;

    @Option(
            names = "--negative-mala",
            negatable = true,
            description =
                    "Whether those steps are Metropolis-adjusted (MALA, step adapted towards"
                            + " acceptance 0.574) rather than unadjusted; default: the preset's.")
    Boolean negativeMala;

    @Option(
            names = "--negative-step-size",
            defaultValue = "0.001",
            description =
                    "Step α of those Langevin steps, in standardised units; the first step of"
                            + " adjusted ones (default: ${DEFAULT-VALUE}).")
    float negativeStepSize;

    @Option(
            names = "--negative-broad",
            description =
                    "Fraction of each negative batch drawn uniformly from the box of ±4 data"
                            + " scales instead of by the generator; default: the preset's.")
    Float negativeBroad;

    @Option(
            names = "--negative-replay",
            description =
                    "Negatives kept between iterations as persistent Langevin chains (a replay"
                            + " buffer, 5 %% restarted from fresh negatives per step); needs"
                            + " Langevin steps; default: the preset's (none).")
    Integer negativeReplay;

    @Option(
            names = "--mode-samples",
            defaultValue = "26000",
            description =
                    "stacked-fashion-mnist only: generator samples whose modes are counted after"
                            + " training, and as many stacked test images for the floor (default:"
                            + " ${DEFAULT-VALUE}, the VEEGAN/PacGAN/MEG protocol).")
    int modeSamples;

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
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (!isImage()) {
            ToyDataset2d.checkName(dataset);
        } else if (classes != null && isStacked()) {
            throw new IllegalArgumentException(
                    "--classes does not apply to stacked-fashion-mnist, whose 1,000 modes need all"
                            + " ten classes");
        } else if (classes != null) {
            for (int c : classes) {
                if (c < 0 || c > 9) {
                    throw new IllegalArgumentException(
                            "--classes must be Fashion-MNIST labels 0..9, got " + c);
                }
            }
        }
        if (isImage() != (preset().architecture(1f).dataShape().dimension() > 1)) {
            throw new IllegalArgumentException(
                    "Preset "
                            + preset().getName()
                            + " does not fit dataset "
                            + dataset
                            + "; use image-narrow for fashion-mnist, fast-2d or reference-2d for"
                            + " 2-D data");
        }
        if (estimator != null) {
            EnergyGanArchitecture.Estimator.parse(estimator);
        }
        if (modeSamples < 1) {
            throw new IllegalArgumentException("--mode-samples must be >= 1, got " + modeSamples);
        }
        if (dataSize < 1) {
            throw new IllegalArgumentException("--data-size must be >= 1, got " + dataSize);
        }
        EnergyGanTrainingConfig config = trainingConfig().build();
        if (latent != null && latent < 1) {
            throw new IllegalArgumentException("--latent must be >= 1, got " + latent);
        }
        // Sizes the machine cannot hold are refused here, not by the allocator mid-run. The
        // figures are rough upper bounds: a dataset's generation holds about eight floats a
        // point; a step holds the batch's activations and gradients through every layer (about
        // twenty floats per unit, units bounded by 4,096 a layer stack) and the latent codes,
        // and the parameters with Adam's two moments.
        if (!isImage()) {
            Checks.fitsInMemory(
                    "--data-size " + dataSize, 32.0 * dataSize, "generate fewer points");
        }
        long batch = config.batchSize();
        long codes = latent != null ? latent : preset().architecture(1f).latentFeatures();
        Checks.fitsInMemory(
                "--batch-size " + batch + " with " + codes + " latent features",
                4.0 * batch * (codes + 20 * 4096) + 12.0 * codes * 4096,
                "use a smaller batch or latent size");
    }

    /**
     * Returns the preset named by {@code --preset}.
     *
     * @return the preset
     * @throws IllegalArgumentException for an unknown name
     */
    EnergyGanPreset preset() {
        if (preset == null) {
            return isImage() ? EnergyGanPreset.IMAGE_NARROW : EnergyGanPreset.FAST_2D;
        }
        return EnergyGanPreset.byName(preset);
    }

    /**
     * Whether the dataset is Fashion-MNIST rather than an embedded 2-D set.
     *
     * @return true for images
     */
    boolean isImage() {
        return FASHION_MNIST.equals(dataset) || isStacked();
    }

    /**
     * Whether the dataset is stacked Fashion-MNIST.
     *
     * @return true for three images stacked as channels
     */
    boolean isStacked() {
        return STACKED_FASHION_MNIST.equals(dataset);
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
        if (isStacked() && architecture instanceof ConvArchitecture conv) {
            architecture = conv.withChannels(StackedFashionMnist.CHANNELS);
        }
        if (estimator != null) {
            architecture = architecture.withEstimator(EnergyGanArchitecture.Estimator.parse(estimator));
        }
        if (latent != null) {
            architecture = architecture.withLatentFeatures(latent);
        }
        if (basePrecision != null) {
            if (!(architecture instanceof MlpArchitecture mlp)) {
                throw new IllegalArgumentException(
                        "--base-precision applies to 2-D models only; the image energy has none");
            }
            architecture = mlp.withEnergyBasePrecision(basePrecision);
        }
        if (energyActivation != null) {
            if (!(architecture instanceof MlpArchitecture mlp)) {
                throw new IllegalArgumentException(
                        "--energy-activation applies to 2-D models only");
            }
            architecture = mlp.withEnergyActivation(ActivationFunction.parse(energyActivation));
        }
        return architecture;
    }

    /**
     * Returns the training config builder: the preset's hyperparameters with the options given.
     *
     * @return the builder (validated when built)
     */
    /**
     * Sets libtorch's intra-op threads for the run: {@code --threads}, else the preset's measured
     * count (unless the user's environment chose one). Called once, before training starts.
     */
    void useThreads() {
        EngineThreads.useIntraOpThreads(threads != null ? threads : preset().getIntraOpThreads());
    }

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
        if (energyMagnitude != null) {
            builder.optEnergyMagnitudeWeight(energyMagnitude);
        }
        if (negativeLangevinSteps != null) {
            builder.optNegativeLangevin(negativeLangevinSteps, negativeStepSize);
        }
        if (negativeBroad != null) {
            builder.optNegativeBroad(negativeBroad, 4f);
        }
        if (negativeMala != null) {
            builder.optNegativeLangevinAdjusted(negativeMala);
        }
        if (negativeReplay != null) {
            builder.optNegativeReplay(negativeReplay, 0.05f);
        }
        return builder;
    }
}
