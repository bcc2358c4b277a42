/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import io.github.energygan.nn.ActivationFunction;

import java.util.List;
import java.util.Objects;

/**
 * The hidden layers of one network: their widths (channels, for convolutions) and activation.
 *
 * @param widths each {@code > 0}
 * @param activation the activation after each hidden layer
 */
public record Layers(List<Long> widths, ActivationFunction activation) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a width is not positive, or anything is missing
     */
    public Layers {
        if (widths == null || widths.stream().anyMatch(w -> w == null || w <= 0)) {
            throw new IllegalArgumentException("widths must all be > 0, got " + widths);
        }
        widths = List.copyOf(widths);
        Objects.requireNonNull(activation, "activation");
    }

    /**
     * Layers of the given widths.
     *
     * @param activation the activation
     * @param widths each {@code > 0}
     * @return the layers
     * @throws IllegalArgumentException if a width is not positive
     */
    public static Layers of(ActivationFunction activation, long... widths) {
        return new Layers(java.util.Arrays.stream(widths).boxed().toList(), activation);
    }

    /**
     * Returns the widths as an array, as the network builders take them.
     *
     * @return a new array
     */
    public long[] widthArray() {
        return widths.stream().mapToLong(Long::longValue).toArray();
    }
}
