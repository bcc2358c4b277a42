/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.training.tracker.Tracker;

import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * A loss coefficient that may change during training: a DJL {@link Tracker} read at the iteration a
 * clock reports. The loss reads its coefficient itself at each evaluation, as DJL's optimisers read
 * their learning rate, so nothing has to change a loss from outside while it trains.
 *
 * @param tracker the value as a function of the 0-based iteration
 * @param clock the current 0-based iteration, kept by whoever runs the training
 */
public record Schedule(Tracker tracker, IntSupplier clock) {

    /**
     * Creates a schedule.
     *
     * @param tracker the value as a function of the 0-based iteration
     * @param clock the current 0-based iteration
     */
    public Schedule {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns a schedule that is always {@code value}.
     *
     * @param value the value
     * @return the schedule
     */
    public static Schedule constant(float value) {
        return new Schedule(Tracker.fixed(value), () -> 0);
    }

    /**
     * Returns the value at the clock's current iteration.
     *
     * @return the value
     */
    public float current() {
        return tracker.getNewValue(clock.getAsInt());
    }
}
