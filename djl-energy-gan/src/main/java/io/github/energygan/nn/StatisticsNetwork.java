/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * The statistics network {@code T_ψ(x, z)} of the Jensen–Shannon (Deep InfoMax) mutual
 * information estimator: inputs {@code [x (batch, ...dataShape), z (batch, latentFeatures)]},
 * output a logit {@code (batch)}, high for joint pairs {@code (G(z), z)}.
 */
public interface StatisticsNetwork extends Block {

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
}
