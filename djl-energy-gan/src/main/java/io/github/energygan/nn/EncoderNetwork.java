/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * The InfoGAN encoder {@code Enc(x)}: input {@code (batch, ...dataShape)}, output the mean of
 * {@code p(z | x) = N(Enc(x), σ²I)}, {@code (batch, latentFeatures)}.
 */
public interface EncoderNetwork extends Block {

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
