/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.util.Checks;

/**
 * An energy {@code E} over points of a fixed shape, evaluated on a batch of points, each row
 * independently; the density sampled is {@code p(x) ∝ exp(-E(x))}.
 *
 * <p>Implementations must not mix rows (row {@code i} of the gradient depends on row {@code i} of
 * the input only), since the samplers run one independent chain per row.
 */
public interface EnergyFunction {

    /**
     * Returns the shape of one point, without the batch axis: {@code (2)} for a 2-D model's data or
     * latent space, {@code (1, 28, 28)} for a grey image.
     *
     * @return the point shape
     */
    Shape getPointShape();

    /**
     * Evaluates the energy and its gradient with respect to the input.
     *
     * @param x {@code (batch, ...pointShape)}; the results join its manager
     * @return {@code [E(x) (batch), ∇_x E(x) (batch, ...pointShape)]}
     * @throws IllegalArgumentException if {@code x} does not have the point shape
     */
    NDList energyAndGradient(NDArray x);

    /**
     * Evaluates the energy alone.
     *
     * @param x {@code (batch, ...pointShape)}; the result joins its manager
     * @return {@code E(x)}, {@code (batch)}
     * @throws IllegalArgumentException if {@code x} does not have the point shape
     */
    default NDArray energy(NDArray x) {
        NDList both = energyAndGradient(x);
        both.get(1).close();
        return both.get(0);
    }

    /**
     * Checks that a batch has this energy's point shape.
     *
     * @param x the batch
     * @throws IllegalArgumentException naming both shapes when it does not
     */
    default void checkBatch(NDArray x) {
        Checks.batchOf(getPointShape(), x, this);
    }
}
