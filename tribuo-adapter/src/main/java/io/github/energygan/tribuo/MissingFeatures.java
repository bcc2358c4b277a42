/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

/**
 * What {@link EnergyAnomalyModel} does with an example that lacks some of the features it was
 * trained on. Tribuo's convention for an absent feature is the value 0, which for a dense model is
 * a real value, often far from the training data: a normal case with a few features absent can
 * score as anomalous for that reason alone.
 */
public enum MissingFeatures {

    /**
     * Scores the example with its absent features at 0 (Tribuo's convention) and logs a warning
     * per prediction call that names how many examples lacked features and which, for the first.
     * The default.
     */
    WARN,

    /**
     * Refuses the call with an {@link IllegalArgumentException} naming the first example that
     * lacks features and the features it lacks; nothing of the call is scored.
     */
    REJECT
}
