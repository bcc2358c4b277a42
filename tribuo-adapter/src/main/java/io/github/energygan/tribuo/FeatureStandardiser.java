/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A fitted {@code x' = W·(x − offset) / scale}: one offset and one positive scale per feature id,
 * then an optional {@code d × d} whitening matrix {@code W} (none means the identity). Immutable.
 */
final class FeatureStandardiser implements Serializable {

    private static final long serialVersionUID = 1L;

    private final float[] offset;
    private final float[] scale;

    /** {@code W}, row-major, or {@code null} for the identity. */
    private final float[] whitening;

    FeatureStandardiser(float[] offset, float[] scale) {
        this(offset, scale, null);
    }

    /**
     * Checks and copies.
     *
     * @param offset one finite value per feature
     * @param scale one finite value {@code > 0} per feature
     * @param whitening {@code W} row-major, {@code d²} finite values, or {@code null} (or empty)
     *     for none
     * @throws IllegalArgumentException naming what is inconsistent or not finite
     */
    FeatureStandardiser(float[] offset, float[] scale, float[] whitening) {
        if (offset.length != scale.length) {
            throw new IllegalArgumentException(
                    "offset and scale differ in length: " + offset.length + " vs " + scale.length);
        }
        for (int i = 0; i < scale.length; i++) {
            if (!(scale[i] > 0f) || Float.isInfinite(scale[i]) || !Float.isFinite(offset[i])) {
                throw new IllegalArgumentException(
                        "Feature "
                                + i
                                + " has offset "
                                + offset[i]
                                + " and scale "
                                + scale[i]
                                + "; expected a finite offset and a finite scale > 0");
            }
        }
        if (whitening != null && whitening.length > 0) {
            long d = offset.length;
            if (whitening.length != d * d) {
                throw new IllegalArgumentException(
                        "The whitening matrix has "
                                + whitening.length
                                + " entries; expected "
                                + d
                                + " × "
                                + d);
            }
            for (int i = 0; i < whitening.length; i++) {
                if (!Float.isFinite(whitening[i])) {
                    throw new IllegalArgumentException(
                            "Whitening entry ("
                                    + i / d
                                    + ", "
                                    + i % d
                                    + ") is "
                                    + whitening[i]
                                    + "; expected a finite value");
                }
            }
        }
        this.offset = offset.clone();
        this.scale = scale.clone();
        this.whitening = whitening == null || whitening.length == 0 ? null : whitening.clone();
    }

    int size() {
        return offset.length;
    }

    float[] getOffset() {
        return offset.clone();
    }

    float[] getScale() {
        return scale.clone();
    }

    /** {@code W} row-major, empty when there is none. */
    float[] getWhitening() {
        return whitening == null ? new float[0] : whitening.clone();
    }

    /**
     * Standardises a batch.
     *
     * @param x {@code (n, features)}
     * @return {@code W·(x − offset) / scale} for each row, in {@code x}'s manager
     */
    NDArray apply(NDArray x) {
        NDArray scaled = scaled(x);
        return whitening == null ? scaled : scaled.matMul(whiteningMatrix(x.getManager()).transpose());
    }

    /**
     * The first-order attributions of a function {@code U} of the standardised features to the
     * original features: {@code a_i = u_i · ∂U/∂u_i} with {@code u = (x − offset) / scale}, so that
     * they sum to {@code x'·∇U(x')} whatever {@code W} is, and each belongs to one original feature
     * even when {@code W} mixes them.
     *
     * @param x the original features, {@code (n, features)}
     * @param gradient {@code ∇U} at {@code apply(x)}, {@code (n, features)}
     * @return {@code (n, features)}, in {@code x}'s manager
     */
    NDArray attributions(NDArray x, NDArray gradient) {
        NDArray pulledBack =
                whitening == null ? gradient : gradient.matMul(whiteningMatrix(x.getManager()));
        return scaled(x).mul(pulledBack);
    }

    private NDArray scaled(NDArray x) {
        NDManager manager = x.getManager();
        return x.sub(manager.create(offset)).div(manager.create(scale));
    }

    private NDArray whiteningMatrix(NDManager manager) {
        return manager.create(whitening, new Shape(offset.length, offset.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureStandardiser other
                && Arrays.equals(offset, other.offset)
                && Arrays.equals(scale, other.scale)
                && Arrays.equals(whitening, other.whitening);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(offset) + Arrays.hashCode(scale))
                + Arrays.hashCode(whitening);
    }
}
