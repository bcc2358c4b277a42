/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.dataset.GaussianMixture2d;

/**
 * The VEEGAN/PacGAN metrics for 2-D Gaussian mixtures (Srivastava et al. 2017; Lin et al. 2018): a sample is high-quality if it lies within {@code 3σ} of its nearest mode; a mode
 * is covered if it is the nearest mode of at least one high-quality sample; the reverse KL
 * compares the histogram of those nearest modes with the uniform one. The protocol scores 2,500
 * samples.
 */
public final class MixtureMetrics {

    /** The number of samples the published protocol scores. */
    public static final int PROTOCOL_SAMPLES = 2500;

    /** High quality means within this many {@code σ} of the nearest mode. */
    public static final float SIGMAS = 3f;

    private MixtureMetrics() {}

    /**
     * Scores samples against a mixture.
     *
     * @param samples {@code (n, 2)}, {@code n >= 1}
     * @param mixture the mixture they should come from
     * @return the quality
     * @throws IllegalArgumentException if the samples are not {@code (n, 2)} with {@code n >= 1}
     */
    public static MixtureQuality evaluate(NDArray samples, GaussianMixture2d mixture) {
        Shape shape = samples.getShape();
        if (shape.dimension() != 2 || shape.get(1) != 2 || shape.get(0) == 0) {
            throw new IllegalArgumentException(
                    "Mixture metrics need samples of shape (n, 2) with n >= 1, got " + shape);
        }
        float[][] modeArray = mixture.getModes();
        int k = modeArray.length;
        try (NDManager scope = samples.getManager().newSubManager()) {
            NDArray x = samples.toType(DataType.FLOAT32, true);
            x.attach(scope);
            NDArray modes = scope.create(modeArray); // (k, 2)
            // squared distances (n, k) by broadcasting (n, 1, 2) - (1, k, 2)
            NDArray distances =
                    x.expandDims(1).sub(modes.expandDims(0)).square().sum(new int[] {2}).sqrt();
            NDArray nearest = distances.argMin(1); // (n)
            NDArray nearestDistance = distances.min(new int[] {1});
            NDArray highQuality =
                    nearestDistance.lte(SIGMAS * mixture.getSigma()).toType(DataType.FLOAT32, false);
            NDArray counts =
                    nearest.oneHot(k, DataType.FLOAT32).mul(highQuality.expandDims(1)).sum(new int[] {0});
            long highQualityCount = (long) highQuality.sum().getFloat();
            float[] countValues = counts.toFloatArray();
            long[] modeCounts = new long[k];
            int covered = 0;
            for (int i = 0; i < k; i++) {
                modeCounts[i] = Math.round(countValues[i]);
                if (modeCounts[i] > 0) {
                    covered++;
                }
            }
            double reverseKl = Double.POSITIVE_INFINITY;
            if (highQualityCount > 0) {
                NDArray q = counts.div((float) highQualityCount);
                // 0 · log(0) = 0: the clamp only keeps log finite where q = 0.
                reverseKl = q.mul(q.maximum(1e-30f).mul((float) k).log()).sum().getFloat();
            }
            return new MixtureQuality(
                    shape.get(0), highQualityCount, covered, k, reverseKl, modeCounts);
        }
    }
}
