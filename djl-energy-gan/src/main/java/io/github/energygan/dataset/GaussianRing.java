/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

import ai.djl.ndarray.NDArray;

/**
 * The 8-Gaussian ring: equal components on the unit circle at angles {@code 2πi/8} with {@code σ
 * = 0.01} (Srivastava et al. 2017).
 */
public final class GaussianRing extends ToyDataset2d implements GaussianMixture2d {

    /** The dataset's name. */
    public static final String NAME = "ring-8";

    /** The component standard deviation. */
    public static final float SIGMA = 0.01f;

    /** The ring's radius. */
    public static final float RADIUS = 1f;

    /** The mixture this dataset draws from, for metrics, without generating data. */
    public static final GaussianMixture2d MIXTURE = GaussianMixture2d.of(NAME, modes(), SIGMA);

    private GaussianRing(Builder builder, NDArray[] arrays) {
        super(builder, arrays[0], arrays[1]);
    }

    /**
     * Returns the 8 means, counter-clockwise from {@code (1, 0)}.
     *
     * @return the modes
     */
    public static float[][] modes() {
        float[][] modes = new float[8][];
        for (int i = 0; i < 8; i++) {
            double angle = 2 * Math.PI * i / 8;
            modes[i] = new float[] {(float) (RADIUS * Math.cos(angle)), (float) (RADIUS * Math.sin(angle))};
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

    /** The builder for {@link GaussianRing}. */
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
        public GaussianRing build() {
            validate();
            return new GaussianRing(this, sampleMixture(manager, modes(), SIGMA, size, seed));
        }
    }
}
