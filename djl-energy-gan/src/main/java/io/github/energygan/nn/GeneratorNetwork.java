/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * A generator {@code G_φ(z)}: input {@code (batch, latentFeatures)}, output {@code (batch,
 * ...dataShape)}.
 */
public interface GeneratorNetwork extends Block {

    /**
     * Returns the latent dimension {@code k} of {@code z ~ N(0, I_k)}.
     *
     * @return {@code k}
     */
    long getLatentFeatures();

    /**
     * Returns the shape of one generated sample, without the batch axis.
     *
     * @return the data shape
     */
    Shape getDataShape();
}
