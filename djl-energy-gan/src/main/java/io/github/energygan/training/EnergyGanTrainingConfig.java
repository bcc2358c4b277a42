/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import ai.djl.training.listener.TrainingListener;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import io.github.energygan.gradient.InputGradient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The hyperparameters of {@link EnergyGanTrainer}. Defaults are the reference ones of Kumar et al. 2019:
 * {@code nCritic = 5}, {@code λ = 0.1}, batch 256, Adam with learning rate {@code 1e-4} and betas
 * {@code (0.5, 0.9)} for every network, weight 1 on the estimator's loss.
 *
 * <p>{@link Builder#build()} validates every field and names the first bad one, so a bad value is
 * reported before any training starts.
 */
public final class EnergyGanTrainingConfig {

    private final int iterations;
    private final int criticSteps;
    private final float penaltyLambda;
    private final int batchSize;
    private final float energyLearningRate;
    private final float generatorLearningRate;
    private final float beta1;
    private final float beta2;
    private final float estimatorWeight;
    private final float finalLearningRateFactor;
    private final int warmUpIterations;
    private final float finalEstimatorWeightFactor;
    private final float generatorAveraging;
    private final float energyAveraging;
    private final float finalPenaltyFactor;
    private final int seed;
    private final int iterationsPerEpoch;
    private final InputGradient inputGradient;
    private final List<TrainingListener> listeners;

    private EnergyGanTrainingConfig(Builder b) {
        iterations = b.iterations;
        criticSteps = b.criticSteps;
        penaltyLambda = b.penaltyLambda;
        batchSize = b.batchSize;
        energyLearningRate = b.energyLearningRate;
        generatorLearningRate = b.generatorLearningRate;
        beta1 = b.beta1;
        beta2 = b.beta2;
        estimatorWeight = b.estimatorWeight;
        finalLearningRateFactor = b.finalLearningRateFactor;
        warmUpIterations = b.warmUpIterations;
        finalEstimatorWeightFactor = b.finalEstimatorWeightFactor;
        generatorAveraging = b.generatorAveraging;
        energyAveraging = b.energyAveraging;
        finalPenaltyFactor = b.finalPenaltyFactor;
        seed = b.seed;
        iterationsPerEpoch = b.iterationsPerEpoch;
        inputGradient = b.inputGradient;
        listeners = Collections.unmodifiableList(new ArrayList<>(b.listeners));
    }

    /**
     * Returns a builder with the reference defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the number of iterations; one iteration is {@code nCritic} energy steps and one
     * generator step.
     *
     * @return the iterations
     */
    public int getIterations() {
        return iterations;
    }

    /**
     * Returns {@code nCritic}, energy steps per iteration.
     *
     * @return {@code nCritic}
     */
    public int getCriticSteps() {
        return criticSteps;
    }

    /**
     * Returns the gradient penalty coefficient.
     *
     * @return {@code λ}
     */
    public float getPenaltyLambda() {
        return penaltyLambda;
    }

    /**
     * Returns the batch size, for data and for latent codes.
     *
     * @return the batch size
     */
    public int getBatchSize() {
        return batchSize;
    }

    /**
     * Returns the energy network's learning rate.
     *
     * @return the learning rate
     */
    public float getEnergyLearningRate() {
        return energyLearningRate;
    }

    /**
     * Returns the generator's (and estimator's) learning rate.
     *
     * @return the learning rate
     */
    public float getGeneratorLearningRate() {
        return generatorLearningRate;
    }

    /**
     * Returns Adam's first-moment decay.
     *
     * @return {@code β₁}
     */
    public float getBeta1() {
        return beta1;
    }

    /**
     * Returns Adam's second-moment decay.
     *
     * @return {@code β₂}
     */
    public float getBeta2() {
        return beta2;
    }

    /**
     * Returns the weight on the estimator's loss (the BCE mean for JSD, {@code λ₂} for InfoGAN).
     *
     * @return the weight
     */
    public float getEstimatorWeight() {
        return estimatorWeight;
    }

    /**
     * Returns the ratio of the final to the initial learning rate; 1 means constant rates, less
     * means a cosine decay over the run.
     *
     * @return the factor, in {@code (0, 1]}
     */
    public float getFinalLearningRateFactor() {
        return finalLearningRateFactor;
    }

    /**
     * Returns the iterations over which the learning rates rise linearly from a tenth of their
     * value; 0 for none.
     *
     * @return the warm-up length
     */
    public int getWarmUpIterations() {
        return warmUpIterations;
    }

    /**
     * Returns the ratio of the final to the initial estimator weight; 1 means a constant weight,
     * less means a cosine decay over the run.
     *
     * @return the factor, in {@code (0, 1]}
     */
    public float getFinalEstimatorWeightFactor() {
        return finalEstimatorWeightFactor;
    }

    /**
     * Returns the decay of the exponential moving average of the generator's weights that the
     * trained model keeps; 0 for none (the model keeps the last weights).
     *
     * @return the decay, in {@code [0, 1)}
     */
    public float getGeneratorAveraging() {
        return generatorAveraging;
    }

    /**
     * Returns the decay of the exponential moving average of the energy's weights that the trained
     * model keeps; 0 for none (the model keeps the last weights).
     *
     * @return the decay, in {@code [0, 1)}
     */
    public float getEnergyAveraging() {
        return energyAveraging;
    }

    /**
     * Returns the ratio of the final to the initial penalty coefficient; 1 means a constant λ, less
     * means a cosine decay over the run.
     *
     * @return the factor, in {@code (0, 1]}
     */
    public float getFinalPenaltyFactor() {
        return finalPenaltyFactor;
    }

    /**
     * Returns the penalty coefficient to use at an iteration: {@link #getPenaltyLambda()} decayed
     * along a cosine to {@code getPenaltyLambda() · getFinalPenaltyFactor()} at the last iteration.
     *
     * @param iteration the 0-based iteration within the run
     * @return λ at that iteration
     */
    public float penaltyLambdaAt(long iteration) {
        return penaltySchedule().getNewValue(Math.toIntExact(iteration));
    }

    /**
     * Returns the penalty coefficient's schedule by iteration: {@link #getPenaltyLambda()} decayed
     * along a cosine to {@code getPenaltyLambda() · getFinalPenaltyFactor()} at the last
     * iteration.
     *
     * @return the schedule
     */
    public Tracker penaltySchedule() {
        return new CosineSchedule(penaltyLambda, finalPenaltyFactor, iterations);
    }

    /**
     * Returns the estimator weight to use at an iteration: {@link #getEstimatorWeight()} decayed
     * along a cosine to {@code getEstimatorWeight() · getFinalEstimatorWeightFactor()} at the last
     * iteration.
     *
     * @param iteration the 0-based iteration within the run
     * @return the weight
     */
    public float estimatorWeightAt(long iteration) {
        return estimatorWeightSchedule().getNewValue(Math.toIntExact(iteration));
    }

    /**
     * Returns the estimator weight's schedule by iteration: {@link #getEstimatorWeight()} decayed
     * along a cosine to {@code getEstimatorWeight() · getFinalEstimatorWeightFactor()} at the last
     * iteration.
     *
     * @return the schedule
     */
    public Tracker estimatorWeightSchedule() {
        return new CosineSchedule(estimatorWeight, finalEstimatorWeightFactor, iterations);
    }

    /**
     * Returns the seed from which every random choice of training flows (latent codes, batch order,
     * permutations).
     *
     * @return the seed
     */
    public int getSeed() {
        return seed;
    }

    /**
     * Returns how many iterations make one DJL epoch (when {@code onEpoch} is sent to listeners).
     *
     * @return iterations per epoch
     */
    public int getIterationsPerEpoch() {
        return iterationsPerEpoch;
    }

    /**
     * Returns the input-gradient strategy, or null to choose by the energy network.
     *
     * @return the strategy or null
     */
    public InputGradient getInputGradient() {
        return inputGradient;
    }

    /**
     * Returns the listeners attached to both DJL trainers.
     *
     * @return the listeners, unmodifiable
     */
    public List<TrainingListener> getListeners() {
        return listeners;
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
        return Optimizer.adam()
                .optLearningRateTracker(tracker)
                .optBeta1(beta1)
                .optBeta2(beta2)
                .build();
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "iterations=%d nCritic=%d λ=%s λFinalFactor=%s batch=%d lrU=%s lrG=%s betas=(%s,"
                    + " %s) warmUp=%d lrFinalFactor=%s estimatorWeight=%s estimatorFinalFactor=%s"
                    + " generatorAveraging=%s%s seed=%d",
                iterations,
                criticSteps,
                penaltyLambda,
                finalPenaltyFactor,
                batchSize,
                energyLearningRate,
                generatorLearningRate,
                beta1,
                beta2,
                warmUpIterations,
                finalLearningRateFactor,
                estimatorWeight,
                finalEstimatorWeightFactor,
                generatorAveraging,
                energyAveraging > 0f ? " energyAveraging=" + energyAveraging : "",
                seed);
    }

    /** The builder for {@link EnergyGanTrainingConfig}. */
    public static final class Builder {

        private int iterations = 5000;
        private int criticSteps = 5;
        private float penaltyLambda = 0.1f;
        private int batchSize = 256;
        private float energyLearningRate = 1e-4f;
        private float generatorLearningRate = 1e-4f;
        private float beta1 = 0.5f;
        private float beta2 = 0.9f;
        private float estimatorWeight = 1f;
        private float finalLearningRateFactor = 1f;
        private int warmUpIterations;
        private float finalEstimatorWeightFactor = 1f;
        private float generatorAveraging;
        private float energyAveraging;
        private float finalPenaltyFactor = 1f;
        private int seed;
        private int iterationsPerEpoch = 500;
        private InputGradient inputGradient;
        private final List<TrainingListener> listeners = new ArrayList<>();

        Builder() {}

        /**
         * Sets the number of iterations; 5000 by default.
         *
         * @param iterations {@code >= 1}
         * @return this builder
         */
        public Builder optIterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /**
         * Sets {@code nCritic}; 5 by default.
         *
         * @param criticSteps {@code >= 1}
         * @return this builder
         */
        public Builder optCriticSteps(int criticSteps) {
            this.criticSteps = criticSteps;
            return this;
        }

        /**
         * Sets the gradient penalty coefficient; 0.1 by default.
         *
         * @param lambda {@code >= 0}
         * @return this builder
         */
        public Builder optPenaltyLambda(float lambda) {
            this.penaltyLambda = lambda;
            return this;
        }

        /**
         * Sets the batch size; 256 by default.
         *
         * @param batchSize {@code >= 1}
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets both learning rates; {@code 1e-4} by default.
         *
         * @param learningRate {@code > 0}
         * @return this builder
         */
        public Builder optLearningRate(float learningRate) {
            this.energyLearningRate = learningRate;
            this.generatorLearningRate = learningRate;
            return this;
        }

        /**
         * Sets the energy network's learning rate.
         *
         * @param learningRate {@code > 0}
         * @return this builder
         */
        public Builder optEnergyLearningRate(float learningRate) {
            this.energyLearningRate = learningRate;
            return this;
        }

        /**
         * Sets the generator's (and estimator's) learning rate.
         *
         * @param learningRate {@code > 0}
         * @return this builder
         */
        public Builder optGeneratorLearningRate(float learningRate) {
            this.generatorLearningRate = learningRate;
            return this;
        }

        /**
         * Sets Adam's betas; {@code (0.5, 0.9)} by default.
         *
         * @param beta1 in {@code [0, 1)}
         * @param beta2 in {@code [0, 1)}
         * @return this builder
         */
        public Builder optBetas(float beta1, float beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /**
         * Sets the weight on the estimator's loss; 1 by default.
         *
         * @param weight {@code > 0}
         * @return this builder
         */
        public Builder optEstimatorWeight(float weight) {
            this.estimatorWeight = weight;
            return this;
        }

        /**
         * Decays both learning rates along a cosine, over the run's optimiser updates, to this
         * fraction of their initial value; 1 (constant rates, the reference) by default.
         *
         * @param factor in {@code (0, 1]}
         * @return this builder
         */
        public Builder optFinalLearningRateFactor(float factor) {
            this.finalLearningRateFactor = factor;
            return this;
        }

        /**
         * Raises the learning rates linearly from a tenth of their value over this many iterations
         * before the constant or cosine schedule starts; 0 (none, the reference) by default. Early
         * on the energy can rise without bound on generator samples far from the data; a gentle
         * start keeps a large learning rate from running away there.
         *
         * @param iterations in {@code [0, iterations)}
         * @return this builder
         */
        public Builder optWarmUpIterations(int iterations) {
            this.warmUpIterations = iterations;
            return this;
        }

        /**
         * Decays the estimator's weight along a cosine over the run to this fraction of its initial
         * value; 1 (constant, the reference) by default. A high entropy weight early spreads the
         * generator over every mode; a lower one late lets it sharpen within them.
         *
         * @param factor in {@code (0, 1]}
         * @return this builder
         */
        public Builder optFinalEstimatorWeightFactor(float factor) {
            this.finalEstimatorWeightFactor = factor;
            return this;
        }

        /**
         * Decays the penalty coefficient along a cosine over the run to this fraction of its
         * initial value; 1 (constant, the reference) by default. A strong penalty early holds the
         * data at the bottom of the energy's pits while the generator is still far off; a weaker
         * one late lets the pits grow as narrow as the data's modes.
         *
         * @param factor in {@code (0, 1]}
         * @return this builder
         */
        public Builder optFinalPenaltyFactor(float factor) {
            this.finalPenaltyFactor = factor;
            return this;
        }

        /**
         * Keeps an exponential moving average of the generator's weights, {@code φ̄ ← d·φ̄ + (1 -
         * d)·φ} after every generator step, and gives it to the model when training ends; 0 (off,
         * the reference) by default. The energy is always trained against the current generator;
         * only the final model (and what it samples) uses the average. An adversarial pair circles
         * its equilibrium rather than settling on it, and the average sits closer to the centre of
         * that circle, so its samples are sharper (Yazıcı et al. 2019, "The unusual effectiveness
         * of averaging in GAN training"). Checkpoints written during training hold the current
         * weights. It is no sure gain: on the 25-grid with a decaying learning rate (a
         * 5,000-iteration {@code fast-2d} run, seeds 0–2), {@code d = 0.999} cost 4–7 points of
         * high-quality samples against the last weights, as the generator was still improving over
         * the window the average spans; {@code fast-2d} leaves it off.
         *
         * @param decay {@code d} in {@code [0, 1)}; 0.999 averages over about the last thousand
         *     iterations
         * @return this builder
         */
        public Builder optGeneratorAveraging(float decay) {
            this.generatorAveraging = decay;
            return this;
        }

        /**
         * Keeps an exponential moving average of the energy's weights, {@code θ̄ ← d·θ̄ + (1 -
         * d)·θ} after every iteration, and gives it to the model when training ends; 0 (off, the
         * reference) by default. Training itself always uses the current weights. The energy of an
         * adversarial pair keeps moving with the generator to the end; the average is a steadier
         * function of the data, which is what a score (anomaly detection) wants. Checkpoints hold
         * the current weights.
         *
         * @param decay {@code d} in {@code [0, 1)}; 0.995 averages over about the last 200
         *     iterations
         * @return this builder
         */
        public Builder optEnergyAveraging(float decay) {
            this.energyAveraging = decay;
            return this;
        }

        /**
         * Sets the seed; 0 by default.
         *
         * @param seed any int
         * @return this builder
         */
        public Builder optSeed(int seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets how many iterations make one DJL epoch; 500 by default.
         *
         * @param iterationsPerEpoch {@code >= 1}
         * @return this builder
         */
        public Builder optIterationsPerEpoch(int iterationsPerEpoch) {
            this.iterationsPerEpoch = iterationsPerEpoch;
            return this;
        }

        /**
         * Forces an input-gradient strategy; by default the exact one when the energy network
         * supports it, finite differences otherwise.
         *
         * @param inputGradient the strategy, or null for the default
         * @return this builder
         */
        public Builder optInputGradient(InputGradient inputGradient) {
            this.inputGradient = inputGradient;
            return this;
        }

        /**
         * Adds listeners to both DJL trainers (energy and generator). This library's listeners tell
         * the two apart by their loss; a stock listener sees both.
         *
         * @param listeners the listeners
         * @return this builder
         */
        public Builder addTrainingListeners(TrainingListener... listeners) {
            Collections.addAll(this.listeners, listeners);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the config
         * @throws IllegalArgumentException naming the first invalid field and its value
         */
        public EnergyGanTrainingConfig build() {
            atLeastOne("iterations", iterations);
            atLeastOne("nCritic", criticSteps);
            atLeastOne("batchSize", batchSize);
            atLeastOne("iterationsPerEpoch", iterationsPerEpoch);
            if (!(penaltyLambda >= 0f) || Float.isInfinite(penaltyLambda)) {
                throw new IllegalArgumentException(
                        "penalty λ must be finite and >= 0, got " + penaltyLambda);
            }
            positive("energyLearningRate", energyLearningRate);
            positive("generatorLearningRate", generatorLearningRate);
            positive("estimatorWeight", estimatorWeight);
            fraction("finalLearningRateFactor", finalLearningRateFactor);
            if (warmUpIterations < 0 || warmUpIterations >= iterations) {
                throw new IllegalArgumentException(
                        "warmUpIterations must be in [0, iterations = "
                                + iterations
                                + "), got "
                                + warmUpIterations);
            }
            fraction("finalEstimatorWeightFactor", finalEstimatorWeightFactor);
            fraction("finalPenaltyFactor", finalPenaltyFactor);
            unitInterval("generatorAveraging", generatorAveraging);
            unitInterval("energyAveraging", energyAveraging);
            unitInterval("beta1", beta1);
            unitInterval("beta2", beta2);
            for (TrainingListener listener : listeners) {
                if (listener == null) {
                    throw new IllegalArgumentException("A training listener is null");
                }
            }
            return new EnergyGanTrainingConfig(this);
        }

        private static void atLeastOne(String field, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(field + " must be >= 1, got " + value);
            }
        }

        private static void positive(String field, float value) {
            if (!(value > 0f) || Float.isInfinite(value)) {
                throw new IllegalArgumentException(
                        field + " must be positive and finite, got " + value);
            }
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
    }
}
