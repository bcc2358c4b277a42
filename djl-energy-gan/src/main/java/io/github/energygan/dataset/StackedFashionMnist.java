/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;

import java.util.SplittableRandom;

/**
 * Stacked Fashion-MNIST: each example is three Fashion-MNIST images stacked as the channels of one
 * {@code 3×28×28} image, so the data has {@code 10³ = 1,000} modes, one per triple of classes. It
 * is the StackedMNIST protocol of the mode-collapse literature (VEEGAN, PacGAN, MEG) on the
 * images Debian ships: a generator's mode coverage is counted by classifying each channel of its
 * samples ({@code metrics.StackedModes}).
 *
 * <p>Example {@code i} stacks three images drawn independently and uniformly from the source
 * images by a generator seeded with the dataset's seed, so every triple of classes is equally
 * likely and the same seed gives the same dataset. The label is the mode, {@code 100·c₀ + 10·c₁ +
 * c₂}. The examples are composed once, when the dataset is built, in the source's manager (three
 * times the source's memory: 564 MB for the 60,000 training images), so that training reads
 * minibatches as fast as from the source itself.
 */
public final class StackedFashionMnist extends ArrayDataset {

    /** The number of stacked images. */
    public static final int CHANNELS = 3;

    /** The number of modes, {@code 10³}. */
    public static final int MODES = 1000;

    /** The shape of one example. */
    public static final Shape IMAGE_SHAPE = new Shape(CHANNELS, 28, 28);

    private static final int CHUNK = 2_000;

    private final int[] modes;

    private StackedFashionMnist(Builder builder, NDArray images, NDArray labels, int[] modes) {
        super(builder);
        this.data = new NDArray[] {images};
        this.labels = new NDArray[] {labels};
        this.modes = modes;
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the mode (triple of classes) of an example.
     *
     * @param index the example
     * @return {@code 100·c₀ + 10·c₁ + c₂}
     */
    public int getMode(long index) {
        return modes[Math.toIntExact(index)];
    }

    /**
     * Returns the stacked images.
     *
     * @return {@code (size, 3, 28, 28)} in {@code [-1, 1]}, owned by the dataset
     */
    public NDArray getImages() {
        return data[0];
    }

    /**
     * Returns the modes as labels.
     *
     * @return {@code (size)} int32, {@code 100·c₀ + 10·c₁ + c₂}
     */
    public NDArray getModes() {
        return labels[0];
    }

    /** The builder for {@link StackedFashionMnist}. */
    public static final class Builder extends RandomAccessDataset.BaseBuilder<Builder> {

        private FashionMnist source;
        private int size = -1;
        private long seed;

        Builder() {
            setSampling(64, true);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the Fashion-MNIST images to stack (required; all ten classes, for 1,000 modes).
         *
         * @param source the images, kept by reference
         * @return this builder
         */
        public Builder setSource(FashionMnist source) {
            this.source = source;
            return this;
        }

        /**
         * Sets how many stacked examples to compose; as many as the source holds by default.
         *
         * @param size {@code >= 1}
         * @return this builder
         */
        public Builder optSize(int size) {
            this.size = size;
            return this;
        }

        /**
         * Sets the seed of the draws; 0 by default.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Draws the triples.
         *
         * @return the dataset
         * @throws IllegalArgumentException if the source is missing or lacks classes, or the size
         *     is not positive
         */
        public StackedFashionMnist build() {
            if (source == null) {
                throw new IllegalArgumentException("Give the Fashion-MNIST images to stack");
            }
            if (source.getClasses().length != 10) {
                throw new IllegalArgumentException(
                        "Stacked Fashion-MNIST needs all ten classes for its 1,000 modes; the"
                                + " source keeps "
                                + java.util.Arrays.toString(source.getClasses()));
            }
            int n = size < 0 ? Math.toIntExact(source.size()) : size;
            if (n < 1) {
                throw new IllegalArgumentException("The size must be >= 1, got " + size);
            }
            int m = Math.toIntExact(source.size());
            int[] labels;
            try (NDArray asInt = source.getLabels().toType(DataType.INT32, true)) {
                labels = asInt.toIntArray();
            }
            SplittableRandom random = new SplittableRandom(seed);
            long[][] sources = new long[n][CHANNELS];
            int[] modes = new int[n];
            for (int i = 0; i < n; i++) {
                int mode = 0;
                for (int c = 0; c < CHANNELS; c++) {
                    int j = random.nextInt(m);
                    sources[i][c] = j;
                    mode = 10 * mode + labels[j];
                }
                modes[i] = mode;
            }
            NDArray images = source.getImages();
            NDManager manager = images.getManager();
            NDArray stacked = manager.zeros(new Shape(n, CHANNELS, 28, 28), images.getDataType());
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                long[] rows = new long[(to - from) * CHANNELS];
                for (int i = from; i < to; i++) {
                    System.arraycopy(sources[i], 0, rows, (i - from) * CHANNELS, CHANNELS);
                }
                try (NDManager scope = manager.newSubManager()) {
                    NDArray picked = images.get(scope.create(rows));
                    picked.attach(scope);
                    stacked.set(
                            new NDIndex("{}:{}", from, to),
                            picked.reshape(to - from, CHANNELS, 28, 28));
                }
            }
            return new StackedFashionMnist(this, stacked, manager.create(modes), modes);
        }
    }
}
