/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

/**
 * Which number {@link EnergyAnomalyModel} reports as an {@code Event}'s score. Either way, higher
 * means more anomalous.
 */
public enum AnomalyScore {

    /** The energy {@code U(x)} of the standardised features: low where the training data lies. */
    ENERGY,

    /**
     * The squared norm of the energy's input gradient {@code ||∇ₓU(x)||²}, in standardised units:
     * near zero at the modes of the data (the gradient penalty holds it there), large on the slopes
     * around them.
     */
    GRADIENT_NORM
}
