/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.tribuo.math.la.DenseMatrix;

import java.util.Arrays;

/**
 * How {@link EnergyAnomalyTrainer} brings features to a common scale before the networks see them:
 * {@code x' = W·(x − offset) / scale} ({@code W} the identity but for {@link #WHITENED}), fitted on
 * the training data and stored in the model. The energy's Gaussian base measure {@code ρ‖x'‖²/2}
 * is measured in these units, so the scaling also chooses the base measure's shape.
 */
public enum FeatureScaling {

    /**
     * Each feature to mean 0 and standard deviation 1. A feature that is (nearly) constant in the
     * training data gets the scale floor, a hundredth of the mean standard deviation, so that it
     * does not divide by zero; a test value that moves such a feature is then far out, as it should
     * be for an anomaly. The usual choice for tabular data.
     */
    PER_FEATURE,

    /**
     * Each feature's mean subtracted, one standard deviation (over all features) for all. Keeps the
     * features' relative scales: the choice for pixels, where a border pixel that is always dark
     * must not be blown up.
     */
    GLOBAL,

    /**
     * Each feature's mean subtracted, then one scale for all: the largest absolute deviation from
     * the mean in the training data, so that every training value lies in {@code [−1, 1]}, the
     * range of the convolutional generator's tanh. The choice for image energies ({@code
     * imageShape}); as {@link #GLOBAL}, it keeps the pixels' relative scales.
     */
    BOUNDED,

    /**
     * As {@link #GLOBAL}, then decorrelated: {@code W = Σ^(−1/2)} (symmetric, so each whitened
     * feature stays tied to its own original feature) for the training data's covariance {@code Σ}
     * shrunk towards a multiple of the identity by the Ledoit–Wolf intensity, which is chosen from
     * the data and keeps {@code Σ} well conditioned when there are fewer examples than features.
     * The base measure then grows with the Mahalanobis distance from the training mean: a change
     * along a direction in which the training data barely vary counts for much, which is where
     * other classes of image or correlated measurements differ. Costs an eigendecomposition of a
     * {@code d × d} matrix when fitted and a {@code d × d} product per scored example.
     */
    WHITENED,

    /** Features as they are. */
    NONE;

    /** The floor of a per-feature scale, as a fraction of the mean standard deviation. */
    static final float SCALE_FLOOR = 0.01f;

    /**
     * Fits the standardisation to training data.
     *
     * @param x the training data, {@code (n, features)}, {@code n >= 1}
     * @return the fitted standardisation
     */
    FeatureStandardiser fit(NDArray x) {
        long features = x.getShape().get(1);
        if (this == NONE) {
            float[] zeros = new float[(int) features];
            float[] ones = new float[(int) features];
            Arrays.fill(ones, 1f);
            return new FeatureStandardiser(zeros, ones);
        }
        NDArray mean = x.mean(new int[] {0});
        NDArray centred = x.sub(mean);
        NDArray std = centred.square().mean(new int[] {0}).sqrt();
        float meanStd = std.mean().getFloat();
        float floor = meanStd > 0f ? SCALE_FLOOR * meanStd : 1f;
        if (this == PER_FEATURE) {
            return new FeatureStandardiser(mean.toFloatArray(), std.maximum(floor).toFloatArray());
        }
        float overall =
                this == BOUNDED
                        ? centred.abs().max().getFloat()
                        : centred.square().mean().sqrt().getFloat();
        float[] scale = std.zerosLike().add(overall > 0f ? overall : 1f).toFloatArray();
        return new FeatureStandardiser(
                mean.toFloatArray(),
                scale,
                this == WHITENED ? whitening(centred.div(scale[0])) : null);
    }

    /**
     * {@code Σ^(−1/2)} of the Ledoit–Wolf shrunk covariance of centred data, row-major; eigenvalues
     * below {@code SCALE_FLOOR²} times the mean variance are raised to it. The statistics are taken
     * in double precision.
     *
     * @param centred centred data, {@code (n, d)}
     */
    private static float[] whitening(NDArray centred) {
        NDManager manager = centred.getManager();
        NDArray u = centred.toType(DataType.FLOAT64, false);
        long n = u.getShape().get(0);
        int d = (int) u.getShape().get(1);
        NDArray covariance = u.transpose().matMul(u).div(n);
        double meanVariance = u.square().sum().getDouble() / ((double) n * d);
        if (!(meanVariance > 0)) {
            meanVariance = 1.0;
        }
        NDArray identity = manager.eye(d, d, 0, DataType.FLOAT64);
        // Ledoit & Wolf (2004): shrink towards meanVariance·I by min(b², δ²) / δ².
        double delta = covariance.sub(identity.mul(meanVariance)).square().sum().getDouble();
        double fourthMoments = u.square().sum(new int[] {1}).square().sum().getDouble();
        double spread =
                fourthMoments / ((double) n * n) - covariance.square().sum().getDouble() / n;
        double shrinkage = delta > 0 ? Math.min(1.0, Math.max(0.0, spread) / delta) : 1.0;
        NDArray shrunk = covariance.mul(1.0 - shrinkage).add(identity.mul(shrinkage * meanVariance));
        double[] values = shrunk.toDoubleArray();
        double[][] rows = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // Symmetrised: the products differ in the last bit across the diagonal.
                rows[i][j] = 0.5 * (values[i * d + j] + values[j * d + i]);
            }
        }
        // DJL has no symmetric eigendecomposition; Tribuo's linear algebra has one.
        DenseMatrix.EigenDecomposition eigen =
                DenseMatrix.createDenseMatrix(rows)
                        .eigenDecomposition()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "The covariance of the training data has no"
                                                        + " eigendecomposition"));
        double floor = (double) SCALE_FLOOR * SCALE_FLOOR * meanVariance;
        double[] inverseRoot = new double[d];
        double[] vectors = new double[d * d];
        for (int k = 0; k < d; k++) {
            inverseRoot[k] = 1.0 / Math.sqrt(Math.max(eigen.eigenvalues().get(k), floor));
            for (int i = 0; i < d; i++) {
                vectors[i * d + k] = eigen.eigenvectors().get(i, k);
            }
        }
        NDArray v = manager.create(vectors, new Shape(d, d));
        return v.mul(manager.create(inverseRoot))
                .matMul(v.transpose())
                .toType(DataType.FLOAT32, false)
                .toFloatArray();
    }
}
