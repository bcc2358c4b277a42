/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.ndarray.NDArray;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The output of a forward pass together with its pullback: the vector-Jacobian product {@code g ↦
 * gᵀ ∂y/∂x} with respect to the pass's input.
 *
 * <p>Pullbacks are written with ordinary differentiable NDArray operations, so anything computed
 * from their result (such as {@code ||∇_x U||²}) can itself be differentiated with respect to the
 * block's parameters by one first-order backward. Rows of a batch are independent: the pullback of
 * a {@code (batch, ...)} cotangent gives each row's own input gradient.
 */
public final class TracedForward {

    private final NDArray output;
    private final UnaryOperator<NDArray> pullback;

    /**
     * Creates a traced forward pass.
     *
     * @param output the block's output
     * @param pullback maps a cotangent of the output's shape to a cotangent of the input's shape
     */
    public TracedForward(NDArray output, UnaryOperator<NDArray> pullback) {
        this.output = Objects.requireNonNull(output, "output");
        this.pullback = Objects.requireNonNull(pullback, "pullback");
    }

    /**
     * Returns the block's output.
     *
     * @return the output
     */
    public NDArray getOutput() {
        return output;
    }

    /**
     * Returns the vector-Jacobian product {@code gᵀ ∂y/∂x}.
     *
     * @param cotangent {@code g}, with the output's shape
     * @return a cotangent with the input's shape
     */
    public NDArray pullback(NDArray cotangent) {
        return pullback.apply(cotangent);
    }

    /**
     * Composes this pass with one that consumed its output: the result maps the first input to
     * {@code next}'s output, and its pullback runs {@code next}'s pullback, then this one's.
     *
     * @param next the pass applied to {@link #getOutput()}
     * @return the composed pass
     */
    public TracedForward andThen(TracedForward next) {
        return new TracedForward(next.output, g -> pullback.apply(next.pullback.apply(g)));
    }
}
