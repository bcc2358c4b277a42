/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import io.github.energygan.gradient.DifferentiableActivation;

import java.util.Locale;
import java.util.Objects;

/**
 * The activation of this library's networks: a {@link DifferentiableActivation} (the function and
 * its differentiable derivative, which make the exact input gradient possible) that configuration
 * files can name.
 *
 * <p>Instances are immutable and compare by value. {@link #toString()} gives a spec such as {@code
 * leaky_relu:0.2} that {@link #parse(String)} reads back; configuration files use it.
 */
public final class ActivationFunction extends DifferentiableActivation {

    private ActivationFunction(Kind kind, float alpha) {
        super(kind, alpha);
    }

    /**
     * Returns the rectified linear unit.
     *
     * @return ReLU
     */
    public static ActivationFunction relu() {
        return new ActivationFunction(Kind.RELU, 0f);
    }

    /**
     * Returns the leaky rectified linear unit.
     *
     * @param alpha the slope for negative inputs, in {@code [0, 1)}; the reference nets use 0.2
     * @return LeakyReLU(alpha)
     * @throws IllegalArgumentException if {@code alpha} is outside {@code [0, 1)} or not finite
     */
    public static ActivationFunction leakyRelu(float alpha) {
        if (!(alpha >= 0f && alpha < 1f)) {
            throw new IllegalArgumentException("LeakyReLU slope must be in [0, 1), got " + alpha);
        }
        return new ActivationFunction(Kind.LEAKY_RELU, alpha);
    }

    /**
     * Returns the sigmoid-weighted linear unit {@code h·σ(h)}.
     *
     * @return SiLU (swish with β = 1)
     */
    public static ActivationFunction silu() {
        return new ActivationFunction(Kind.SILU, 0f);
    }

    /**
     * Returns swish {@code h·σ(β·h)}.
     *
     * @param beta the slope β; 1 gives {@link #silu()}
     * @return swish(β)
     * @throws IllegalArgumentException if {@code beta} is not finite
     */
    public static ActivationFunction swish(float beta) {
        if (!Float.isFinite(beta)) {
            throw new IllegalArgumentException("Swish slope must be finite, got " + beta);
        }
        return beta == 1f ? silu() : new ActivationFunction(Kind.SWISH, beta);
    }

    /**
     * Returns softplus {@code log(1 + e^h)}.
     *
     * @return softplus
     */
    public static ActivationFunction softplus() {
        return new ActivationFunction(Kind.SOFTPLUS, 0f);
    }

    /**
     * Returns the exponential linear unit.
     *
     * @param alpha the saturation value for negative inputs, {@code > 0}; commonly 1
     * @return ELU(alpha)
     * @throws IllegalArgumentException if {@code alpha <= 0} or not finite
     */
    public static ActivationFunction elu(float alpha) {
        if (!(alpha > 0f) || Float.isInfinite(alpha)) {
            throw new IllegalArgumentException(
                    "ELU alpha must be positive and finite, got " + alpha);
        }
        return new ActivationFunction(Kind.ELU, alpha);
    }

    /**
     * Returns the hyperbolic tangent.
     *
     * @return tanh
     */
    public static ActivationFunction tanh() {
        return new ActivationFunction(Kind.TANH, 0f);
    }

    /**
     * Returns the logistic sigmoid.
     *
     * @return sigmoid
     */
    public static ActivationFunction sigmoid() {
        return new ActivationFunction(Kind.SIGMOID, 0f);
    }

    /**
     * Parses a spec as written by {@link #toString()}: {@code relu}, {@code leaky_relu:0.2}, {@code
     * silu} (or {@code swish}), {@code softplus}, {@code elu:1.0}, {@code tanh}, {@code sigmoid},
     * {@code gelu}, {@code selu}, {@code mish}, {@code swish:1.5}, {@code relu6}, {@code
     * softsign}. {@code leaky_relu} alone means slope 0.2; {@code elu} alone means alpha 1; {@code
     * swish} alone is {@code silu}.
     *
     * @param spec the spec, case-insensitive
     * @return the activation
     * @throws IllegalArgumentException if the spec names no supported activation
     */
    public static ActivationFunction parse(String spec) {
        Objects.requireNonNull(spec, "activation spec");
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String name = s;
        String arg = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            name = s.substring(0, colon);
            arg = s.substring(colon + 1);
        }
        try {
            switch (name) {
                case "relu":
                    return relu();
                case "leaky_relu":
                case "leakyrelu":
                    return leakyRelu(arg == null ? 0.2f : Float.parseFloat(arg));
                case "silu":
                    return silu();
                case "swish":
                    return arg == null ? silu() : swish(Float.parseFloat(arg));
                case "gelu":
                    return new ActivationFunction(Kind.GELU, 0f);
                case "selu":
                    return new ActivationFunction(Kind.SELU, 0f);
                case "mish":
                    return new ActivationFunction(Kind.MISH, 0f);
                case "relu6":
                    return new ActivationFunction(Kind.RELU6, 0f);
                case "softsign":
                    return new ActivationFunction(Kind.SOFTSIGN, 0f);
                case "softplus":
                    return softplus();
                case "elu":
                    return elu(arg == null ? 1f : Float.parseFloat(arg));
                case "tanh":
                    return tanh();
                case "sigmoid":
                    return sigmoid();
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Activation '" + spec + "' has a parameter that is not a number", e);
        }
        throw new IllegalArgumentException(
                "Unknown activation '"
                        + spec
                        + "'; expected one of relu, leaky_relu[:slope], silu, softplus,"
                        + " elu[:alpha], tanh, sigmoid, gelu, selu, mish, swish:slope, relu6,"
                        + " softsign");
    }
}
