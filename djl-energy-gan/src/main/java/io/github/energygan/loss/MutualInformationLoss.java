/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * A loss that stands in for {@code -H(q_φ)}, the generator's negative entropy. {@code x = G(z)} is
 * deterministic, so {@code H(X) = I(X; Z) + const} and maximising an estimate {@code Î(X; Z)}
 * keeps the generator's entropy high (Kumar et al. 2019). Subclasses read their inputs from {@code
 * predictions[1...]}; {@code predictions[0]} is {@code U(G(z))}.
 */
public abstract class MutualInformationLoss extends Loss {

    private final Schedule weight;

    /**
     * Creates the loss.
     *
     * @param name the display name
     * @param weight the weight on the loss, {@code > 0}
     * @throws IllegalArgumentException if the weight is not positive and finite
     */
    protected MutualInformationLoss(String name, float weight) {
        this(name, Schedule.constant(checkWeight(name, weight)));
    }

    /**
     * Creates the loss with a weight that follows a schedule over training.
     *
     * @param name the display name
     * @param weight the weight on the loss, {@code > 0}, as a function of the iteration
     */
    protected MutualInformationLoss(String name, Schedule weight) {
        super(name);
        this.weight = java.util.Objects.requireNonNull(weight, "weight");
    }

    static float checkWeight(String name, float weight) {
        if (!(weight > 0f) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException(
                    name + " weight must be positive and finite, got " + weight);
        }
        return weight;
    }

    /**
     * Returns the weight on this loss at the current iteration.
     *
     * @return the weight
     */
    public float getWeight() {
        return weight.current();
    }

    /**
     * Returns the mutual information estimate {@code Î(X; Z)} the loss is built on, in nats, for
     * monitoring.
     *
     * @param predictions the same predictions {@link #evaluate} reads
     * @return a scalar
     */
    public abstract NDArray estimate(NDList predictions);
}
