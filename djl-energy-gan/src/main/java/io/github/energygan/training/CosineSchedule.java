/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import ai.djl.training.tracker.Tracker;

/**
 * A value decayed along a half cosine from {@code start} at iteration 0 to {@code start ·
 * finalFactor} at the last iteration of a run, then held: the schedule of the gradient penalty's λ
 * and of the entropy estimator's weight. Unlike DJL's {@code CosineTracker}, which the learning
 * rates use and which counts optimiser updates, it counts iterations, reaches its final value at
 * the run's last iteration rather than one past it, and computes in double precision.
 */
public final class CosineSchedule implements Tracker {

    private final float start;
    private final float finalFactor;
    private final int iterations;

    /**
     * Creates the schedule.
     *
     * @param start the value at iteration 0
     * @param finalFactor the final value over the start value; 1 keeps the value constant
     * @param iterations the iterations of the run, {@code >= 1}
     */
    public CosineSchedule(float start, float finalFactor, int iterations) {
        this.start = start;
        this.finalFactor = finalFactor;
        this.iterations = iterations;
    }

    /** {@inheritDoc} */
    @Override
    public float getNewValue(int iteration) {
        if (finalFactor == 1f || iterations <= 1) {
            return start;
        }
        double progress = Math.min(1.0, (double) iteration / (iterations - 1));
        double end = start * (double) finalFactor;
        return (float) (end + (start - end) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
