/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;

import java.util.Objects;
import java.util.Random;

/**
 * The base of the embedded 2-D datasets: points generated in memory from a seed, no download.
 * Each record is {@code data = [x (2)]}, {@code labels = [component index (int64)]}.
 *
 * <p>The random draws (component choices, standard normals) come from a {@link Random} seeded by
 * the builder, independent of the engine's generator, so the data do not depend on when they are
 * made; the arithmetic on them is NDArray operations.
 */
public abstract class ToyDataset2d extends ArrayDataset {

    private final long seed;

    /**
     * Creates the dataset from its generated arrays.
     *
     * @param builder the builder
     * @param points the points, {@code (size, 2)}
     * @param components the component of each point, {@code (size)}
     */
    protected ToyDataset2d(BaseBuilder<?> builder, NDArray points, NDArray components) {
        super(builder);
        this.seed = builder.seed;
        this.data = new NDArray[] {points};
        this.labels = new NDArray[] {components};
    }

    /**
     * Returns the seed the points were drawn from.
     *
     * @return the seed
     */
    public long getSeed() {
        return seed;
    }

    /**
     * Returns a short name, e.g. {@code grid-25}.
     *
     * @return the name
     */
    public abstract String getName();

    /**
     * Returns all points.
     *
     * @return {@code (size, 2)}, owned by the dataset
     */
    public NDArray getPoints() {
        return data[0];
    }

    /**
     * Returns the standard deviation of the points, pooled over both coordinates: {@code
     * sqrt(mean ||x - mean(x)||² / 2)}. The usual data scale for a model of these data.
     *
     * @return the pooled standard deviation
     */
    public float getStandardDeviation() {
        try (NDManager scope = data[0].getManager().newSubManager()) {
            NDArray points = data[0].duplicate();
            points.attach(scope);
            NDArray variance = points.sub(points.mean(new int[] {0})).square().mean();
            return (float) Math.sqrt(variance.getFloat());
        }
    }

    /**
     * Returns every point's label: its mixture component, or for the swiss roll its tenth of the
     * roll.
     *
     * @return {@code (size)}, int64, owned by the dataset
     */
    public NDArray getComponents() {
        return labels[0];
    }

    /** The names of the embedded datasets. */
    public static final java.util.List<String> NAMES =
            java.util.List.of(GaussianGrid.NAME, GaussianRing.NAME, SwissRoll.NAME);

    /** The names of the embedded datasets that are Gaussian mixtures, with modes to score. */
    public static final java.util.List<String> MIXTURES =
            java.util.List.of(GaussianGrid.NAME, GaussianRing.NAME);

    /**
     * Checks that a name is one of {@link #MIXTURES}, before any work that scores against it.
     *
     * @param name the name
     * @param option the option that gave it, for the message
     * @throws IllegalArgumentException naming the mixtures otherwise
     */
    public static void checkMixture(String name, String option) {
        checkName(name);
        if (!MIXTURES.contains(name)) {
            throw new IllegalArgumentException(
                    option
                            + " must be a Gaussian mixture ("
                            + String.join(" or ", MIXTURES)
                            + ") to be scored, got "
                            + name);
        }
    }

    /**
     * Checks that a name is one of {@link #NAMES}.
     *
     * @param name the name
     * @throws IllegalArgumentException naming the known datasets otherwise
     */
    public static void checkName(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(
                    "Unknown dataset '" + name + "'; the embedded 2-D datasets are " + String.join(", ", NAMES));
        }
    }

    /**
     * Looks up an embedded dataset by name.
     *
     * @param name {@code grid-25}, {@code ring-8} or {@code swiss-roll}
     * @param manager the manager for the points
     * @param size how many points
     * @param seed the seed
     * @param batchSize the batch size of the default sampler
     * @return the dataset
     * @throws IllegalArgumentException for an unknown name or a bad size
     */
    public static ToyDataset2d byName(
            String name, NDManager manager, int size, long seed, int batchSize) {
        switch (Objects.requireNonNull(name, "name")) {
            case GaussianGrid.NAME:
                return GaussianGrid.builder()
                        .setManager(manager)
                        .optSize(size)
                        .optSeed(seed)
                        .setSampling(batchSize, true)
                        .build();
            case GaussianRing.NAME:
                return GaussianRing.builder()
                        .setManager(manager)
                        .optSize(size)
                        .optSeed(seed)
                        .setSampling(batchSize, true)
                        .build();
            case SwissRoll.NAME:
                return SwissRoll.builder()
                        .setManager(manager)
                        .optSize(size)
                        .optSeed(seed)
                        .setSampling(batchSize, true)
                        .build();
            default:
                checkName(name);
                throw new AssertionError(name);
        }
    }

    /**
     * Draws an equally weighted isotropic Gaussian mixture.
     *
     * @param manager the manager for the arrays
     * @param modes the component means
     * @param sigma the common standard deviation
     * @param size how many points
     * @param seed the seed of the draws
     * @return {@code [points (size, 2), components (size)]}
     */
    static NDArray[] sampleMixture(
            NDManager manager, float[][] modes, float sigma, int size, long seed) {
        Random random = new Random(seed);
        long[] components = new long[size];
        for (int i = 0; i < size; i++) {
            components[i] = random.nextInt(modes.length);
        }
        NDArray componentArray = manager.create(components);
        NDArray noise = manager.create(standardNormals(random, 2 * size), new Shape(size, 2));
        try (NDArray means = manager.create(modes);
                NDArray chosen = means.get(componentArray)) {
            NDArray points = chosen.add(noise.mul(sigma));
            noise.close();
            return new NDArray[] {points, componentArray};
        }
    }

    /**
     * Draws {@code count} standard normals.
     *
     * @param random the generator
     * @param count how many
     * @return the draws
     */
    static float[] standardNormals(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /**
     * The options shared by the embedded datasets.
     *
     * @param <T> the concrete builder
     */
    public abstract static class BaseBuilder<T extends BaseBuilder<T>>
            extends RandomAccessDataset.BaseBuilder<T> {

        NDManager manager;
        int size = 100_000;
        long seed;

        /** Creates the builder with a random sampler of batch 256. */
        protected BaseBuilder() {
            setSampling(256, true);
        }

        /**
         * Sets the manager that owns the points (required).
         *
         * @param manager the manager
         * @return this builder
         */
        public T setManager(NDManager manager) {
            this.manager = manager;
            return self();
        }

        /**
         * Sets the number of points; 100,000 by default.
         *
         * @param size {@code >= 1}
         * @return this builder
         */
        public T optSize(int size) {
            this.size = size;
            return self();
        }

        /**
         * Sets the seed of the draws; 0 by default.
         *
         * @param seed the seed
         * @return this builder
         */
        public T optSeed(long seed) {
            this.seed = seed;
            return self();
        }

        /**
         * Checks the common options.
         *
         * @throws IllegalArgumentException if the manager is missing or the size below 1
         */
        protected void validate() {
            if (manager == null) {
                throw new IllegalArgumentException("The dataset needs a manager; call setManager");
            }
            if (size < 1) {
                throw new IllegalArgumentException("Dataset size must be >= 1, got " + size);
            }
        }
    }
}
