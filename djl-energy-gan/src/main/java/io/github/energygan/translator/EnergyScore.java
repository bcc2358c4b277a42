/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import java.util.Locale;

/**
 * The energy of one point and the squared norm of its input gradient. Both serve as anomaly scores:
 * higher means less like the training data (Kumar et al. 2019, §5).
 *
 * @param energy {@code U(x)}
 * @param squaredGradientNorm {@code ||∇_x U(x)||²}, over all the point's values
 */
public record EnergyScore(float energy, float squaredGradientNorm) {

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "U(x)=%.5g, ||∇U(x)||²=%.5g", energy, squaredGradientNorm);
    }
}
