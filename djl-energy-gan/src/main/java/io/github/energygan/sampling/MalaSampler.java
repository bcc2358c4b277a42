/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.util.Progress;

/**
 * The Metropolis-adjusted Langevin algorithm, exact: Langevin proposals {@code y = x − α∇E(x) +
 * √(2α)·ε} accepted per chain with probability {@code min(1, exp(E(x) − E(y) + log q(x|y) − log
 * q(y|x)))}, {@code log q(a|b) = −||a − b + α∇E(b)||²/(4α)} (Kumar et al. 2019). Its chains leave {@code
 * exp(-E)} invariant for any step size; a larger step only lowers the acceptance rate.
 *
 * <p>(The article's reference code forgets the square on the norm in one sampler and the proposal
 * correction in the other; this one is exact.)
 *
 * <p>The step size is fixed, or adapted during warm-up by {@link StepSizeAdaptation} towards an
 * acceptance rate (0.574 by default) and then frozen for the counted steps.
 *
 * <pre>{@code
 * McmcSampler sampler =
 *         MalaSampler.builder().optAdaptiveStepSize(0.01, 200).setSteps(300).optSeed(7).build();
 * McmcResult result = sampler.sample(new LatentEnergy(gan, 1f, true), z0);
 * }</pre>
 */
public final class MalaSampler implements McmcSampler {

    private final LangevinChains chains;
    private final String description;

    private MalaSampler(Builder builder) {
        boolean adapt = builder.adapt;
        this.chains =
                new LangevinChains(
                        true,
                        builder.stepSize,
                        adapt,
                        builder.targetAcceptance,
                        builder.warmUpSteps,
                        builder.steps,
                        builder.seed);
        this.description =
                "MALA, step size "
                        + (adapt
                                ? "adapted from "
                                        + builder.stepSize
                                        + " over "
                                        + builder.warmUpSteps
                                        + " warm-up steps towards acceptance "
                                        + builder.targetAcceptance
                                : builder.stepSize + " (fixed)")
                        + ", "
                        + builder.steps
                        + " steps";
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    public McmcResult sample(EnergyFunction energy, NDArray initial, Progress progress) {
        return chains.run(energy, initial, progress);
    }

    @Override
    public String toString() {
        return description;
    }

    /** The builder for {@link MalaSampler}. */
    public static final class Builder extends LangevinBuilder<Builder> {

        private boolean adapt;
        private double targetAcceptance = StepSizeAdaptation.MALA_OPTIMAL_ACCEPTANCE;

        Builder() {}

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets a fixed step size {@code α}; this or {@link #optAdaptiveStepSize} is required.
         *
         * @param stepSize finite, {@code > 0}
         * @return this builder
         */
        @Override
        public Builder setStepSize(double stepSize) {
            this.adapt = false;
            return super.setStepSize(stepSize);
        }

        /**
         * Adapts the step size during warm-up, starting from {@code initialStepSize}, then freezes
         * it; replaces {@link #setStepSize}.
         *
         * @param initialStepSize finite, {@code > 0}
         * @param warmUpSteps the adaptation steps, {@code >= 1}
         * @return this builder
         */
        public Builder optAdaptiveStepSize(double initialStepSize, int warmUpSteps) {
            this.stepSize = initialStepSize;
            this.warmUpSteps = warmUpSteps;
            this.adapt = true;
            return this;
        }

        /**
         * Sets the acceptance rate the adaptation aims at; 0.574 (Roberts &amp; Rosenthal 1998) by
         * default.
         *
         * @param targetAcceptance in {@code (0, 1)}
         * @return this builder
         */
        public Builder optTargetAcceptance(double targetAcceptance) {
            this.targetAcceptance = targetAcceptance;
            return this;
        }

        /**
         * Builds the sampler.
         *
         * @return the sampler
         * @throws IllegalArgumentException if the step size is not finite and positive, a step
         *     count is negative, an adaptive run has no warm-up, or the target is outside {@code
         *     (0, 1)}
         */
        public MalaSampler build() {
            validate();
            if (adapt && warmUpSteps < 1) {
                throw new IllegalArgumentException(
                        "Step-size adaptation needs >= 1 warm-up step, got " + warmUpSteps);
            }
            if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
                throw new IllegalArgumentException(
                        "The target acceptance rate must be in (0, 1), got " + targetAcceptance);
            }
            return new MalaSampler(this);
        }
    }
}
