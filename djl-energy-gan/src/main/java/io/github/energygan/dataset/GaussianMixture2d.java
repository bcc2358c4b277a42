/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

/**
 * A mixture of equally weighted isotropic 2-D Gaussians with a common {@code σ}: what the
 * VEEGAN/PacGAN mode-coverage metrics need to know about a toy dataset.
 */
public interface GaussianMixture2d {

    /**
     * Returns the component means.
     *
     * @return {@code modes[i] = {x, y}}, a copy
     */
    float[][] getModes();

    /**
     * Returns the common standard deviation.
     *
     * @return {@code σ}
     */
    float getSigma();

    /**
     * Returns a short name, e.g. {@code grid-25}.
     *
     * @return the name
     */
    String getName();
}
