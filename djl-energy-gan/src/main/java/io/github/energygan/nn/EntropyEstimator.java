/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import io.github.energygan.loss.MutualInformationLoss;
import io.github.energygan.loss.Schedule;

/**
 * An estimate of the mutual information {@code I(X; Z)} between the generator's samples {@code x
 * = G(z)} and their codes, which keeps the generator's entropy high: the network it trains (a
 * {@link StatisticsNetwork} for the Jensen–Shannon estimator, an {@link EncoderNetwork} for the
 * InfoGAN bound), the inputs that network takes, and the loss that reads its outputs. The
 * generator's training asks it for all three, whatever the estimator.
 */
public interface EntropyEstimator extends Block {

    /**
     * Returns the shape of one data sample, without the batch axis.
     *
     * @return the data shape
     */
    Shape getDataShape();

    /**
     * Returns the latent dimension.
     *
     * @return {@code k}
     */
    long getLatentFeatures();

    /**
     * Whether {@link #estimate} reads codes paired with the wrong samples ({@code z_marginal}).
     *
     * @return true if it does
     */
    boolean needsMarginalCodes();

    /**
     * Initialises the network for one sample and one code.
     *
     * @param manager the manager of the parameters
     * @param dataType the parameters' type
     * @param data {@code (1, ...dataShape)}
     * @param latent {@code (1, k)}
     */
    void initializeEstimator(NDManager manager, DataType dataType, Shape data, Shape latent);

    /**
     * Computes what this estimator's loss reads, each {@code (batch)}.
     *
     * @param parameterStore the parameter store
     * @param x the samples {@code G(z)}, {@code (batch, ...dataShape)}
     * @param z their codes, {@code (batch, k)}
     * @param marginal codes paired with the wrong samples, {@code (batch, k)}; null unless {@link
     *     #needsMarginalCodes()}
     * @param training whether this is a training pass
     * @return the estimator's outputs, {@link #outputCount()} of them
     */
    NDList estimate(
            ParameterStore parameterStore,
            NDArray x,
            NDArray z,
            NDArray marginal,
            boolean training);

    /**
     * Returns how many arrays {@link #estimate} gives.
     *
     * @return the count
     */
    int outputCount();

    /**
     * Returns the loss that reads {@link #estimate}'s outputs.
     *
     * @param weight the weight on the estimate, read each step
     * @return the loss
     */
    MutualInformationLoss newLoss(Schedule weight);
}
