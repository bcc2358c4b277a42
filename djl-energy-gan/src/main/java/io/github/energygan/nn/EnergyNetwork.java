/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.NDArray;
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

    /**
     * Returns the data scale {@code s}: the network's layers see {@code x / s}. The gradient
     * penalty is taken with respect to that standardised input, so that its coefficient means the
     * same whatever the data's units.
     *
     * @return {@code s}; 1 when the network does no scaling
     */
    default float getDataScale() {
        return 1f;
    }

    /**
     * Returns the part of {@code U(x)} that no parameter shapes: a closed-form base measure such as
     * {@link EnergyMlp}'s Gaussian {@code (ρ/2)·‖x/s‖²}. {@code U} minus this is the learned
     * network's part; comparing the two tells whether training added anything to the base.
     *
     * @param x {@code (batch, ...dataShape)}
     * @return {@code (batch)}, in {@code x}'s manager; zeros when the energy has no base measure
     */
    default NDArray baseEnergies(NDArray x) {
        return x.getManager().zeros(new Shape(x.getShape().get(0)), x.getDataType());
    }
}
