/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The argument checks every setting of this library goes through, so that each kind of bad value
 * gets one message, naming the setting, whatever class holds it.
 */
public final class Checks {

    private Checks() {}

    /**
     * Checks {@code value > 0}.
     *
     * @param name the setting's name
     * @param value its value
     * @return the value
     * @throws IllegalArgumentException otherwise
     */
    public static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} is finite and {@code > 0}.
     *
     * @param name the setting's name
     * @param value its value
     * @return the value
     * @throws IllegalArgumentException otherwise
     */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} is finite and {@code ≥ 0}.
     *
     * @param name the setting's name
     * @param value its value
     * @return the value
     * @throws IllegalArgumentException otherwise
     */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} lies in {@code [low, high]}.
     *
     * @param name the setting's name
     * @param value its value
     * @param low the least allowed value
     * @param high the greatest allowed value
     * @return the value
     * @throws IllegalArgumentException otherwise
     */
    public static double inRange(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(
                    name + " must be in [" + low + ", " + high + "], got " + value);
        }
        return value;
    }

    /**
     * Checks that {@code x} is a non-empty batch of points of the given shape.
     *
     * @param point the shape of one point, without the batch axis
     * @param x the batch
     * @param what what takes the batch, for the message
     * @throws IllegalArgumentException naming both shapes when it is not
     */
    public static void batchOf(Shape point, NDArray x, Object what) {
        Shape shape = x.getShape();
        if (shape.dimension() != point.dimension() + 1
                || !shape.slice(1).equals(point)
                || shape.get(0) < 1) {
            throw new IllegalArgumentException(
                    "Expected a batch of points of shape (batch >= 1, "
                            + point.toString().replaceAll("[()]", "")
                            + ") for "
                            + what
                            + ", got "
                            + shape);
        }
    }

    /**
     * Checks that work needing {@code bytes} of memory at once fits the machine: at most half its
     * physical memory, so that it fails here, with advice, rather than in the engine's allocator
     * or the Java heap after other work was done.
     *
     * @param what what needs the memory, for the message
     * @param bytes the bytes it needs
     * @param advice what to do instead
     * @throws IllegalArgumentException if it does not fit
     */
    public static void fitsInMemory(String what, double bytes, String advice) {
        long physical = physicalMemory();
        if (bytes > physical / 2.0) {
            throw new IllegalArgumentException(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s needs about %.1f GiB at once, more than half of this machine's"
                                    + " %.1f GiB; %s",
                            what,
                            bytes / (1L << 30),
                            physical / (double) (1L << 30),
                            advice));
        }
    }

    private static long physicalMemory() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
