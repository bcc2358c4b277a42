/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.preset;

import io.github.energygan.model.ConvArchitecture;
import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EstimatorSpec;
import io.github.energygan.model.Layers;
import io.github.energygan.model.MlpArchitecture;
import io.github.energygan.nn.ActivationFunction;

import io.github.energygan.training.EnergyGanTrainingConfig;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A named architecture with the training hyperparameters that go with it.
 *
 * <ul>
 *   <li>{@link #REFERENCE_2D}: the reference code's 2-D setting (Kumar et al. 2019): nets of three
 *       hidden layers of 512, Adam {@code 1e-4, (0.5, 0.9)}, {@code nCritic = 5}, {@code λ = 0.1},
 *       batch 256, 100,000 iterations. Hours on a 2-core CPU. It stays the article's setting
 *       (negatives as the generator draws them), so that it reproduces the reference and times
 *       against it at equal work.
 *   <li>{@link #FAST_2D}: the {@code demo} default, built to reach the reference's quality in
 *       minutes on a 2-core CPU instead of hours: nets of width 128 with the generator's output
 *       bounded to three data scales, 12,000 iterations of <b>two</b> energy steps and one
 *       generator step, Adam at {@code 1e-3} (reached after a 750-iteration linear warm-up from
 *       {@code 1e-4}, so that the energy does not run away on the first, far-off samples) decaying
 *       along a cosine to {@code 5e-5}, and two more cosine schedules: the penalty from {@code λ =
 *       0.001} down to {@code 0.0003}, and the entropy term's weight from 1 to 0.01.
 *       <p>The energy is trained to be a density, not only a critic: the generator's samples are
 *       refined by 10 Metropolis-adjusted Langevin steps on {@code U} before they serve as the
 *       negative phase, and the energy-magnitude term {@code 0.01·(mean U(x_data)² + mean
 *       U(x_model)²)} (Du &amp; Mordatch 2019) holds every mode's energy near the same level. The
 *       generator's samples alone leave {@code U} almost flat (held-out NLL on the 25-Gaussian
 *       grid 4.7 nats, a uniform density's 4.97), since a good generator teaches the energy
 *       nothing where it puts no samples and a strong zero-centred penalty flattens it around the
 *       data; refined negatives sample the energy model itself, so the weak penalty no longer has
 *       to hold the energy in shape. Without the magnitude term the energy's modes drift apart in
 *       depth (one seed of three: a 25-nat tilt across the grid, NLL 8.9); unadjusted Langevin
 *       negatives, whose noise spreads them wider than the data's modes, teach wells narrower than
 *       the data's. Measured over three seeds in {@code docs/energy-density.md}.
 *       <p>Why 12,000 iterations: 8,000 reach every mode too but leave the modes a little wider.
 *       <p>Two energy steps per iteration, not the reference's five: with five an iteration costs
 *       twice as much and the energy races ahead of the generator (the gap {@code U(G(z)) −
 *       U(data)} and the penalty climb) in some runs; with one the energy lags behind.
 *       <p>The alternatives measured: a final entropy weight of 0.1 leaves the modes wider than
 *       0.01 does; a constant learning rate of {@code 1e-3} is erratic, and an unbounded generator
 *       sometimes flings samples far out where the energy then runs away.
 *   <li>{@link #IMAGE_NARROW}: 28×28 images (Fashion-MNIST) on a 2-core CPU in under 40 minutes.
 * </ul>
 *
 * <p>The 2-D presets standardise the data: the networks see {@code x / s} with {@code s} the data's
 * standard deviation (what the reference code does to its toy data), and {@code λ} applies to the
 * gradient with respect to that standardised input. Images come in {@code [-1, 1]} and are taken as
 * they are.
 */
public final class EnergyGanPreset {

    /** The reference 2-D setting. */
    public static final EnergyGanPreset REFERENCE_2D =
            new EnergyGanPreset(
                    "reference-2d",
                    "reference nets (3×512), lr 1e-4, λ 0.1, 100k iterations",
                    scale -> MlpArchitecture.reference(2, 2, scale),
                    100_000,
                    0,
                    0,
                    b -> b.optLearningRate(1e-4f).optPenaltyLambda(0.1f));

    /**
     * The demo's default: width 128, two energy steps per iteration, annealed learning rate,
     * penalty and entropy weight.
     */
    public static final EnergyGanPreset FAST_2D =
            new EnergyGanPreset(
                    "fast-2d",
                    "width 128, G bounded to ±3s, nCritic 2, lr 1e-3 (750 warm-up"
                            + " iterations)→5e-5, λ 0.001→0.0003, 10 MALA steps on the negatives,"
                            + " energy magnitude 0.01, entropy weight 1→0.01, 12k iterations",
                    EnergyGanPreset::fast2d,
                    12_000,
                    750,
                    1,
                    b ->
                            b.optCriticSteps(2)
                                    .optLearningRate(1e-3f)
                                    .optFinalLearningRateFactor(0.05f)
                                    .optPenaltyLambda(0.001f)
                                    .optFinalPenaltyFactor(0.3f)
                                    .optNegativeLangevin(10, 1e-3f)
                                    .optNegativeLangevinAdjusted(true)
                                    .optEnergyMagnitudeWeight(0.01f)
                                    .optFinalEstimatorWeightFactor(0.01f));

    /**
     * Fashion-MNIST on a 2-core CPU: the narrow image nets (see {@link #IMAGE_NARROW}'s architecture), 4,000 iterations
     * of five energy steps and one generator step at batch 64, Adam at {@code 2e-4} (twice the
     * reference's, for a run of thousands rather than tens of thousands of iterations) with the
     * reference betas, and {@code λ = 1} on the full squared norm of {@code ∇_x U}. The reference's
     * image penalty (10 on the per-pixel mean, {@code λ = 10/784} on the full norm, as in the reference code of Kumar et al. 2019)
     * was too weak for these narrow nets without batch normalisation: measured here, the energies
     * swung by ±3,000 and the gap between data and samples reached 900 within 1,000 iterations,
     * with saturated white blobs for samples; with {@code λ = 1} the energies stay within ±10 and
     * the samples take shapes from the first few hundred iterations.
     */
    public static final EnergyGanPreset IMAGE_NARROW =
            new EnergyGanPreset(
                    "image-narrow",
                    "28×28 images, conv 16→32→64, latent 64, batch 64, lr 2e-4, λ 1, 4k"
                            + " iterations",
                    scale -> imageNarrow(),
                    4_000,
                    0,
                    1,
                    b -> b.optLearningRate(2e-4f).optBatchSize(64).optPenaltyLambda(1f));

    private static final List<EnergyGanPreset> ALL = List.of(REFERENCE_2D, FAST_2D, IMAGE_NARROW);

    private final String name;
    private final String description;
    private final DoubleFunction<EnergyGanArchitecture> architecture;
    private final int iterations;
    private final int warmUpIterations;
    private final int intraOpThreads;
    private final UnaryOperator<EnergyGanTrainingConfig.Builder> hyperparameters;

    private EnergyGanPreset(
            String name,
            String description,
            DoubleFunction<EnergyGanArchitecture> architecture,
            int iterations,
            int warmUpIterations,
            int intraOpThreads,
            UnaryOperator<EnergyGanTrainingConfig.Builder> hyperparameters) {
        this.name = name;
        this.description = description;
        this.architecture = architecture;
        this.iterations = iterations;
        this.warmUpIterations = warmUpIterations;
        this.intraOpThreads = intraOpThreads;
        this.hyperparameters = hyperparameters;
    }

    /**
     * Returns the libtorch intra-op thread count measured best for this preset's networks, or 0 for
     * the engine's default (one per core). On 2 cores, {@code fast-2d}'s width-128 nets ran 42.8 ms
     * per iteration with one thread against 46.3 ms with two, and 51.8 against 158.6 ms with a
     * second CPU-bound process running; {@code image-narrow}'s convolutions 393 against 414 ms idle
     * and 434 against 521 ms loaded (two threads waiting passively); {@code reference-2d}'s
     * width-512 nets gain from both cores (220 against 300 ms idle).
     *
     * @return the thread count, or 0
     */
    public int getIntraOpThreads() {
        return intraOpThreads;
    }

    /**
     * Looks a preset up by name.
     *
     * @param name {@code reference-2d}, {@code fast-2d} or {@code image-narrow}
     * @return the preset
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static EnergyGanPreset byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(p -> p.name.equals(key))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "Unknown preset '"
                                                + name
                                                + "'; expected one of "
                                                + ALL.stream()
                                                        .map(p -> p.name)
                                                        .collect(Collectors.joining(", "))));
    }

    /**
     * Returns every preset.
     *
     * @return the presets
     */
    public static List<EnergyGanPreset> all() {
        return ALL;
    }

    /**
     * Returns the name.
     *
     * @return e.g. {@code fast-2d}
     */
    public String getName() {
        return name;
    }

    /**
     * Returns a one-line description.
     *
     * @return the description
     */
    public String getDescription() {
        return description;
    }

    /**
     * Returns the default number of iterations.
     *
     * @return the iterations
     */
    public int getIterations() {
        return iterations;
    }

    /**
     * Returns the architecture for data of a given scale.
     *
     * @param dataScale the data's standard deviation, {@code > 0}
     * @return the architecture
     */
    public EnergyGanArchitecture architecture(float dataScale) {
        return architecture.apply(dataScale);
    }

    /**
     * Returns a training config builder filled with this preset's hyperparameters (reference
     * defaults for everything the preset does not set).
     *
     * @return a new builder
     */
    public EnergyGanTrainingConfig.Builder trainingConfig() {
        return trainingConfig(iterations);
    }

    /**
     * Returns a training config builder filled with this preset's hyperparameters for a run of
     * another length: the learning-rate warm-up keeps its share of the run, so the schedule's shape
     * is the preset's, stretched or squeezed.
     *
     * @param runIterations the run's iterations, {@code >= 1}
     * @return a new builder
     * @throws IllegalArgumentException if {@code runIterations < 1}
     */
    public EnergyGanTrainingConfig.Builder trainingConfig(int runIterations) {
        if (runIterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + runIterations);
        }
        int warmUp = (int) ((long) warmUpIterations * runIterations / iterations);
        return hyperparameters.apply(
                EnergyGanTrainingConfig.builder()
                        .optIterations(runIterations)
                        .optWarmUpIterations(warmUp));
    }

    /**
     * The reference layout at width 128 (about 16× fewer multiply-adds per step than the
     * reference's 512), with the generator's output bounded to three data scales so that no sample
     * lands far out where the energy is unconstrained.
     */
    private static MlpArchitecture fast2d(double dataScale) {
        ActivationFunction leaky = ActivationFunction.leakyRelu(0.2f);
        return new MlpArchitecture(
                2,
                2,
                (float) dataScale,
                Layers.of(leaky, 128, 128, 128),
                0f,
                Layers.of(ActivationFunction.relu(), 128, 128, 128),
                3f,
                new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(leaky, 128, 128, 128)));
    }

    /**
     * The 28×28 reference layout of Kumar et al. 2019 (strided convolutions with kernel 5,
     * LeakyReLU(0.2), no normalisation, in the energy network) at an eighth of its width and one
     * layer fewer, so that it trains on a 2-core CPU: {@code U} convolutions 1→16→32→64 (28 → 14 →
     * 7 → 4) and a linear map to 1; {@code G} from a 64-dimensional code, linear to 64×4×4, then
     * upsample-and-convolve stages 64→32→16→1 (4 → 7 → 14 → 28), tanh output; {@code T}
     * convolutions 1→16→32→64 joined with {@code z}, a hidden layer of 128, linear to 1.
     */
    private static ConvArchitecture imageNarrow() {
        ActivationFunction leaky = ActivationFunction.leakyRelu(0.2f);
        return new ConvArchitecture(
                java.util.List.of(1L, 28L, 28L),
                64,
                Layers.of(leaky, 16, 32, 64),
                java.util.List.of(64L, 32L, 16L),
                new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(leaky, 16, 32, 64, 128)));
    }

    @Override
    public String toString() {
        return name + " (" + description + ")";
    }
}
