/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import ai.djl.training.listener.TrainingListener;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import io.github.energygan.gradient.InputGradient;
import io.github.energygan.util.Checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The hyperparameters of {@link EnergyGanTrainer}, validated when built, so that a bad value is
 * reported, by name, before any training starts. {@link #builder()} starts from the reference
 * settings of Kumar et al. 2019: {@code nCritic = 5}, {@code λ = 0.1}, batch 256, Adam with
 * learning rate {@code 1e-4} and betas {@code (0.5, 0.9)} for every network, weight 1 on the
 * estimator's loss, constant schedules.
 *
 * <p>Three settings may decay along a cosine over the run, each to a fraction of its start (1
 * keeps it constant): the learning rates (over optimiser updates, after an optional linear
 * warm-up from a tenth of their value), the penalty's {@code λ} and the estimator's weight (over
 * iterations). A strong penalty early holds the data at the bottom of the energy's pits while the
 * generator is still far off, and a high entropy weight spreads the generator over every mode;
 * weaker ones late let the pits and the generator's modes grow as narrow as the data's. A warm-up
 * keeps a large learning rate from running away on the first, far-off generator samples.
 *
 * <p>Weight averaging keeps an exponential moving average {@code w̄ ← d·w̄ + (1 − d)·w} of a
 * network's weights, given to the model when training ends (training and checkpoints use the
 * current weights). For the generator, after each of its steps: an adversarial pair circles its
 * equilibrium and the average sits nearer its centre (Yazıcı et al. 2019, "The unusual
 * effectiveness of averaging in GAN training"), though on the 25-grid with a decaying learning
 * rate {@code d = 0.999} cost 4–7 points of high-quality samples, as the generator was still
 * improving over the window the average spans. For the energy, after each iteration: a steadier
 * function of the data, which is what a score (anomaly detection) wants.
 *
 * @param iterations the run's length; one iteration is {@code nCritic} energy steps and one
 *     generator step; {@code ≥ 1}
 * @param criticSteps {@code nCritic}, energy steps per iteration, {@code ≥ 1}
 * @param penaltyLambda the gradient penalty's coefficient {@code λ} at the start, finite, {@code ≥
 *     0}
 * @param finalPenaltyFactor {@code λ}'s final fraction, in {@code (0, 1]}
 * @param batchSize the batch size, for data and for latent codes, {@code ≥ 1}
 * @param energyLearningRate the energy network's Adam learning rate, finite, {@code > 0}
 * @param generatorLearningRate the generator's (and estimator's) learning rate, finite, {@code > 0}
 * @param beta1 Adam's first-moment decay, in {@code [0, 1)}
 * @param beta2 Adam's second-moment decay, in {@code [0, 1)}
 * @param finalLearningRateFactor the learning rates' final fraction, in {@code (0, 1]}
 * @param warmUpIterations the learning rates' warm-up, in {@code [0, iterations)}
 * @param estimatorWeight the weight on the estimator's loss at the start (the BCE mean for JSD,
 *     {@code λ₂} for InfoGAN), finite, {@code > 0}
 * @param finalEstimatorWeightFactor the estimator weight's final fraction, in {@code (0, 1]}
 * @param generatorAveraging the decay {@code d} of the generator's weight average, in {@code [0,
 *     1)}; 0 keeps the last weights
 * @param energyAveraging the decay {@code d} of the energy's weight average, in {@code [0, 1)}; 0
 *     keeps the last weights
 * @param seed the seed every random choice of training flows from (latent codes, batch order,
 *     permutations)
 * @param iterationsPerEpoch how many iterations make one DJL epoch (when listeners get {@code
 *     onEpoch}), {@code ≥ 1}
 * @param energyMagnitudeWeight {@code α ≥ 0} of the energy-magnitude regulariser {@code α ·
 *     (mean U(x_data)² + mean U(x_model)²)} (Du &amp; Mordatch 2019); 0 for none
 * @param negativeLangevinSteps Langevin steps on {@code U} in data space that refine the
 *     generator's samples before they serve as the negative phase, {@code ≥ 0}; 0 takes the
 *     samples as they are (the article)
 * @param negativeLangevinStepSize the step {@code α} of those Langevin steps in standardised
 *     units, {@code x' ← x' − α∇_{x'}U + √(2α)·ε} with {@code x' = x / s}; finite, {@code > 0};
 *     for adjusted steps, the first step, adapted from then on
 * @param negativeLangevinAdjusted whether those steps are Metropolis-adjusted (MALA: the chains
 *     leave {@code exp(−U)} invariant, with the step adapted towards acceptance 0.574) or
 *     unadjusted (biased by the step's noise)
 * @param negativeBroadFraction the fraction {@code φ ∈ [0, 1)} of each negative batch drawn
 *     uniformly from a box around the origin instead of by the generator, before any Langevin
 *     refinement; 0 for none
 * @param negativeBroadScale the box's half-width {@code b} in data scales, finite, {@code > 0}
 * @param negativeReplaySize the number of negatives kept between iterations as persistent Langevin
 *     chains (the replay buffer of Du &amp; Mordatch 2019 and Grathwohl et al. 2020), {@code ≥ 0};
 *     each energy step continues chains drawn from the buffer and writes them back, so chains
 *     run far longer than one refinement's steps; 0 for none (every refinement starts afresh).
 *     Needs Langevin steps, and at least one batch
 * @param negativeReplayFresh the fraction of each replayed batch restarted from fresh negatives
 *     (the generator's samples, with any broad ones), in {@code (0, 1]}
 * @param inputGradient the input-gradient strategy of the penalty; null chooses the exact one
 *     (an energy network it does not cover is refused)
 * @param listeners listeners of both DJL trainers (energy and generator); this library's listeners
 *     tell the two apart by their loss, a stock listener sees both
 */
public record EnergyGanTrainingConfig(
        int iterations,
        int criticSteps,
        float penaltyLambda,
        float finalPenaltyFactor,
        int batchSize,
        float energyLearningRate,
        float generatorLearningRate,
        float beta1,
        float beta2,
        float finalLearningRateFactor,
        int warmUpIterations,
        float estimatorWeight,
        float finalEstimatorWeightFactor,
        float generatorAveraging,
        float energyAveraging,
        int seed,
        int iterationsPerEpoch,
        float energyMagnitudeWeight,
        int negativeLangevinSteps,
        float negativeLangevinStepSize,
        boolean negativeLangevinAdjusted,
        float negativeBroadFraction,
        float negativeBroadScale,
        int negativeReplaySize,
        float negativeReplayFresh,
        InputGradient inputGradient,
        List<TrainingListener> listeners) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the first invalid field and its value
     */
    public EnergyGanTrainingConfig {
        Checks.positive("iterations", iterations);
        Checks.positive("nCritic", criticSteps);
        Checks.nonNegative("penalty λ", penaltyLambda);
        fraction("finalPenaltyFactor", finalPenaltyFactor);
        Checks.positive("batchSize", batchSize);
        Checks.positive("energyLearningRate", energyLearningRate);
        Checks.positive("generatorLearningRate", generatorLearningRate);
        unitInterval("beta1", beta1);
        unitInterval("beta2", beta2);
        fraction("finalLearningRateFactor", finalLearningRateFactor);
        if (warmUpIterations < 0 || warmUpIterations >= iterations) {
            throw new IllegalArgumentException(
                    "warmUpIterations must be in [0, iterations = "
                            + iterations
                            + "), got "
                            + warmUpIterations);
        }
        Checks.positive("estimatorWeight", estimatorWeight);
        fraction("finalEstimatorWeightFactor", finalEstimatorWeightFactor);
        unitInterval("generatorAveraging", generatorAveraging);
        unitInterval("energyAveraging", energyAveraging);
        Checks.positive("iterationsPerEpoch", iterationsPerEpoch);
        Checks.nonNegative("energyMagnitudeWeight", energyMagnitudeWeight);
        if (negativeLangevinSteps < 0) {
            throw new IllegalArgumentException(
                    "negativeLangevinSteps must be >= 0, got " + negativeLangevinSteps);
        }
        Checks.positive("negativeLangevinStepSize", negativeLangevinStepSize);
        if (!(negativeBroadFraction >= 0f && negativeBroadFraction < 1f)) {
            throw new IllegalArgumentException(
                    "negativeBroadFraction must be in [0, 1), got " + negativeBroadFraction);
        }
        Checks.positive("negativeBroadScale", negativeBroadScale);
        if (negativeReplaySize != 0
                && (negativeReplaySize < batchSize || negativeLangevinSteps == 0)) {
            throw new IllegalArgumentException(
                    "negativeReplaySize must be 0, or at least batchSize = "
                            + batchSize
                            + " with negativeLangevinSteps > 0 (the chains it keeps); got "
                            + negativeReplaySize
                            + " with "
                            + negativeLangevinSteps
                            + " Langevin steps");
        }
        fraction("negativeReplayFresh", negativeReplayFresh);
        if (listeners.contains(null)) {
            throw new IllegalArgumentException("A training listener is null");
        }
        listeners = Collections.unmodifiableList(new ArrayList<>(listeners));
    }

    private static void fraction(String field, float value) {
        if (!(value > 0f && value <= 1f)) {
            throw new IllegalArgumentException(field + " must be in (0, 1], got " + value);
        }
    }

    private static void unitInterval(String field, float value) {
        if (!(value >= 0f && value < 1f)) {
            throw new IllegalArgumentException(field + " must be in [0, 1), got " + value);
        }
    }

    /**
     * Returns a builder with the reference settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the penalty coefficient to use at an iteration: {@link #penaltyLambda()} decayed
     * along a cosine to {@code penaltyLambda() · finalPenaltyFactor()} at the last iteration.
     *
     * @param iteration the 0-based iteration within the run
     * @return λ at that iteration
     */
    public float penaltyLambdaAt(long iteration) {
        return penaltySchedule().getNewValue(Math.toIntExact(iteration));
    }

    /**
     * Returns the penalty coefficient's schedule by iteration: {@link #penaltyLambda()} decayed
     * along a cosine to {@code penaltyLambda() · finalPenaltyFactor()} at the last
     * iteration.
     *
     * @return the schedule
     */
    public Tracker penaltySchedule() {
        return new CosineSchedule(penaltyLambda, finalPenaltyFactor, iterations);
    }

    /**
     * Returns the estimator weight to use at an iteration: {@link #estimatorWeight()} decayed
     * along a cosine to {@code estimatorWeight() · finalEstimatorWeightFactor()} at the last
     * iteration.
     *
     * @param iteration the 0-based iteration within the run
     * @return the weight
     */
    public float estimatorWeightAt(long iteration) {
        return estimatorWeightSchedule().getNewValue(Math.toIntExact(iteration));
    }

    /**
     * Returns the estimator weight's schedule by iteration: {@link #estimatorWeight()} decayed
     * along a cosine to {@code estimatorWeight() · finalEstimatorWeightFactor()} at the last
     * iteration.
     *
     * @return the schedule
     */
    public Tracker estimatorWeightSchedule() {
        return new CosineSchedule(estimatorWeight, finalEstimatorWeightFactor, iterations);
    }

    /**
     * Builds the energy network's optimiser: Adam with this config's rate and betas.
     *
     * @return a new optimiser
     */
    public Optimizer newEnergyOptimizer() {
        return adam(energyLearningRate, criticSteps);
    }

    /**
     * Builds the generator's optimiser: Adam with this config's rate and betas.
     *
     * @return a new optimiser
     */
    public Optimizer newGeneratorOptimizer() {
        return adam(generatorLearningRate, 1);
    }

    private Optimizer adam(float learningRate, int updatesPerIteration) {
        int warmUpUpdates = warmUpIterations * updatesPerIteration;
        int mainUpdates = (iterations - warmUpIterations) * updatesPerIteration;
        Tracker tracker =
                finalLearningRateFactor == 1f
                        ? Tracker.fixed(learningRate)
                        : Tracker.cosine()
                                .setBaseValue(learningRate)
                                .optFinalValue(learningRate * finalLearningRateFactor)
                                .setMaxUpdates(Math.max(1, mainUpdates))
                                .build();
        if (warmUpUpdates > 0) {
            tracker =
                    Tracker.warmUp()
                            .setMainTracker(tracker)
                            .optWarmUpSteps(warmUpUpdates)
                            .optWarmUpBeginValue(learningRate / 10f)
                            .build();
        }
        return new ResumableAdam(tracker, beta1, beta2);
    }

    /**
     * Builds an {@link EnergyGanTrainingConfig}; each option starts at the reference setting and
     * is documented on the record's component of the same name.
     */
    public static final class Builder {

        private int iterations = 5000;
        private int criticSteps = 5;
        private float penaltyLambda = 0.1f;
        private float finalPenaltyFactor = 1f;
        private int batchSize = 256;
        private float energyLearningRate = 1e-4f;
        private float generatorLearningRate = 1e-4f;
        private float beta1 = 0.5f;
        private float beta2 = 0.9f;
        private float finalLearningRateFactor = 1f;
        private int warmUpIterations;
        private float estimatorWeight = 1f;
        private float finalEstimatorWeightFactor = 1f;
        private float generatorAveraging;
        private float energyAveraging;
        private int seed;
        private int iterationsPerEpoch = 500;
        private float energyMagnitudeWeight;
        private int negativeLangevinSteps;
        private float negativeLangevinStepSize = 1e-3f;
        private boolean negativeLangevinAdjusted;
        private float negativeBroadFraction;
        private float negativeBroadScale = 4f;
        private int negativeReplaySize;
        private float negativeReplayFresh = 0.05f;
        private InputGradient inputGradient;
        private final List<TrainingListener> listeners = new ArrayList<>();

        Builder() {}

        /**
         * Sets {@link EnergyGanTrainingConfig#iterations()}; 5,000 by default.
         *
         * @param value {@code ≥ 1}
         * @return this builder
         */
        public Builder optIterations(int value) {
            iterations = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#criticSteps()}; 5 by default.
         *
         * @param value {@code ≥ 1}
         * @return this builder
         */
        public Builder optCriticSteps(int value) {
            criticSteps = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#penaltyLambda()}; 0.1 by default.
         *
         * @param value finite, {@code ≥ 0}
         * @return this builder
         */
        public Builder optPenaltyLambda(float value) {
            penaltyLambda = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#finalPenaltyFactor()}; 1 by default.
         *
         * @param value in {@code (0, 1]}
         * @return this builder
         */
        public Builder optFinalPenaltyFactor(float value) {
            finalPenaltyFactor = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#batchSize()}; 256 by default.
         *
         * @param value {@code ≥ 1}
         * @return this builder
         */
        public Builder optBatchSize(int value) {
            batchSize = value;
            return this;
        }

        /**
         * Sets both learning rates; {@code 1e-4} by default.
         *
         * @param value finite, {@code > 0}
         * @return this builder
         */
        public Builder optLearningRate(float value) {
            return optEnergyLearningRate(value).optGeneratorLearningRate(value);
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#energyLearningRate()}.
         *
         * @param value finite, {@code > 0}
         * @return this builder
         */
        public Builder optEnergyLearningRate(float value) {
            energyLearningRate = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#generatorLearningRate()}.
         *
         * @param value finite, {@code > 0}
         * @return this builder
         */
        public Builder optGeneratorLearningRate(float value) {
            generatorLearningRate = value;
            return this;
        }

        /**
         * Sets Adam's betas; {@code (0.5, 0.9)} by default.
         *
         * @param first {@link EnergyGanTrainingConfig#beta1()}, in {@code [0, 1)}
         * @param second {@link EnergyGanTrainingConfig#beta2()}, in {@code [0, 1)}
         * @return this builder
         */
        public Builder optBetas(float first, float second) {
            beta1 = first;
            beta2 = second;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#finalLearningRateFactor()}; 1 by default.
         *
         * @param value in {@code (0, 1]}
         * @return this builder
         */
        public Builder optFinalLearningRateFactor(float value) {
            finalLearningRateFactor = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#warmUpIterations()}; 0 by default.
         *
         * @param value in {@code [0, iterations)}
         * @return this builder
         */
        public Builder optWarmUpIterations(int value) {
            warmUpIterations = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#estimatorWeight()}; 1 by default.
         *
         * @param value finite, {@code > 0}
         * @return this builder
         */
        public Builder optEstimatorWeight(float value) {
            estimatorWeight = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#finalEstimatorWeightFactor()}; 1 by default.
         *
         * @param value in {@code (0, 1]}
         * @return this builder
         */
        public Builder optFinalEstimatorWeightFactor(float value) {
            finalEstimatorWeightFactor = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#generatorAveraging()}; 0 (off) by default.
         *
         * @param value in {@code [0, 1)}; 0.999 averages over about the last thousand iterations
         * @return this builder
         */
        public Builder optGeneratorAveraging(float value) {
            generatorAveraging = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#energyAveraging()}; 0 (off) by default.
         *
         * @param value in {@code [0, 1)}; 0.995 averages over about the last 200 iterations
         * @return this builder
         */
        public Builder optEnergyAveraging(float value) {
            energyAveraging = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#seed()}; 0 by default.
         *
         * @param value any int
         * @return this builder
         */
        public Builder optSeed(int value) {
            seed = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#iterationsPerEpoch()}; 500 by default.
         *
         * @param value {@code ≥ 1}
         * @return this builder
         */
        public Builder optIterationsPerEpoch(int value) {
            iterationsPerEpoch = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#energyMagnitudeWeight()}; 0 (none) by default.
         *
         * @param value finite, {@code ≥ 0}
         * @return this builder
         */
        public Builder optEnergyMagnitudeWeight(float value) {
            energyMagnitudeWeight = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#negativeLangevinSteps()} and {@link
         * EnergyGanTrainingConfig#negativeLangevinStepSize()}; 0 steps (none) by default, step
         * {@code 1e-3}.
         *
         * @param steps {@code ≥ 0}
         * @param stepSize finite, {@code > 0}
         * @return this builder
         */
        public Builder optNegativeLangevin(int steps, float stepSize) {
            negativeLangevinSteps = steps;
            negativeLangevinStepSize = stepSize;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#negativeLangevinAdjusted()}; unadjusted by default.
         *
         * @param value true for Metropolis-adjusted (MALA) steps
         * @return this builder
         */
        public Builder optNegativeLangevinAdjusted(boolean value) {
            negativeLangevinAdjusted = value;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#negativeBroadFraction()} and {@link
         * EnergyGanTrainingConfig#negativeBroadScale()}; none by default, half-width 4.
         *
         * @param fraction in {@code [0, 1)}
         * @param scale finite, {@code > 0}
         * @return this builder
         */
        public Builder optNegativeBroad(float fraction, float scale) {
            negativeBroadFraction = fraction;
            negativeBroadScale = scale;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#negativeReplaySize()} and {@link
         * EnergyGanTrainingConfig#negativeReplayFresh()}; no buffer by default, 5 % fresh.
         *
         * @param size 0, or at least the batch size with Langevin steps set
         * @param freshFraction in {@code (0, 1]}
         * @return this builder
         */
        public Builder optNegativeReplay(int size, float freshFraction) {
            negativeReplaySize = size;
            negativeReplayFresh = freshFraction;
            return this;
        }

        /**
         * Sets {@link EnergyGanTrainingConfig#inputGradient()}; by default the exact strategy
         * when the energy network supports it, finite differences otherwise.
         *
         * @param value the strategy, or null for the default
         * @return this builder
         */
        public Builder optInputGradient(InputGradient value) {
            inputGradient = value;
            return this;
        }

        /**
         * Adds {@link EnergyGanTrainingConfig#listeners()}.
         *
         * @param values the listeners
         * @return this builder
         */
        public Builder addTrainingListeners(TrainingListener... values) {
            Collections.addAll(listeners, values);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the config
         * @throws IllegalArgumentException naming the first invalid field and its value
         */
        public EnergyGanTrainingConfig build() {
            return new EnergyGanTrainingConfig(
                    iterations,
                    criticSteps,
                    penaltyLambda,
                    finalPenaltyFactor,
                    batchSize,
                    energyLearningRate,
                    generatorLearningRate,
                    beta1,
                    beta2,
                    finalLearningRateFactor,
                    warmUpIterations,
                    estimatorWeight,
                    finalEstimatorWeightFactor,
                    generatorAveraging,
                    energyAveraging,
                    seed,
                    iterationsPerEpoch,
                    energyMagnitudeWeight,
                    negativeLangevinSteps,
                    negativeLangevinStepSize,
                    negativeLangevinAdjusted,
                    negativeBroadFraction,
                    negativeBroadScale,
                    negativeReplaySize,
                    negativeReplayFresh,
                    inputGradient,
                    listeners);
        }
    }
}
