/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import io.github.energygan.loss.JsdMutualInformation;
import io.github.energygan.loss.MutualInformationLoss;
import io.github.energygan.loss.Schedule;

/**
 * The statistics network {@code T_ψ(x, z)} of the Jensen–Shannon (Deep InfoMax) mutual
 * information estimator: inputs {@code [x (batch, ...dataShape), z (batch, latentFeatures)]},
 * output a logit {@code (batch)}, high for joint pairs {@code (G(z), z)}. As an estimator it scores
 * the joint pairs and the marginal ones, {@code [T(x, z), T(x, z_marginal)]}, for {@link
 * JsdMutualInformation}.
 */
public interface StatisticsNetwork extends EntropyEstimator {

    /** {@inheritDoc} */
    @Override
    default boolean needsMarginalCodes() {
        return true;
    }

    /** {@inheritDoc} */
    @Override
    default void initializeEstimator(
            NDManager manager, DataType dataType, Shape data, Shape latent) {
        initialize(manager, dataType, data, latent);
    }

    /** {@inheritDoc} */
    @Override
    default NDList estimate(
            ParameterStore parameterStore,
            NDArray x,
            NDArray z,
            NDArray marginal,
            boolean training) {
        if (!marginal.getShape().equals(z.getShape())) {
            throw new IllegalArgumentException(
                    "z_marginal must have the shape of z "
                            + z.getShape()
                            + ", got "
                            + marginal.getShape());
        }
        return new NDList(
                forward(parameterStore, new NDList(x, z), training).singletonOrThrow(),
                forward(parameterStore, new NDList(x, marginal), training).singletonOrThrow());
    }

    /** {@inheritDoc} */
    @Override
    default int outputCount() {
        return 2;
    }

    /** {@inheritDoc} */
    @Override
    default MutualInformationLoss newLoss(Schedule weight) {
        return new JsdMutualInformation(weight);
    }
}
