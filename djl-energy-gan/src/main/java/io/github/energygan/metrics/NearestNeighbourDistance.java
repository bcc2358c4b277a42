/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Euclidean distance from each sample to its nearest neighbour in a reference set, a
 * classifier-free check of memorisation: if generated samples lie much nearer the training set than
 * to a held-out test set of the same distribution (or nearer to the training set than the test
 * images themselves do), the model reproduces its training data rather than the distribution.
 */
public final class NearestNeighbourDistance {

    private static final int CHUNK = 256;

    private NearestNeighbourDistance() {}

    /**
     * Computes each sample's distance to its nearest reference point, with {@code ||s − r||² =
     * ||s||² + ||r||² − 2 s·r} in chunks of samples so memory stays bounded.
     *
     * @param samples {@code (n, ...)}
     * @param reference {@code (m, ...)}, the same point shape
     * @return {@code (n)} distances, in the samples' manager
     * @throws IllegalArgumentException if the point shapes differ or a set is empty
     */
    public static NDArray nearest(NDArray samples, NDArray reference) {
        if (!samples.getShape().slice(1).equals(reference.getShape().slice(1))
                || samples.getShape().get(0) == 0
                || reference.getShape().get(0) == 0) {
            throw new IllegalArgumentException(
                    "Samples "
                            + samples.getShape()
                            + " and reference "
                            + reference.getShape()
                            + " must be non-empty and share their point shape");
        }
        NDManager manager = samples.getManager();
        long n = samples.getShape().get(0);
        NDArray result = manager.zeros(new ai.djl.ndarray.types.Shape(n));
        try (NDManager scope = manager.newSubManager()) {
            NDArray r = reference.reshape(reference.getShape().get(0), -1);
            r.tempAttach(scope);
            NDArray rNorms = r.square().sum(new int[] {1});
            NDArray rT = r.transpose();
            for (long start = 0; start < n; start += CHUNK) {
                long end = Math.min(n, start + CHUNK);
                try (NDManager chunk = scope.newSubManager()) {
                    NDArray s = samples.get("{}:{}", start, end).reshape(end - start, -1);
                    s.attach(chunk);
                    NDArray squared =
                            s.square()
                                    .sum(new int[] {1}, true)
                                    .add(rNorms.expandDims(0))
                                    .sub(s.matMul(rT).mul(2f));
                    NDArray distance = squared.min(new int[] {1}).maximum(0f).sqrt();
                    result.set(new ai.djl.ndarray.index.NDIndex("{}:{}", start, end), distance);
                }
            }
        }
        return result;
    }

    /**
     * Returns the mean nearest-neighbour distance.
     *
     * @param samples {@code (n, ...)}
     * @param reference {@code (m, ...)}
     * @return the mean over samples
     */
    public static double mean(NDArray samples, NDArray reference) {
        try (NDArray distances = nearest(samples, reference)) {
            return distances.mean().getFloat();
        }
    }
}
