/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

import ai.djl.ndarray.NDArray;

/**
 * The 25-Gaussian grid: equal components at {@code {-4, -2, 0, 2, 4}²} with {@code σ = 0.05}
 * (the VEEGAN/PacGAN benchmark: Srivastava et al. 2017, Lin et al. 2018).
 */
public final class GaussianGrid extends ToyDataset2d implements GaussianMixture2d {

    /** The dataset's name. */
    public static final String NAME = "grid-25";

    /** The component standard deviation. */
    public static final float SIGMA = 0.05f;

    /** The mixture this dataset draws from, for metrics, without generating data. */
    public static final GaussianMixture2d MIXTURE = GaussianMixture2d.of(NAME, modes(), SIGMA);

    private GaussianGrid(Builder builder, NDArray[] arrays) {
        super(builder, arrays[0], arrays[1]);
    }

    /**
     * Returns the 25 means, row by row.
     *
     * @return the modes
     */
    public static float[][] modes() {
        float[][] modes = new float[25][];
        int i = 0;
        for (int a = -2; a <= 2; a++) {
            for (int b = -2; b <= 2; b++) {
                modes[i++] = new float[] {2f * a, 2f * b};
            }
        }
        return modes;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    public float[][] getModes() {
        return modes();
    }

    /** {@inheritDoc} */
    @Override
    public float getSigma() {
        return SIGMA;
    }

    /** {@inheritDoc} */
    @Override
    public String getName() {
        return NAME;
    }

    /** The builder for {@link GaussianGrid}. */
    public static final class Builder extends BaseBuilder<Builder> {

        Builder() {}

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Generates the points.
         *
         * @return the dataset
         * @throws IllegalArgumentException if the manager is missing or the size below 1
         */
        public GaussianGrid build() {
            validate();
            return new GaussianGrid(this, sampleMixture(manager, modes(), SIGMA, size, seed));
        }
    }
}
