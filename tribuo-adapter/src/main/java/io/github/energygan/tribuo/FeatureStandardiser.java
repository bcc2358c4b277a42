/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A fitted {@code x' = (x − offset) / scale}, one offset and one positive scale per feature id.
 * Immutable.
 */
final class FeatureStandardiser implements Serializable {

    private static final long serialVersionUID = 1L;

    private final float[] offset;
    private final float[] scale;

    FeatureStandardiser(float[] offset, float[] scale) {
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
        this.offset = offset.clone();
        this.scale = scale.clone();
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

    /**
     * Standardises a batch.
     *
     * @param x {@code (n, features)}
     * @return {@code (x − offset) / scale}, in {@code x}'s manager
     */
    NDArray apply(NDArray x) {
        NDManager manager = x.getManager();
        return x.sub(manager.create(offset)).div(manager.create(scale));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureStandardiser other
                && Arrays.equals(offset, other.offset)
                && Arrays.equals(scale, other.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(offset) + Arrays.hashCode(scale);
    }
}
