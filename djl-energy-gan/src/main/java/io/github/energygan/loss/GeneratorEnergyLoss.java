/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The energy of the generator's samples, {@code mean_z U(G(z))}: the part of {@code KL(q_φ ||
 * p_θ) = E_z[U(G(z))] - H(q_φ) + const} that pulls the generator into the energy's wells
 * (Kumar et al. 2019). The energy network's parameters must be frozen while this is minimised.
 *
 * <p>Convention: {@code labels} are ignored. {@code predictions[0]} = {@code U(G(z))}, shape
 * {@code (batch)}. Output: a scalar.
 */
public class GeneratorEnergyLoss extends Loss {

    /** Creates the loss, named "GeneratorEnergy". */
    public GeneratorEnergyLoss() {
        super("GeneratorEnergy");
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return Predictions.vector(getName(), predictions, 0, "U(G(z))").mean();
    }
}
