/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A block that can give its own {@link TracedForward}: its output plus an exact, differentiable
 * vector-Jacobian product with respect to its (single) input.
 *
 * <p>Implement this on a custom block to let {@link ExactInputGradient} handle it; this library's
 * blocks and the DJL blocks listed there are handled already.
 */
public interface TraceableBlock extends Block {

    /**
     * Runs the forward pass and returns it with its pullback.
     *
     * @param parameterStore the parameter store, as for {@link Block#forward}
     * @param input the single input, {@code (batch, ...)}
     * @param training whether this is a training pass
     * @return the traced pass
     */
    TracedForward trace(ParameterStore parameterStore, NDArray input, boolean training);

    /**
     * Whether {@link #trace} is exact for this block as configured (a composite answers for its
     * children).
     *
     * @return true if the trace is supported
     */
    default boolean isTraceable() {
        return true;
    }
}
