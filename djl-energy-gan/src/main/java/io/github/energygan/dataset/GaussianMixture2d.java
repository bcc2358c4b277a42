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

    /**
     * Describes a mixture without generating any data.
     *
     * @param name a short name
     * @param modes the component means, each {@code {x, y}}
     * @param sigma the common standard deviation, {@code > 0}
     * @return the description
     * @throws IllegalArgumentException if there is no mode, a mode is not 2-D, or {@code σ <= 0}
     */
    static GaussianMixture2d of(String name, float[][] modes, float sigma) {
        if (modes == null || modes.length == 0) {
            throw new IllegalArgumentException("A mixture needs at least one mode");
        }
        for (float[] mode : modes) {
            if (mode.length != 2) {
                throw new IllegalArgumentException("Mixture modes must be 2-D points");
            }
        }
        if (!(sigma > 0f)) {
            throw new IllegalArgumentException("Mixture σ must be > 0, got " + sigma);
        }
        float[][] copy = new float[modes.length][];
        for (int i = 0; i < modes.length; i++) {
            copy[i] = modes[i].clone();
        }
        return new GaussianMixture2d() {
            @Override
            public float[][] getModes() {
                float[][] out = new float[copy.length][];
                for (int i = 0; i < copy.length; i++) {
                    out[i] = copy[i].clone();
                }
                return out;
            }

            @Override
            public float getSigma() {
                return sigma;
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }
}
