/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

/**
 * What the builders of {@link LangevinSampler} and {@link MalaSampler} share: the step size, the
 * counted steps, the warm-up steps and the seed.
 *
 * @param <T> the concrete builder
 */
public abstract class LangevinBuilder<T extends LangevinBuilder<T>> {

    double stepSize = Double.NaN;
    int steps = -1;
    int warmUpSteps;
    Integer seed;

    LangevinBuilder() {}

    /**
     * Returns this builder as its concrete type.
     *
     * @return this builder
     */
    protected abstract T self();

    /**
     * Sets a fixed step size {@code α} (required, unless a subclass offers another way).
     *
     * @param stepSize finite, {@code > 0}
     * @return this builder
     */
    public T setStepSize(double stepSize) {
        this.stepSize = stepSize;
        return self();
    }

    /**
     * Sets the number of counted steps, after warm-up (required).
     *
     * @param steps {@code >= 0}
     * @return this builder
     */
    public T setSteps(int steps) {
        this.steps = steps;
        return self();
    }

    /**
     * Sets burn-in steps run before the counted steps; 0 by default.
     *
     * @param warmUpSteps {@code >= 0}
     * @return this builder
     */
    public T optWarmUpSteps(int warmUpSteps) {
        this.warmUpSteps = warmUpSteps;
        return self();
    }

    /**
     * Gives every run its own random stream with this seed, so that a run's result depends on the
     * seed alone, whatever else runs concurrently, and the engine's generator is left untouched.
     * Unseeded by default: the run then draws from the engine's generator, as seeded by whoever
     * seeded it.
     *
     * @param seed the seed
     * @return this builder
     */
    public T optSeed(int seed) {
        this.seed = seed;
        return self();
    }

    /**
     * Checks the shared settings.
     *
     * @throws IllegalArgumentException if the step size is not finite and positive, or a step count
     *     is negative
     */
    void validate() {
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException(
                    "The step size must be finite and > 0, got "
                            + stepSize
                            + (Double.isNaN(stepSize) ? " (not set: call setStepSize)" : ""));
        }
        if (steps < 0) {
            throw new IllegalArgumentException(
                    "The number of steps must be >= 0, got "
                            + steps
                            + (steps == -1 ? " (not set: call setSteps)" : ""));
        }
        if (warmUpSteps < 0) {
            throw new IllegalArgumentException(
                    "The number of warm-up steps must be >= 0, got " + warmUpSteps);
        }
        checkTotalSteps(steps, warmUpSteps);
    }

    /**
     * Checks that warm-up and counted steps together fit one chain's step counter.
     *
     * @param steps the counted steps, {@code ≥ 0}
     * @param warmUpSteps the warm-up steps, {@code ≥ 0}
     * @throws IllegalArgumentException if their sum exceeds {@link Integer#MAX_VALUE}
     */
    static void checkTotalSteps(int steps, int warmUpSteps) {
        if ((long) steps + warmUpSteps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "Warm-up and counted steps together must be at most "
                            + Integer.MAX_VALUE
                            + ", got "
                            + warmUpSteps
                            + " + "
                            + steps
                            + " = "
                            + ((long) steps + warmUpSteps));
        }
    }
}
