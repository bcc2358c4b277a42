/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

import io.github.energygan.util.Scalars;

/**
 * The zero-centred gradient penalty on data, {@code λ · mean_{x~data} ||∇_x U(x)||²} (Kumar et
 * al. 2019; Mescheder et al. 2018): data should sit at the bottom of the energy's wells, where
 * the gradient vanishes.
 *
 * <p>The squared norms themselves come from an {@link io.github.energygan.gradient.InputGradient}
 * (computed by {@code EnergyCritic}), built so that this loss's
 * parameter gradient is exact with one ordinary backward pass. The norm is the full flattened one;
 * for images that makes the effective coefficient {@code λ}, where the reference code's per-pixel
 * average used {@code λ/(H·W)}.
 *
 * <p>Convention: {@code labels} are ignored. {@code predictions[index]} = {@code ||∇_x U(x)||²} per
 * data sample, shape {@code (batch)} (index 2 by default, as {@code EnergyCritic} lays it out).
 * Output: a scalar.
 */
public class GradientPenalty extends Loss {

    /** Where {@code EnergyCritic} puts the squared norms. */
    public static final int DEFAULT_INDEX = 2;

    private final Schedule lambda;
    private final int index;

    /**
     * Creates the penalty reading {@code predictions[2]}.
     *
     * @param lambda the coefficient {@code λ ≥ 0}; the 2-D reference is 0.1
     * @throws IllegalArgumentException if {@code λ} is negative or not finite
     */
    public GradientPenalty(float lambda) {
        this(lambda, DEFAULT_INDEX);
    }

    /**
     * Creates the penalty.
     *
     * @param lambda the coefficient {@code λ ≥ 0}
     * @param index where the squared norms are in {@code predictions}
     * @throws IllegalArgumentException if {@code λ} is negative or not finite, or {@code index < 0}
     */
    public GradientPenalty(float lambda, int index) {
        this(Schedule.constant(checkLambda(lambda)), index);
    }

    /**
     * Creates a penalty whose coefficient follows a schedule over training.
     *
     * @param lambda the coefficient {@code λ ≥ 0} as a function of the iteration
     * @param index where the squared norms are in {@code predictions}
     * @throws IllegalArgumentException if {@code index < 0}
     */
    public GradientPenalty(Schedule lambda, int index) {
        super("GradientPenalty");
        this.lambda = java.util.Objects.requireNonNull(lambda, "lambda");
        if (index < 0) {
            throw new IllegalArgumentException("Prediction index must be >= 0, got " + index);
        }
        this.index = index;
    }

    /**
     * Validates a penalty coefficient.
     *
     * @param lambda the coefficient
     * @return {@code lambda}
     * @throws IllegalArgumentException if negative or not finite
     */
    static float checkLambda(float lambda) {
        if (!(lambda >= 0f) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException(
                    "Gradient penalty coefficient λ must be finite and >= 0, got " + lambda);
        }
        return lambda;
    }

    /**
     * Returns the coefficient at the current iteration.
     *
     * @return {@code λ}
     */
    public float getLambda() {
        return lambda.current();
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray squaredNorms =
                Predictions.vector(getName(), predictions, index, "||∇_x U(x_data)||²");
        return Scalars.mul(squaredNorms.mean(), lambda.current());
    }
}
