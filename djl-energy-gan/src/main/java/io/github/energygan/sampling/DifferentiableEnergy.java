/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import io.github.energygan.gradient.InputGradient;

import java.util.Objects;
import java.util.function.Function;

/**
 * An energy given as any differentiable function of NDArrays, its gradient taken by the engine's
 * automatic differentiation (one first-order backward of {@code sum_i E(x_i)}).
 *
 * <p>Use it for analytic targets and for blocks whose input gradient this library cannot build
 * exactly. A {@link GradientCollector} is opened per evaluation, so it must not be called while
 * another collector is open (the engine allows one at a time); parameters of blocks used inside the
 * function receive (and accumulate) gradients as a side effect, which an optimizer step would later
 * apply: do not interleave it with training of those blocks.
 */
public final class DifferentiableEnergy implements EnergyFunction {

    private final Shape pointShape;
    private final Function<NDArray, NDArray> function;
    private final String description;

    /**
     * Wraps a function.
     *
     * @param pointShape the shape of one point, without the batch axis
     * @param function maps {@code (batch, ...pointShape)} to energies {@code (batch)} or {@code
     *     (batch, 1)}, row by row
     * @param description what the energy is, for diagnostics and error messages
     */
    public DifferentiableEnergy(
            Shape pointShape, Function<NDArray, NDArray> function, String description) {
        this.pointShape = Objects.requireNonNull(pointShape, "pointShape");
        this.function = Objects.requireNonNull(function, "function");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** {@inheritDoc} */
    @Override
    public Shape getPointShape() {
        return pointShape;
    }

    /** {@inheritDoc} */
    @Override
    public NDList energyAndGradient(NDArray x) {
        checkBatch(x);
        NDArray input = x.duplicate();
        input.setRequiresGradient(true);
        NDArray energy;
        try (GradientCollector collector = x.getManager().getEngine().newGradientCollector()) {
            energy = InputGradient.asBatchVector(function.apply(input));
            collector.backward(energy.sum());
        }
        NDArray gradient = input.getGradient().duplicate();
        NDArray detached = energy.stopGradient();
        input.close();
        return new NDList(detached, gradient);
    }

    /** {@inheritDoc} */
    @Override
    public NDArray energy(NDArray x) {
        checkBatch(x);
        return InputGradient.asBatchVector(function.apply(x));
    }

    @Override
    public String toString() {
        return description;
    }
}
