/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import java.io.Serializable;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What to draw from a trained pair: how many samples, how many MCMC steps in latent space, the step
 * size (fixed or adapted), the inverse temperature, the prior term and the seed. Immutable; {@link
 * #builder()} starts from the defaults: 64 samples, MALA, 100 warm-up steps adapting the step size
 * towards acceptance 0.574, then 100 steps, {@code β = 1}, prior on, seed 0.
 *
 * <p>With zero steps (and zero warm-up) the result is the raw generator, {@code G(z)}, {@code z ~
 * N(0, I)}.
 */
public final class SampleRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The MCMC method. */
    public enum Method {
        /** Exact Metropolis-adjusted Langevin ({@link MalaSampler}). */
        MALA,
        /** Unadjusted Langevin ({@link LangevinSampler}), as the article's reference code. */
        LANGEVIN;

        /**
         * Parses a name, case-insensitive.
         *
         * @param name {@code mala} or {@code langevin}
         * @return the method
         * @throws IllegalArgumentException for any other name
         */
        public static Method parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(
                        "Unknown MCMC method '" + name + "'; expected mala or langevin", e);
            }
        }
    }

    /** How many samples are drawn at a time by default. */
    public static final int DEFAULT_BATCH_SIZE = 4096;

    /** The step size adaptation starts from this when the step size is automatic. */
    public static final double AUTO_INITIAL_STEP = 0.01;

    private final int count;
    private final int steps;
    private final int warmUpSteps;
    private final double stepSize;
    private final float beta;
    private final boolean prior;
    private final int seed;
    private final Method method;
    private final int batchSize;

    private SampleRequest(Builder b) {
        count = b.count;
        steps = b.steps;
        warmUpSteps = b.warmUpSteps;
        stepSize = b.stepSize;
        beta = b.beta;
        prior = b.prior;
        seed = b.seed;
        method = b.method;
        batchSize = b.batchSize;
    }

    /**
     * Creates a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a builder holding this request's settings, to derive a request that differs in a few
     * (say, the count and seed of one share of a large request).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.count = count;
        b.steps = steps;
        b.warmUpSteps = warmUpSteps;
        b.stepSize = stepSize;
        b.beta = beta;
        b.prior = prior;
        b.seed = seed;
        b.method = method;
        b.batchSize = batchSize;
        return b;
    }

    /**
     * Returns a request for {@code count} samples with every other setting at its default.
     *
     * @param count how many samples, {@code > 0}
     * @return the request
     * @throws IllegalArgumentException if {@code count <= 0}
     */
    public static SampleRequest of(int count) {
        return builder().setCount(count).build();
    }

    /**
     * Returns how many samples (= chains).
     *
     * @return the count
     */
    public int getCount() {
        return count;
    }

    /**
     * Returns the counted MCMC steps, after warm-up.
     *
     * @return the steps
     */
    public int getSteps() {
        return steps;
    }

    /**
     * Returns the warm-up steps (the adaptation, with an automatic step size).
     *
     * @return the warm-up steps
     */
    public int getWarmUpSteps() {
        return warmUpSteps;
    }

    /**
     * Whether the step size is adapted during warm-up (MALA only).
     *
     * @return true when automatic
     */
    public boolean isAutoStepSize() {
        return Double.isNaN(stepSize);
    }

    /**
     * Returns the fixed step size, or NaN when automatic.
     *
     * @return the step size
     */
    public double getStepSize() {
        return stepSize;
    }

    /**
     * Returns the inverse temperature {@code β}.
     *
     * @return {@code β}
     */
    public float getBeta() {
        return beta;
    }

    /**
     * Whether the latent energy includes the prior term {@code ||z||²/2}.
     *
     * @return true with the prior
     */
    public boolean hasPrior() {
        return prior;
    }

    /**
     * Returns the seed of the latent draws and of the chains' noise.
     *
     * @return the seed
     */
    public int getSeed() {
        return seed;
    }

    /**
     * Returns the MCMC method.
     *
     * @return the method
     */
    public Method getMethod() {
        return method;
    }

    /**
     * Returns how many samples are drawn at a time: the chains of one batch, with all their
     * intermediate arrays, are what must fit in memory, however many samples are asked for.
     *
     * @return the batch size, {@code > 0}
     */
    public int getBatchSize() {
        return batchSize;
    }

    /**
     * Returns the seed of a batch's initial codes: the request's seed for the first batch, so that
     * a request of at most one batch draws what it always did, and a seed mixed from it and the
     * batch's index for the others.
     *
     * @param batch the batch index, {@code ≥ 0}
     * @return the seed
     */
    int batchSeed(int batch) {
        return batch == 0 ? seed : new SplittableRandom(((long) seed << 32) ^ batch).nextInt();
    }

    /**
     * Whether any MCMC step is run.
     *
     * @return false for raw generator samples
     */
    public boolean runsChains() {
        return steps + warmUpSteps > 0;
    }

    /**
     * The seed of the chains' noise: {@code seed + 1}, so that it is not the stream the initial
     * codes were drawn from (with the same seed the first noise draw would equal the initial codes,
     * and the first step's noise would not be independent of the state).
     *
     * @return the noise seed
     */
    int chainSeed() {
        return seed + 1;
    }

    /**
     * Builds the sampler of one batch after the first: seeded from {@link #batchSeed} plus one,
     * and, where the first batch adapted the step size, with that adapted step fixed (the warm-up
     * steps still run, as burn-in), so that every chain of the request moves with one step size.
     *
     * @param batch the batch index, {@code ≥ 1}
     * @param adaptedStep the step size the first batch ended with
     * @return the sampler
     */
    McmcSampler sampler(int batch, double adaptedStep) {
        return newSampler(batchSeed(batch) + 1, isAutoStepSize() ? adaptedStep : stepSize);
    }

    /**
     * Builds the sampler this request describes; its noise is seeded with {@code seed + 1}.
     *
     * @return the sampler
     */
    public McmcSampler sampler() {
        return newSampler(chainSeed(), stepSize);
    }

    /** The sampler with this noise seed; MALA adapts its step during warm-up when it is NaN. */
    private McmcSampler newSampler(int noiseSeed, double step) {
        if (method == Method.LANGEVIN) {
            return LangevinSampler.builder()
                    .setStepSize(step)
                    .setSteps(steps)
                    .optWarmUpSteps(warmUpSteps)
                    .optSeed(noiseSeed)
                    .build();
        }
        MalaSampler.Builder builder = MalaSampler.builder().setSteps(steps).optSeed(noiseSeed);
        if (Double.isNaN(step)) {
            builder.optAdaptiveStepSize(AUTO_INITIAL_STEP, warmUpSteps);
        } else {
            builder.setStepSize(step).optWarmUpSteps(warmUpSteps);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d samples, %s, %d warm-up + %d steps, step size %s, β=%s, prior %s, seed %d",
                count,
                method,
                warmUpSteps,
                steps,
                isAutoStepSize() ? "auto" : Double.toString(stepSize),
                beta,
                prior ? "on" : "off",
                seed)
                + (count > batchSize ? ", in batches of " + batchSize : "");
    }

    /** The builder for {@link SampleRequest}. */
    public static final class Builder {

        private int count = 64;
        private int steps = 100;
        private int warmUpSteps = 100;
        private double stepSize = Double.NaN;
        private float beta = 1f;
        private boolean prior = true;
        private int seed;
        private Method method = Method.MALA;
        private int batchSize = DEFAULT_BATCH_SIZE;

        Builder() {}

        /**
         * Sets how many samples to draw; 64 by default.
         *
         * @param count {@code > 0}
         * @return this builder
         */
        public Builder setCount(int count) {
            this.count = count;
            return this;
        }

        /**
         * Sets the counted MCMC steps; 100 by default, 0 for raw generator samples.
         *
         * @param steps {@code >= 0}
         * @return this builder
         */
        public Builder optSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /**
         * Sets the warm-up steps; 100 by default.
         *
         * @param warmUpSteps {@code >= 0}; {@code >= 1} with an automatic step size and steps
         * @return this builder
         */
        public Builder optWarmUpSteps(int warmUpSteps) {
            this.warmUpSteps = warmUpSteps;
            return this;
        }

        /**
         * Fixes the step size; automatic (adapted during warm-up) by default.
         *
         * @param stepSize finite, {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if the step size is NaN (the other out-of-range values
         *     are reported by {@link #build})
         */
        public Builder optStepSize(double stepSize) {
            if (Double.isNaN(stepSize)) {
                // NaN stands for "automatic" inside this builder; a NaN given here is a mistake.
                throw new IllegalArgumentException(
                        "The step size must be finite and > 0, got NaN; for an automatic step"
                                + " size, call optAutoStepSize");
            }
            this.stepSize = stepSize;
            return this;
        }

        /**
         * Adapts the step size during warm-up (the default; MALA only).
         *
         * @return this builder
         */
        public Builder optAutoStepSize() {
            this.stepSize = Double.NaN;
            return this;
        }

        /**
         * Sets the inverse temperature; 1 by default.
         *
         * @param beta finite, {@code > 0}
         * @return this builder
         */
        public Builder optBeta(float beta) {
            this.beta = beta;
            return this;
        }

        /**
         * Includes or drops the prior term {@code ||z||²/2}; included by default.
         *
         * @param prior whether to include it
         * @return this builder
         */
        public Builder optPrior(boolean prior) {
            this.prior = prior;
            return this;
        }

        /**
         * Sets the seed; 0 by default.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(int seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the method; MALA by default.
         *
         * @param method the method
         * @return this builder
         */
        public Builder optMethod(Method method) {
            this.method = java.util.Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * Sets how many samples are drawn at a time; {@value SampleRequest#DEFAULT_BATCH_SIZE} by
         * default. A request of at most one batch draws exactly what an unbatched one would.
         *
         * @param batchSize {@code > 0}
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException naming the field that is out of range
         */
        public SampleRequest build() {
            if (count <= 0) {
                throw new IllegalArgumentException("The sample count must be > 0, got " + count);
            }
            if (steps < 0 || warmUpSteps < 0) {
                throw new IllegalArgumentException(
                        "MCMC steps and warm-up steps must be >= 0, got steps="
                                + steps
                                + ", warm-up="
                                + warmUpSteps);
            }
            LangevinBuilder.checkTotalSteps(steps, warmUpSteps);
            if (batchSize <= 0) {
                throw new IllegalArgumentException("The batch size must be > 0, got " + batchSize);
            }
            DataEnergy.checkBeta(beta);
            if (!Double.isNaN(stepSize) && (!(stepSize > 0) || Double.isInfinite(stepSize))) {
                throw new IllegalArgumentException(
                        "The step size must be finite and > 0 (or automatic), got " + stepSize);
            }
            boolean chains = steps + warmUpSteps > 0;
            if (chains && Double.isNaN(stepSize)) {
                if (method == Method.LANGEVIN) {
                    throw new IllegalArgumentException(
                            "Unadjusted Langevin has no acceptance rate to adapt the step size"
                                    + " to; give a step size, or use MALA");
                }
                if (warmUpSteps < 1) {
                    throw new IllegalArgumentException(
                            "An automatic step size is adapted during warm-up: give warm-up"
                                    + " steps >= 1, or a fixed step size");
                }
            }
            return new SampleRequest(this);
        }
    }
}
