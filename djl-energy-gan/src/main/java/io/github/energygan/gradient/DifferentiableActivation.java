/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import io.github.energygan.util.Scalars;

import java.util.Objects;

/**
 * An element-wise activation {@code f} together with its derivative {@code f'}, both written as
 * differentiable DJL operations.
 *
 * <p>The derivative is what makes the exact input gradient possible: the vector-Jacobian product of
 * an activation layer is {@code g ⊙ f'(h)}, and because {@code f'(h)} is itself built from NDArray
 * operations, the gradient penalty {@code ||∇_x U(x)||²} gets its parameter gradient from one
 * ordinary (first-order) backward pass.
 *
 * <p>{@code f} is computed by DJL's own {@link Activation} functions, so an activation of this
 * class gives the same values as the matching {@code Activation.*Block()} of a user's network;
 * {@link ExactInputGradient} recognises those blocks as activations of this class. This
 * library's networks configure theirs with the subclass {@code
 * io.github.energygan.nn.ActivationFunction}, which adds the specs read from configuration files.
 */
public class DifferentiableActivation {

    /** The supported families; append only, since saved block signatures record the position. */
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
        SIGMOID,
        /** {@code λ·h} for {@code h > 0}, else {@code λ·α·(e^h - 1)}, with the fixed constants. */
        SELU,
        /** {@code h·Φ(h)}, {@code Φ} the standard normal distribution function (exact form). */
        GELU,
        /** {@code h·σ(α·h)} (swish with slope α). */
        SWISH,
        /**
         * Mish as DJL 0.36 computes it, {@code h·tanh(log₂(1 + e^h))}: DJL takes the base-2
         * logarithm where Misra (2019) has the natural one.
         */
        MISH,
        /** {@code min(max(h, 0), 6)}. */
        RELU6,
        /** {@code h / (1 + |h|)}. */
        SOFTSIGN
    }

    /** SELU's scale λ (Klambauer et al. 2017), as PyTorch uses it. */
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;

    /** SELU's α (Klambauer et al. 2017), as PyTorch uses it. */
    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    private static final double INV_SQRT_2 = 0.70710678118654752440;
    private static final double INV_SQRT_2PI = 0.39894228040143267794;
    private static final float INV_LN_2 = (float) (1.0 / Math.log(2.0));

    private final Kind kind;
    private final float alpha;

    /**
     * Creates an activation.
     *
     * @param kind the family
     * @param alpha the family's parameter (LeakyReLU's slope, ELU's α, swish's slope), 0 for the
     *     others
     */
    protected DifferentiableActivation(Kind kind, float alpha) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.alpha = alpha;
    }

    /**
     * Returns an activation of the given family.
     *
     * @param kind the family
     * @param alpha LeakyReLU's slope, ELU's α or swish's slope; ignored by the other families
     * @return the activation
     * @throws IllegalArgumentException if {@code alpha} is not finite where it is used
     */
    public static DifferentiableActivation of(Kind kind, float alpha) {
        boolean parameterised = kind == Kind.LEAKY_RELU || kind == Kind.ELU || kind == Kind.SWISH;
        if (parameterised && !Float.isFinite(alpha)) {
            throw new IllegalArgumentException(kind + " needs a finite parameter, got " + alpha);
        }
        return new DifferentiableActivation(kind, parameterised ? alpha : 0f);
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
     * Returns the parameter of {@link Kind#LEAKY_RELU} (negative slope), {@link Kind#ELU} (α) or
     * {@link Kind#SWISH} (slope); 0 for the others.
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
            case SELU:
                return Activation.selu(h);
            case GELU:
                return Activation.gelu(h);
            case SWISH:
                return Activation.swish(h, alpha);
            case MISH:
                return Activation.mish(h);
            case RELU6:
                return Activation.relu6(h);
            case SOFTSIGN:
                return Activation.softSign(h);
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * Returns {@code f'(h)} element-wise, as differentiable operations (so that a loss built on it
     * can be differentiated once more with an ordinary backward).
     *
     * <p>At the kinks of the piecewise-linear families the value is that of the left piece, which
     * is what PyTorch's autograd uses.
     *
     * @param h the pre-activation, any shape
     * @return {@code f'(h)}, same shape
     */
    public NDArray derivative(NDArray h) {
        switch (kind) {
            case RELU:
                return indicator(h.gt(0f), h);
            case LEAKY_RELU:
                return indicator(h.gt(0f), h).mul(1f - alpha).add(alpha);
            case SILU:
                return swishDerivative(h, 1f);
            case SOFTPLUS:
                return Activation.sigmoid(h);
            case ELU:
                return exponentialLinearDerivative(h, alpha);
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
            case SELU:
                return Scalars.mul(
                        exponentialLinearDerivative(h, (float) SELU_ALPHA), (float) SELU_SCALE);
            case GELU:
                {
                    // d/dh [h Φ(h)] = Φ(h) + h φ(h)
                    NDArray cdf = Scalars.mul(h, (float) INV_SQRT_2).erf().add(1f).mul(0.5f);
                    NDArray pdf =
                            Scalars.mul(h.square().mul(-0.5f).exp(), (float) INV_SQRT_2PI);
                    return cdf.add(h.mul(pdf));
                }
            case SWISH:
                return swishDerivative(h, alpha);
            case MISH:
                {
                    // With sp₂(h) = log₂(1 + e^h) = softplus(h) / ln 2, so sp₂' = σ(h) / ln 2:
                    // d/dh [h tanh(sp₂(h))] = tanh(sp₂) + h (1 - tanh²(sp₂)) σ(h) / ln 2.
                    NDArray t = Activation.tanh(Scalars.mul(Activation.softPlus(h), INV_LN_2));
                    return t.add(
                            Scalars.mul(
                                    h.mul(t.square().neg().add(1f)).mul(Activation.sigmoid(h)),
                                    INV_LN_2));
                }
            case RELU6:
                return indicator(h.gt(0f), h).mul(indicator(h.lt(6f), h));
            case SOFTSIGN:
                {
                    NDArray denominator = h.abs().add(1f);
                    return denominator.square().pow(-1f);
                }
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * Whether {@link #derivative(NDArray)} is piecewise constant, so that the gradient penalty has
     * no gradient through it.
     *
     * @return true for ReLU, LeakyReLU and ReLU6
     */
    public boolean isPiecewiseLinear() {
        return kind == Kind.RELU || kind == Kind.LEAKY_RELU || kind == Kind.RELU6;
    }

    private static NDArray indicator(NDArray condition, NDArray like) {
        return condition.toType(like.getDataType(), false);
    }

    /** {@code d/dh [h σ(βh)] = σ(βh) (1 + βh (1 - σ(βh)))}. */
    private static NDArray swishDerivative(NDArray h, float beta) {
        NDArray scaled = beta == 1f ? h : Scalars.mul(h, beta);
        NDArray s = Activation.sigmoid(scaled);
        return s.mul(scaled.mul(s.neg().add(1f)).add(1f));
    }

    /** The derivative of {@code h} for {@code h > 0}, else {@code α(e^h − 1)}. */
    private static NDArray exponentialLinearDerivative(NDArray h, float alpha) {
        // exp(min(h, 0)) keeps the unused branch finite, so no inf·0 = NaN in backward.
        NDArray positive = indicator(h.gt(0f), h);
        NDArray negativeBranch = Scalars.mul(Scalars.minimum(h, 0f).exp(), alpha);
        return positive.add(positive.neg().add(1f).mul(negativeBranch));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        DifferentiableActivation that = (DifferentiableActivation) o;
        return kind == that.kind && Float.compare(alpha, that.alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, alpha);
    }

    @Override
    public String toString() {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        boolean parameterised = kind == Kind.LEAKY_RELU || kind == Kind.ELU || kind == Kind.SWISH;
        return parameterised ? name + ':' + alpha : name;
    }
}
