/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import io.github.energygan.util.Scalars;

import java.util.Locale;
import java.util.Objects;

/**
 * An element-wise activation {@code f} together with its derivative {@code f'}, both written as
 * differentiable DJL operations.
 *
 * <p>The derivative is what makes the exact input gradient possible: the vector-Jacobian product of
 * an activation layer is {@code g ⊙ f'(h)}, and because {@code f'(h)} is itself built from NDArray
 * operations, the gradient penalty {@code ||∇_x U(x)||²} gets its parameter gradient from one
 * ordinary (first-order) backward pass. See {@link io.github.energygan.gradient}.
 *
 * <p>Instances are immutable and compare by value. {@link #toString()} gives a spec such as {@code
 * leaky_relu:0.2} that {@link #parse(String)} reads back; configuration files use it.
 */
public final class ActivationFunction {

    /** The supported families. */
    public enum Kind {
        /** {@code max(h, 0)}. */
        RELU,
        /** {@code h} for {@code h > 0}, else {@code α·h}. */
        LEAKY_RELU,
        /** {@code h·σ(h)} (also called swish). */
        SILU,
        /** {@code log(1 + e^h)}. */
        SOFTPLUS,
        /** {@code h} for {@code h > 0}, else {@code α·(e^h - 1)}. */
        ELU,
        /** {@code tanh(h)}. */
        TANH,
        /** {@code 1 / (1 + e^-h)}. */
        SIGMOID
    }

    private final Kind kind;
    private final float alpha;

    private ActivationFunction(Kind kind, float alpha) {
        this.kind = kind;
        this.alpha = alpha;
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
     * silu} (or {@code swish}), {@code softplus}, {@code elu:1.0}, {@code tanh}, {@code sigmoid}.
     * {@code leaky_relu} alone means slope 0.2; {@code elu} alone means alpha 1.
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
                case "swish":
                    return silu();
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
                        + " elu[:alpha], tanh, sigmoid");
    }

    /**
     * Returns the family of this activation.
     *
     * @return the kind
     */
    public Kind getKind() {
        return kind;
    }

    /**
     * Returns the parameter of {@link Kind#LEAKY_RELU} (negative slope) or {@link Kind#ELU}
     * (alpha); 0 for the others.
     *
     * @return alpha
     */
    public float getAlpha() {
        return alpha;
    }

    /**
     * Applies {@code f} element-wise.
     *
     * @param h the pre-activation, any shape
     * @return {@code f(h)}, same shape
     */
    public NDArray apply(NDArray h) {
        switch (kind) {
            case RELU:
                return Activation.relu(h);
            case LEAKY_RELU:
                return Activation.leakyRelu(h, alpha);
            case SILU:
                return h.mul(Activation.sigmoid(h));
            case SOFTPLUS:
                return Activation.softPlus(h);
            case ELU:
                return Activation.elu(h, alpha);
            case TANH:
                return Activation.tanh(h);
            case SIGMOID:
                return Activation.sigmoid(h);
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * Returns {@code f'(h)} element-wise, as differentiable operations (so that a loss built on it
     * can be differentiated once more with an ordinary backward).
     *
     * <p>At the kinks of ReLU and LeakyReLU ({@code h = 0}) the value is that of the left piece,
     * which is what PyTorch's autograd uses.
     *
     * @param h the pre-activation, any shape
     * @return {@code f'(h)}, same shape
     */
    public NDArray derivative(NDArray h) {
        switch (kind) {
            case RELU:
                return h.gt(0f).toType(h.getDataType(), false);
            case LEAKY_RELU:
                return h.gt(0f).toType(h.getDataType(), false).mul(1f - alpha).add(alpha);
            case SILU:
                {
                    // d/dh [h σ(h)] = σ(h) (1 + h (1 - σ(h)))
                    NDArray s = Activation.sigmoid(h);
                    return s.mul(h.mul(s.neg().add(1f)).add(1f));
                }
            case SOFTPLUS:
                return Activation.sigmoid(h);
            case ELU:
                {
                    // exp(min(h, 0)) keeps the unused branch finite, so no inf·0 = NaN in backward.
                    NDArray positive = h.gt(0f).toType(h.getDataType(), false);
                    NDArray negativeBranch = Scalars.mul(Scalars.minimum(h, 0f).exp(), alpha);
                    return positive.add(positive.neg().add(1f).mul(negativeBranch));
                }
            case TANH:
                {
                    NDArray t = Activation.tanh(h);
                    return t.mul(t).neg().add(1f);
                }
            case SIGMOID:
                {
                    NDArray s = Activation.sigmoid(h);
                    return s.mul(s.neg().add(1f));
                }
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * Whether {@link #derivative(NDArray)} is piecewise constant, so that the gradient penalty has
     * no gradient through it (the case of ReLU and LeakyReLU).
     *
     * @return true for ReLU and LeakyReLU
     */
    public boolean isPiecewiseLinear() {
        return kind == Kind.RELU || kind == Kind.LEAKY_RELU;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ActivationFunction)) {
            return false;
        }
        ActivationFunction that = (ActivationFunction) o;
        return kind == that.kind && Float.compare(alpha, that.alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, alpha);
    }

    /**
     * Returns the spec that {@link #parse(String)} reads back, e.g. {@code leaky_relu:0.2}.
     *
     * @return the spec
     */
    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        if (kind == Kind.LEAKY_RELU || kind == Kind.ELU) {
            return name + ':' + alpha;
        }
        return name;
    }
}
