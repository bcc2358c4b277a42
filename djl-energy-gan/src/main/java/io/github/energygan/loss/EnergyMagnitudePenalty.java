/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

import io.github.energygan.util.Checks;
import io.github.energygan.util.Scalars;

/**
 * The energy-magnitude regulariser of Du &amp; Mordatch 2019 (IGEBM), {@code α · (mean U(x_data)² +
 * mean U(x_model)²)}: it keeps the energies near zero on both phases, so that the contrastive loss
 * cannot lower one phase and raise the other without bound, and the energy's scale stays fixed.
 * Reads the predictions {@code [U(x_data), U(x_model), …]}.
 */
public class EnergyMagnitudePenalty extends Loss {

    private final float weight;

    /**
     * Creates the regulariser.
     *
     * @param weight {@code α}, finite and {@code ≥ 0}
     * @throws IllegalArgumentException if it is not
     */
    public EnergyMagnitudePenalty(float weight) {
        super("EnergyMagnitude");
        this.weight = (float) Checks.nonNegative("energy magnitude weight", weight);
    }

    /**
     * Returns the weight.
     *
     * @return {@code α}
     */
    public float getWeight() {
        return weight;
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray positive = Predictions.vector(getName(), predictions, 0, "U(x_data)");
        NDArray negative = Predictions.vector(getName(), predictions, 1, "U(x_model)");
        return Scalars.mul(positive.square().mean().add(negative.square().mean()), weight);
    }
}
