/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The maximum-likelihood gradient of an energy model as a loss: positive phase minus negative
 * phase, {@code mean_{x~data} U(x) - mean_{x~model} U(x)} (Kumar et al. 2019, eq.
 * 3). Minimising it pushes energy down on data and up on model samples.
 *
 * <p>Convention: {@code labels} are ignored. {@code predictions[0]} = {@code U(x_data)}, shape
 * {@code (batch)}; {@code predictions[1]} = {@code U(x_model)}, shape {@code (batch')}, where the
 * model samples must carry no gradient to the generator (detach them). Output: a scalar.
 */
public class ContrastiveEnergyLoss extends Loss {

    /** Creates the loss, named "ContrastiveEnergy". */
    public ContrastiveEnergyLoss() {
        this("ContrastiveEnergy");
    }

    /**
     * Creates the loss with a display name.
     *
     * @param name the name shown by evaluators and loggers
     */
    public ContrastiveEnergyLoss(String name) {
        super(name);
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray positive = Predictions.vector(getName(), predictions, 0, "U(x_data)");
        NDArray negative = Predictions.vector(getName(), predictions, 1, "U(x_model)");
        return positive.mean().sub(negative.mean());
    }
}
