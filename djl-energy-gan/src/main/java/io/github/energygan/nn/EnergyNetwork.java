/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * An energy function {@code U_θ(x)}: input {@code (batch, ...dataShape)}, output {@code (batch)},
 * lower energy meaning more probable data ({@code p_θ(x) ∝ exp(-U_θ(x))}).
 */
public interface EnergyNetwork extends Block {

    /**
     * Returns the shape of one sample, without the batch axis, e.g. {@code (2)} or {@code (1, 28,
     * 28)}.
     *
     * @return the data shape
     */
    Shape getDataShape();
}
