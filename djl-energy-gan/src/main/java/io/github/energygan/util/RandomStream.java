/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.SplittableRandom;

/**
 * A stream of random draws delivered as NDArrays, owned by one request or one run.
 *
 * <p>A seeded stream draws from its own {@link SplittableRandom}, so its result depends on its
 * seed alone: concurrent requests with the same seed give bit-identical draws, and the engine's
 * process-wide generator is neither read nor reseeded (a user's own {@code
 * Engine.setRandomSeed} stays in force). DJL 0.36 gives the PyTorch engine's random operators no
 * generator argument, so the numbers are drawn on the JVM and copied into an array; that costs
 * about 20 ns per number, small beside the network passes each draw feeds.
 *
 * <p>{@link #engine()} is the stream of callers that leave the randomness to whoever seeded the
 * engine; it draws with the engine's own operators.
 *
 * <p>A stream is not thread-safe: give each thread or request its own.
 */
public abstract class RandomStream {

    private RandomStream() {}

    /**
     * Returns a stream that depends on this seed only.
     *
     * @param seed the seed
     * @return the stream
     */
    public static RandomStream seeded(long seed) {
        return new Seeded(seed);
    }

    /**
     * Derives the seed of one stream of a seeded piece of work: {@code seed} is the work's own
     * seed, {@code salt} names the kind of stream (so that, say, a run's iterations and its data
     * orders never share seeds) and {@code index} numbers the streams of that kind. Each step goes
     * through SplittableRandom's 64-bit finaliser, a bijection, so distinct indices give distinct,
     * unrelated seeds, and the result depends on the three numbers alone.
     *
     * @param seed the work's seed
     * @param salt a constant naming the kind of stream
     * @param index the stream's index
     * @return the stream's seed
     */
    public static long derivedSeed(long seed, long salt, long index) {
        long base = new SplittableRandom(seed ^ salt).nextLong();
        return new SplittableRandom(base ^ index).nextLong();
    }

    /**
     * Returns the stream of the engine's process-wide generator.
     *
     * @return the engine's stream
     */
    public static RandomStream engine() {
        return Engine.INSTANCE;
    }

    /**
     * Draws standard normal numbers.
     *
     * @param manager the manager the array joins
     * @param shape the shape
     * @param dataType {@link DataType#FLOAT32} or {@link DataType#FLOAT64}
     * @return the draws
     * @throws IllegalArgumentException for another data type
     */
    public NDArray normal(NDManager manager, Shape shape, DataType dataType) {
        return normal(manager, 0f, 1f, shape, dataType);
    }

    /**
     * Draws normal numbers.
     *
     * @param manager the manager the array joins
     * @param mean the mean
     * @param deviation the standard deviation
     * @param shape the shape
     * @param dataType {@link DataType#FLOAT32} or {@link DataType#FLOAT64}
     * @return the draws
     * @throws IllegalArgumentException for another data type
     */
    public abstract NDArray normal(
            NDManager manager, float mean, float deviation, Shape shape, DataType dataType);

    /**
     * Draws numbers uniformly from {@code [low, high)}.
     *
     * @param manager the manager the array joins
     * @param low the lower bound
     * @param high the upper bound
     * @param shape the shape
     * @param dataType {@link DataType#FLOAT32} or {@link DataType#FLOAT64}
     * @return the draws
     * @throws IllegalArgumentException for another data type
     */
    public abstract NDArray uniform(
            NDManager manager, float low, float high, Shape shape, DataType dataType);

    /**
     * Draws a uniformly random permutation of {@code 0 … n−1}.
     *
     * @param manager the manager the array joins
     * @param n the number of elements
     * @return the permutation, {@link DataType#INT64}, shape {@code (n)}
     */
    public abstract NDArray permutation(NDManager manager, long n);

    /**
     * Returns {@code 0 … n−1} in a uniformly random order (Fisher and Yates, as in Knuth's
     * Algorithm P).
     *
     * @param random the source of the order
     * @param n the number of elements
     * @return the shuffled indices
     */
    public static long[] shuffledIndices(SplittableRandom random, int n) {
        long[] indices = new long[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        return indices;
    }

    private static final class Seeded extends RandomStream {

        private final SplittableRandom random;

        Seeded(long seed) {
            random = new SplittableRandom(seed);
        }

        @Override
        public NDArray normal(
                NDManager manager, float mean, float deviation, Shape shape, DataType dataType) {
            int size = size(shape);
            if (dataType == DataType.FLOAT64) {
                double[] values = new double[size];
                for (int i = 0; i < size; i++) {
                    values[i] = mean + deviation * random.nextGaussian();
                }
                return manager.create(values, shape);
            }
            requireFloat32(dataType);
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                values[i] = (float) (mean + deviation * random.nextGaussian());
            }
            return manager.create(values, shape);
        }

        @Override
        public NDArray uniform(
                NDManager manager, float low, float high, Shape shape, DataType dataType) {
            int size = size(shape);
            double width = (double) high - low;
            if (dataType == DataType.FLOAT64) {
                double[] values = new double[size];
                for (int i = 0; i < size; i++) {
                    values[i] = low + width * random.nextDouble();
                }
                return manager.create(values, shape);
            }
            requireFloat32(dataType);
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                values[i] = (float) (low + width * random.nextDouble());
            }
            return manager.create(values, shape);
        }

        @Override
        public NDArray permutation(NDManager manager, long n) {
            return manager.create(shuffledIndices(random, size(new Shape(n))));
        }

        private static int size(Shape shape) {
            long size = shape.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(
                        "Cannot draw " + size + " random numbers in one array (shape " + shape + ")");
            }
            return (int) size;
        }

        private static void requireFloat32(DataType dataType) {
            if (dataType != DataType.FLOAT32) {
                throw new IllegalArgumentException(
                        "Random draws come as FLOAT32 or FLOAT64, not " + dataType);
            }
        }
    }

    private static final class Engine extends RandomStream {

        static final Engine INSTANCE = new Engine();

        @Override
        public NDArray normal(
                NDManager manager, float mean, float deviation, Shape shape, DataType dataType) {
            return manager.randomNormal(mean, deviation, shape, dataType);
        }

        @Override
        public NDArray uniform(
                NDManager manager, float low, float high, Shape shape, DataType dataType) {
            return manager.randomUniform(low, high, shape, dataType);
        }

        @Override
        public NDArray permutation(NDManager manager, long n) {
            return manager.randomPermutation(n);
        }
    }
}
