/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;

import io.github.energygan.util.RandomStream;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * One pass over a dataset in an order drawn from a seed of its own, so that a training run's
 * batches depend on its seed alone. (DJL's {@code RandomSampler} draws from the process-wide
 * generator that {@code Engine.setRandomSeed} seeds.)
 */
final class SeededShuffle implements Sampler.SubSampler {

    private final long seed;

    /**
     * Creates the shuffle.
     *
     * @param seed the seed of the order
     */
    SeededShuffle(long seed) {
        this.seed = seed;
    }

    /** {@inheritDoc} */
    @Override
    public Iterator<Long> sample(RandomAccessDataset dataset) {
        long[] order =
                RandomStream.shuffledIndices(
                        new SplittableRandom(seed), Math.toIntExact(dataset.size()));
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Long next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return order[next++];
            }
        };
    }
}
