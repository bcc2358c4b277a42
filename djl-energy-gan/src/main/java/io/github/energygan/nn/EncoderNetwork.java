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

import io.github.energygan.gradient.InputGradient;
import io.github.energygan.loss.InfoGanMutualInformation;
import io.github.energygan.loss.MutualInformationLoss;
import io.github.energygan.loss.Schedule;

/**
 * The InfoGAN encoder {@code Enc(x)}: input {@code (batch, ...dataShape)}, output the mean of
 * {@code p(z | x) = N(Enc(x), σ²I)}, {@code (batch, latentFeatures)}. As an estimator it gives the
 * reconstruction error {@code [||z − Enc(x)||²]} for {@link InfoGanMutualInformation}.
 */
public interface EncoderNetwork extends EntropyEstimator {

    /** {@inheritDoc} */
    @Override
    default boolean needsMarginalCodes() {
        return false;
    }

    /** {@inheritDoc} */
    @Override
    default void initializeEstimator(
            NDManager manager, DataType dataType, Shape data, Shape latent) {
        initialize(manager, dataType, data);
    }

    /** {@inheritDoc} */
    @Override
    default NDList estimate(
            ParameterStore parameterStore,
            NDArray x,
            NDArray z,
            NDArray marginal,
            boolean training) {
        NDArray decoded = forward(parameterStore, new NDList(x), training).singletonOrThrow();
        return new NDList(InputGradient.squaredNorm(z.sub(decoded)));
    }

    /** {@inheritDoc} */
    @Override
    default int outputCount() {
        return 1;
    }

    /** {@inheritDoc} */
    @Override
    default MutualInformationLoss newLoss(Schedule weight) {
        return new InfoGanMutualInformation(weight, getLatentFeatures());
    }
}
