/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import io.github.energygan.model.EnergyGanArchitecture.Estimator;

import java.util.Objects;

/**
 * The entropy estimator that trains the generator, and the layers of its network.
 *
 * @param kind the estimator
 * @param layers its network's hidden layers (unused for {@link Estimator#NONE})
 */
public record EstimatorSpec(Estimator kind, Layers layers) {

    /**
     * Checks that nothing is missing.
     *
     * @throws NullPointerException naming the missing part
     */
    public EstimatorSpec {
        Objects.requireNonNull(kind, "estimator kind");
        Objects.requireNonNull(layers, "estimator layers");
    }

    /**
     * Returns the same layers with another estimator.
     *
     * @param other the estimator
     * @return the spec
     */
    public EstimatorSpec withKind(Estimator other) {
        return new EstimatorSpec(other, layers);
    }
}
