/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The Fréchet distance between Gaussians fitted to two sets of features (Heusel et al. 2017, "FID"
 * when the features are a classifier's):
 *
 * <pre>
 *     d² = ‖μ₁ − μ₂‖² + tr(Σ₁) + tr(Σ₂) − 2·tr((Σ₁Σ₂)^½)
 * </pre>
 *
 * <p>All arithmetic is in float64 on the engine. The trace of the square root uses {@code
 * tr((Σ₁Σ₂)^½) = tr((Σ₁^½ Σ₂ Σ₁^½)^½)}, whose argument is symmetric positive semi-definite, and each
 * square root of a symmetric positive semi-definite matrix is the coupled Newton–Schulz iteration
 * (Higham 2008, §6.3), which needs only matrix products: {@code Y₀ = A/c, Z₀ = I, T = (3I − ZY)/2,
 * Y ← YT, Z ← TZ}, with {@code c = ‖A‖_F} so that the spectrum of {@code A/c} lies in {@code [0,
 * 1]}, converging to {@code Y = (A/c)^½}.
 */
public final class FrechetDistance {

    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-12;

    private FrechetDistance() {}

    /**
     * The mean and covariance of a set of features.
     *
     * @param mean {@code (d)} float64
     * @param covariance {@code (d, d)} float64, the unbiased estimate
     * @param count how many features they summarise
     */
    public record Statistics(NDArray mean, NDArray covariance, long count)
            implements AutoCloseable {

        /**
         * Fits the statistics.
         *
         * @param features {@code (n >= 2, d)}
         * @return the statistics, in the features' manager
         * @throws IllegalArgumentException if there are fewer than two rows
         */
        public static Statistics of(NDArray features) {
            if (features.getShape().dimension() != 2 || features.getShape().get(0) < 2) {
                throw new IllegalArgumentException(
                        "Feature statistics need a (n >= 2, d) array, got " + features.getShape());
            }
            NDManager manager = features.getManager();
            long n = features.getShape().get(0);
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = features.toType(DataType.FLOAT64, true);
                x.attach(scope);
                NDArray mean = x.mean(new int[] {0});
                NDArray centred = x.sub(mean);
                NDArray covariance = centred.transpose().matMul(centred).div(n - 1.0);
                mean.attach(manager);
                covariance.attach(manager);
                return new Statistics(mean, covariance, n);
            }
        }

        /** {@inheritDoc} */
        @Override
        public void close() {
            mean.close();
            covariance.close();
        }
    }

    /**
     * Computes the distance between two sets of features.
     *
     * @param a {@code (n, d)}
     * @param b {@code (m, d)}
     * @return {@code d²}, the squared Fréchet distance
     * @throws IllegalArgumentException if the widths differ or a set has fewer than two rows
     */
    public static double between(NDArray a, NDArray b) {
        try (Statistics first = Statistics.of(a);
                Statistics second = Statistics.of(b)) {
            return between(first, second);
        }
    }

    /**
     * Computes the distance between two fitted Gaussians.
     *
     * @param a the first
     * @param b the second
     * @return {@code d²}
     * @throws IllegalArgumentException if the dimensions differ
     */
    public static double between(Statistics a, Statistics b) {
        if (!a.mean().getShape().equals(b.mean().getShape())) {
            throw new IllegalArgumentException(
                    "Feature widths differ: " + a.mean().getShape() + " and " + b.mean().getShape());
        }
        try (NDManager scope = a.mean().getManager().newSubManager()) {
            NDArray meanA = a.mean().duplicate();
            meanA.attach(scope);
            double meanTerm = meanA.sub(b.mean()).square().sum().getDouble();
            NDArray rootA = sqrtPsd(a.covariance(), scope);
            NDArray product = rootA.matMul(b.covariance()).matMul(rootA);
            product = product.add(product.transpose()).div(2.0);
            double crossTrace = trace(sqrtPsd(product, scope));
            double value =
                    meanTerm
                            + trace(a.covariance())
                            + trace(b.covariance())
                            - 2.0 * crossTrace;
            return Math.max(0.0, value);
        }
    }

    /**
     * The square root of a symmetric positive semi-definite matrix, by the coupled Newton–Schulz
     * iteration.
     *
     * @param matrix {@code (d, d)} symmetric positive semi-definite
     * @param manager where the result goes
     * @return {@code matrix^½}, float64
     */
    static NDArray sqrtPsd(NDArray matrix, NDManager manager) {
        long d = matrix.getShape().get(0);
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = matrix.toType(DataType.FLOAT64, true);
            a.attach(scope);
            double norm = Math.sqrt(a.square().sum().getDouble());
            if (norm == 0.0) {
                NDArray zero = scope.zeros(a.getShape(), DataType.FLOAT64);
                zero.attach(manager);
                return zero;
            }
            NDArray identity = scope.eye((int) d).toType(DataType.FLOAT64, false);
            NDArray y = a.div(norm);
            NDArray z = identity.duplicate();
            for (int i = 0; i < MAX_ITERATIONS; i++) {
                try (NDManager step = scope.newSubManager()) {
                    y.attach(step);
                    z.attach(step);
                    NDArray t = identity.mul(3.0).sub(z.matMul(y)).div(2.0);
                    NDArray nextY = y.matMul(t);
                    NDArray nextZ = t.matMul(z);
                    double change = nextY.sub(y).abs().max().getDouble();
                    nextY.attach(scope);
                    nextZ.attach(scope);
                    y = nextY;
                    z = nextZ;
                    if (change < TOLERANCE) {
                        break;
                    }
                }
            }
            NDArray root = y.mul(Math.sqrt(norm));
            root.attach(manager);
            return root;
        }
    }

    private static double trace(NDArray matrix) {
        try (NDArray diagonal = matrix.diagonal();
                NDArray sum = diagonal.sum()) {
            return sum.toType(DataType.FLOAT64, false).getDouble();
        }
    }
}
