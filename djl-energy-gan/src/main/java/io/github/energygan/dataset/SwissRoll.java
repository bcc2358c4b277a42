/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Random;

/**
 * The 2-D swiss roll: {@code t ~ U(1.5π, 4.5π)}, {@code x = (t cos t, t sin t) / 5 + N(0,
 * σ²I)} with {@code σ = 0.05}, as scikit-learn's {@code make_swiss_roll} projected to the plane
 * and scaled to about {@code [-2.8, 2.8]²}. The label of a point is {@code ⌊10 (t - 1.5π) / 3π⌋},
 * its position along the roll in tenths.
 */
public final class SwissRoll extends ToyDataset2d {

    /** The dataset's name. */
    public static final String NAME = "swiss-roll";

    /** The noise standard deviation, after scaling. */
    public static final float SIGMA = 0.05f;

    private static final float SCALE = 0.2f;

    private SwissRoll(Builder builder, NDArray[] arrays) {
        super(builder, arrays[0], arrays[1]);
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
    public String getName() {
        return NAME;
    }

    private static NDArray[] generate(NDManager manager, int size, long seed) {
        Random random = new Random(seed);
        float[] uniforms = new float[size];
        for (int i = 0; i < size; i++) {
            uniforms[i] = random.nextFloat();
        }
        float start = (float) (1.5 * Math.PI);
        float span = (float) (3 * Math.PI);
        try (NDManager scope = manager.newSubManager()) {
            NDArray u = scope.create(uniforms);
            NDArray t = u.mul(span).add(start);
            NDArray curve = t.mul(t.cos()).stack(t.mul(t.sin()), 1).mul(SCALE);
            NDArray noise =
                    scope.create(standardNormals(random, 2 * size), new Shape(size, 2)).mul(SIGMA);
            NDArray points = curve.add(noise);
            NDArray labels = u.mul(10f).floor().minimum(9f).toType(ai.djl.ndarray.types.DataType.INT64, false);
            points.attach(manager);
            labels.attach(manager);
            return new NDArray[] {points, labels};
        }
    }

    /** The builder for {@link SwissRoll}. */
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
        public SwissRoll build() {
            validate();
            return new SwissRoll(this, generate(manager, size, seed));
        }
    }
}
