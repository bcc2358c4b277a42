/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.util.Progress;

/**
 * Unadjusted Langevin dynamics, {@code x' = x − α∇E(x) + √(2α)·ε}, {@code ε ~ N(0, I)}, every
 * proposal taken (Kumar et al. 2019).
 *
 * <p>Its stationary law is not {@code exp(-E)} but a perturbation of it whose error grows with
 * {@code α} (for a Gaussian target of precision {@code P} the stationary covariance is {@code (P(I
 * − αP/2))⁻¹} instead of {@code P⁻¹}); use {@link MalaSampler} when exactness matters. It is
 * cheaper per step (no accept test) and is what the article's reference code runs.
 *
 * <pre>{@code
 * McmcSampler sampler = LangevinSampler.builder().setStepSize(0.01).setSteps(100).optSeed(7).build();
 * McmcResult result = sampler.sample(new LatentEnergy(gan, 1f, true), z0);
 * }</pre>
 */
public final class LangevinSampler implements McmcSampler {

    private final LangevinChains chains;
    private final double stepSize;
    private final int steps;

    private LangevinSampler(Builder builder) {
        this.stepSize = builder.stepSize;
        this.steps = builder.steps;
        this.chains =
                new LangevinChains(
                        false,
                        builder.stepSize,
                        false,
                        Double.NaN,
                        builder.warmUpSteps,
                        builder.steps,
                        builder.seed);
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
        return "Langevin (unadjusted), step size " + stepSize + ", " + steps + " steps";
    }

    /** The builder for {@link LangevinSampler}. */
    public static final class Builder extends LangevinBuilder<Builder> {

        Builder() {}

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Builds the sampler.
         *
         * @return the sampler
         * @throws IllegalArgumentException if the step size is not finite and positive, or a step
         *     count is negative
         */
        public LangevinSampler build() {
            validate();
            return new LangevinSampler(this);
        }
    }
}
