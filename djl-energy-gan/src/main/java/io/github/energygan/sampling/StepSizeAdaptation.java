/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

/**
 * Robbins–Monro adaptation of a step size towards a target acceptance rate: {@code log α ← log α +
 * γ₀ · t^(-κ) · (ā_t − a*)} after the {@code t}-th warm-up step, where {@code ā_t} is that step's
 * acceptance probability averaged over chains (Andrieu &amp; Thoms 2008, "A tutorial on adaptive
 * MCMC", §4–5). The gains {@code t^(-κ)}, {@code κ ∈ (0.5, 1]}, sum to infinity (the step can reach
 * any value) while their squares sum to a finite value (the noise of {@code ā_t} averages out). The
 * samplers adapt during warm-up only and then freeze the step, since a chain whose kernel keeps
 * changing need not leave its target invariant.
 *
 * <p>The default target, 0.574, is the acceptance rate that maximises MALA's efficiency in high
 * dimensions (Roberts &amp; Rosenthal 1998).
 */
public final class StepSizeAdaptation {

    /** Optimal asymptotic MALA acceptance rate (Roberts &amp; Rosenthal 1998). */
    public static final double MALA_OPTIMAL_ACCEPTANCE = 0.574;

    private static final double INITIAL_GAIN = 1.0;
    private static final double GAIN_DECAY = 0.6;

    private static final double LOG_TWO = Math.log(2);

    private final double target;
    private double logStep;
    private int updates;
    private boolean bracketing = true;
    private int direction;

    /**
     * Starts an adaptation.
     *
     * @param initialStep the first step size, finite and {@code > 0}
     * @param target the acceptance rate to reach, in {@code (0, 1)}
     * @throws IllegalArgumentException if either is out of range
     */
    public StepSizeAdaptation(double initialStep, double target) {
        if (!(initialStep > 0) || Double.isInfinite(initialStep)) {
            throw new IllegalArgumentException(
                    "The initial step size must be finite and > 0, got " + initialStep);
        }
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException(
                    "The target acceptance rate must be in (0, 1), got " + target);
        }
        this.target = target;
        this.logStep = Math.log(initialStep);
    }

    /**
     * Returns the current step size.
     *
     * @return {@code α > 0}
     */
    public double getStep() {
        return Math.exp(logStep);
    }

    /**
     * Returns the target acceptance rate.
     *
     * @return the target
     */
    public double getTarget() {
        return target;
    }

    /**
     * Moves the step size after one step.
     *
     * @param meanAcceptance that step's acceptance probability averaged over chains, in {@code [0,
     *     1]}
     * @return the new step size
     */
    public double update(double meanAcceptance) {
        if (bracketing) {
            int towards = meanAcceptance > target ? 1 : -1;
            if (direction == 0 || towards == direction) {
                direction = towards;
                logStep += towards * LOG_TWO;
                return getStep();
            }
            // The acceptance crossed the target: the step is within a factor of two.
            bracketing = false;
        }
        updates++;
        double gain = INITIAL_GAIN * Math.pow(updates, -GAIN_DECAY);
        logStep += gain * (meanAcceptance - target);
        return getStep();
    }
}
