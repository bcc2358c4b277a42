/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import ai.djl.ndarray.NDArray;

import java.util.Arrays;

/**
 * How {@link EnergyAnomalyTrainer} brings features to a common scale before the networks see them:
 * {@code x' = (x − offset) / scale}, fitted on the training data and stored in the model.
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
        NDArray scale;
        if (this == PER_FEATURE) {
            scale = std.maximum(floor);
        } else {
            float overall = centred.square().mean().sqrt().getFloat();
            scale = std.zerosLike().add(overall > 0f ? overall : 1f);
        }
        return new FeatureStandardiser(mean.toFloatArray(), scale.toFloatArray());
    }
}
