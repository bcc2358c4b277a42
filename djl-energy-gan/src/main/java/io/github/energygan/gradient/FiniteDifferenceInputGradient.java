/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import io.github.energygan.engine.PyTorchAutograd;
import io.github.energygan.util.Scalars;

import java.util.ArrayList;
import java.util.List;

/**
 * The gradient penalty for any deterministic energy block, by a finite-difference Hessian-vector
 * product in place of "double backpropagation" (Drucker and LeCun 1992).
 *
 * <p>With {@code v = ∇_x U(x)} held constant, {@code ∇_θ ||∇_x U||² = 2 vᵀ ∇_θ ∇_x U}, and {@code
 * vᵀ ∇_x U(x) ≈ ||v|| · [U(x + h v̂) - U(x - h v̂)] / (2h)} with {@code v̂ = v / ||v||} (central
 * difference, error {@code O(h²)}). The returned squared norm therefore has the value {@code
 * ||v||²} and the parameter gradient {@code 2 ∇_θ s}, where {@code s} is that central difference;
 * nothing of second order is ever recorded.
 *
 * <p>{@code v} itself comes from a first-order autograd probe on a detached copy of {@code x} with
 * the block's parameters frozen for the duration of the probe, so the probe writes no gradient into
 * them. The block must be deterministic (no dropout) for the difference to mean anything; in
 * training mode a batch-norm layer would see its running statistics updated by the extra passes.
 *
 * <p>The difference assumes {@code U} is smooth over {@code [x - h v̂, x + h v̂]}. Across a kink of
 * a piecewise-linear activation (ReLU, LeakyReLU) the difference picks up a spurious term of order
 * {@code 1/h} for the parameters of the unit that switches, so with such activations the estimate
 * is biased whenever a sample lies within {@code h} of a kink: use smooth activations with this
 * strategy, or layers that {@link ExactInputGradient} supports.
 *
 * <p>Costs three forward passes and one probe backward per call, against one forward for the exact
 * strategy: prefer {@link ExactInputGradient} wherever it applies. Nothing in this library picks
 * this strategy by itself; a caller opts in by passing it, for instance to {@code
 * EnergyCritic(Block, InputGradient)}.
 */
public final class FiniteDifferenceInputGradient implements InputGradient {

    /** The default step along {@code v̂}, in input units. */
    public static final float DEFAULT_STEP = 1e-2f;

    private final float step;

    /** Creates the strategy with step {@link #DEFAULT_STEP}. */
    public FiniteDifferenceInputGradient() {
        this(DEFAULT_STEP);
    }

    /**
     * Creates the strategy with the given step.
     *
     * @param step the step {@code h} along the unit gradient direction, in input units; small
     *     enough for the energy to be nearly quadratic over it, large enough for float32 round-off
     *     ({@code ~1e-7 · |U| / h}) to stay small
     * @throws IllegalArgumentException if {@code step} is not positive and finite
     */
    public FiniteDifferenceInputGradient(float step) {
        if (!(step > 0f) || Float.isInfinite(step)) {
            throw new IllegalArgumentException(
                    "Finite-difference step must be positive and finite, got " + step);
        }
        this.step = step;
    }

    /**
     * Returns the step {@code h}.
     *
     * @return the step, in input units
     */
    public float getStep() {
        return step;
    }

    /**
     * Computes {@code ∇_x U(x)} by one first-order autograd pass, detached from any graph and
     * without touching the block's parameter gradients. Works with or without an open gradient
     * collector.
     *
     * @param energy the energy network
     * @param parameterStore the parameter store to read weights from
     * @param x the input, {@code (batch, ...)}
     * @param training whether the forward pass runs in training mode
     * @return {@code ∇_x U(x)}, same shape as {@code x}, with no gradient history; attached to
     *     {@code x}'s manager
     */
    public static NDArray probeGradient(
            Block energy, ParameterStore parameterStore, NDArray x, boolean training) {
        List<Parameter> frozen = new ArrayList<>();
        for (Pair<String, Parameter> pair : energy.getParameters()) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient()) {
                parameter.freeze(true);
                frozen.add(parameter);
            }
        }
        boolean gradMode = PyTorchAutograd.isGradMode();
        PyTorchAutograd.setGradMode(true);
        try (NDManager scope = x.getManager().newSubManager()) {
            NDArray leaf = x.stopGradient().duplicate();
            leaf.attach(scope);
            leaf.setRequiresGradient(true);
            NDArray u =
                    energy.forward(parameterStore, new NDList(leaf), training).singletonOrThrow();
            NDArray total = u.sum();
            NDArray seed = scope.ones(total.getShape(), total.getDataType());
            PyTorchAutograd.backward(total, seed);
            NDArray gradient = leaf.getGradient().duplicate().stopGradient();
            gradient.attach(x.getManager());
            return gradient;
        } finally {
            PyTorchAutograd.setGradMode(gradMode);
            for (Parameter parameter : frozen) {
                parameter.freeze(false);
            }
        }
    }

    /** {@inheritDoc} */
    @Override
    public NDList energyAndSquaredGradientNorm(
            Block energy, ParameterStore parameterStore, NDArray x, boolean training) {
        NDArray v = probeGradient(energy, parameterStore, x, training);
        NDArray u =
                InputGradient.asBatchVector(
                        energy.forward(parameterStore, new NDList(x), training).singletonOrThrow());

        NDArray squaredNorm = InputGradient.squaredNorm(v); // (batch), constant
        NDArray norm = squaredNorm.sqrt();
        Shape broadcast = broadcastShape(x.getShape());
        NDArray safeNorm = Scalars.maximum(norm, 1e-12f).reshape(broadcast);
        NDArray direction = Scalars.mul(v.div(safeNorm), step);
        NDArray uPlus =
                InputGradient.asBatchVector(
                        energy.forward(parameterStore, new NDList(x.add(direction)), training)
                                .singletonOrThrow());
        NDArray uMinus =
                InputGradient.asBatchVector(
                        energy.forward(parameterStore, new NDList(x.sub(direction)), training)
                                .singletonOrThrow());
        // s ≈ vᵀ ∇_x U(x), with v constant: its θ-gradient is vᵀ ∇_θ ∇_x U.
        NDArray s = Scalars.div(uPlus.sub(uMinus).mul(norm), 2f * step);
        NDArray surrogate = squaredNorm.add(Scalars.mul(s.sub(s.stopGradient()), 2f));
        return new NDList(u, surrogate);
    }

    private static Shape broadcastShape(Shape input) {
        long[] dims = new long[input.dimension()];
        dims[0] = input.get(0);
        for (int i = 1; i < dims.length; i++) {
            dims[i] = 1;
        }
        return new Shape(dims);
    }

    @Override
    public String toString() {
        return "finite-difference(h=" + step + ")";
    }
}
