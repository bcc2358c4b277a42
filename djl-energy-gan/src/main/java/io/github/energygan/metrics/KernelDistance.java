/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import io.github.energygan.util.RandomStream;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The kernel distance between two sets of features (Bińkowski et al. 2018, "KID" when the features
 * are a classifier's): the unbiased estimate of the squared maximum mean discrepancy with the cubic
 * polynomial kernel {@code k(x, y) = (xᵀy/d + 1)³}, averaged over random subsets of equal size
 * drawn from both sets without replacement.
 *
 * <p>Unlike FID it has an unbiased estimator, so its expectation does not depend on the number of
 * samples, and it can be slightly negative when the two sets come from one distribution. Subsets
 * are drawn from the seed given, never from the engine's generator.
 *
 * @param mean the mean over subsets
 * @param standardDeviation the standard deviation over subsets
 * @param subsets how many subsets were drawn
 * @param subsetSize the size of each subset
 */
public record KernelDistance(double mean, double standardDeviation, int subsets, int subsetSize) {

    /** The subsets drawn by default. */
    public static final int DEFAULT_SUBSETS = 100;

    /** The largest subset drawn by default. */
    public static final int DEFAULT_SUBSET_SIZE = 1_000;

    /**
     * Estimates the distance with the default subsets.
     *
     * @param a {@code (n, d)}
     * @param b {@code (m, d)}
     * @param seed the seed of the subsets
     * @return the estimate
     * @throws IllegalArgumentException if the widths differ or a set has fewer than two rows
     */
    public static KernelDistance between(NDArray a, NDArray b, long seed) {
        int size =
                (int) Math.min(DEFAULT_SUBSET_SIZE, Math.min(a.getShape().get(0), b.getShape().get(0)));
        return between(a, b, DEFAULT_SUBSETS, size, seed);
    }

    /**
     * Estimates the distance.
     *
     * @param a {@code (n, d)}
     * @param b {@code (m, d)}
     * @param subsets how many subsets, {@code >= 1}
     * @param subsetSize each subset's size, {@code 2..min(n, m)}
     * @param seed the seed of the subsets
     * @return the estimate
     * @throws IllegalArgumentException if the widths differ or a size is out of range
     */
    public static KernelDistance between(
            NDArray a, NDArray b, int subsets, int subsetSize, long seed) {
        if (a.getShape().dimension() != 2
                || b.getShape().dimension() != 2
                || a.getShape().get(1) != b.getShape().get(1)) {
            throw new IllegalArgumentException(
                    "KID needs two (n, d) feature arrays of one width, got "
                            + a.getShape()
                            + " and "
                            + b.getShape());
        }
        long n = a.getShape().get(0);
        long m = b.getShape().get(0);
        if (subsets < 1 || subsetSize < 2 || subsetSize > Math.min(n, m)) {
            throw new IllegalArgumentException(
                    "KID needs >= 1 subsets of size 2.."
                            + Math.min(n, m)
                            + " (the smaller set), got "
                            + subsets
                            + " of "
                            + subsetSize);
        }
        double d = a.getShape().get(1);
        double[] values = new double[subsets];
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < subsets; s++) {
            long[] first = Arrays.copyOf(RandomStream.shuffledIndices(random, (int) n), subsetSize);
            long[] second = Arrays.copyOf(RandomStream.shuffledIndices(random, (int) m), subsetSize);
            try (NDManager scope = a.getManager().newSubManager()) {
                NDArray x = gather(a, first, scope);
                NDArray y = gather(b, second, scope);
                double kxx = offDiagonalMean(kernel(x, x, d));
                double kyy = offDiagonalMean(kernel(y, y, d));
                double kxy = kernel(x, y, d).mean().getDouble();
                values[s] = kxx + kyy - 2.0 * kxy;
            }
        }
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double variance =
                subsets < 2
                        ? 0.0
                        : Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum()
                                / (subsets - 1);
        return new KernelDistance(mean, Math.sqrt(variance), subsets, subsetSize);
    }

    private static NDArray gather(NDArray features, long[] rows, NDManager scope) {
        NDArray index = scope.create(rows);
        NDArray picked = features.get(index);
        picked.attach(scope);
        return picked.toType(DataType.FLOAT64, false);
    }

    private static NDArray kernel(NDArray x, NDArray y, double d) {
        return x.matMul(y.transpose()).div(d).add(1.0).pow(3);
    }

    private static double offDiagonalMean(NDArray gram) {
        long size = gram.getShape().get(0);
        double total = gram.sum().getDouble() - gram.diagonal().sum().getDouble();
        return total / (size * (size - 1.0));
    }

    /**
     * One line for reports.
     *
     * @return the summary
     */
    public String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "%.4f ± %.4f (%d subsets of %d)",
                mean,
                standardDeviation,
                subsets,
                subsetSize);
    }
}
