/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Checks on the {@code predictions} lists that this package's losses read. */
final class Predictions {

    private Predictions() {}

    /**
     * Returns {@code predictions[index]}, checked to be a non-empty {@code (batch)} vector.
     *
     * @param loss the loss asking, for the message
     * @param predictions the list
     * @param index the position
     * @param what what the entry should hold, for the message
     * @return the entry
     * @throws IllegalArgumentException if the entry is missing, not 1-D, or empty
     */
    static NDArray vector(String loss, NDList predictions, int index, String what) {
        if (predictions == null || predictions.size() <= index) {
            throw new IllegalArgumentException(
                    loss
                            + " expects predictions["
                            + index
                            + "] = "
                            + what
                            + ", but got "
                            + (predictions == null ? "null" : predictions.size() + " predictions"));
        }
        NDArray array = predictions.get(index);
        if (array.getShape().dimension() != 1 || array.getShape().get(0) == 0) {
            throw new IllegalArgumentException(
                    loss
                            + " expects predictions["
                            + index
                            + "] = "
                            + what
                            + " of shape (batch) with batch > 0, got "
                            + array.getShape());
        }
        return array;
    }
}
