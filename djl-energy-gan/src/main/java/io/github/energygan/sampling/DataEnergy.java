/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import io.github.energygan.gradient.ExactInputGradient;
import io.github.energygan.gradient.InputGradient;
import io.github.energygan.nn.EnergyNetwork;
import io.github.energygan.util.Scalars;

import java.util.Objects;

/**
 * The data-space energy {@code E(x) = β·U(x)} of an energy network, in inference mode: the samplers
 * then draw from {@code p(x) ∝ exp(-β U(x))} directly, with no generator.
 *
 * <p>The gradient is exact ({@link ExactInputGradient}) when the network supports it, otherwise it
 * comes from one first-order backward (see {@link DifferentiableEnergy}).
 */
public final class DataEnergy implements EnergyFunction {

    private final EnergyNetwork energy;
    private final Shape pointShape;
    private final float beta;
    private final boolean exact;
    private final DifferentiableEnergy autograd;

    /**
     * Creates the data-space energy of a network.
     *
     * @param energy the energy network {@code U}
     * @param pointShape the shape of one data point, without the batch axis
     * @param beta the inverse temperature {@code β > 0}
     * @throws IllegalArgumentException if {@code β} is not finite and positive
     */
    public DataEnergy(EnergyNetwork energy, Shape pointShape, float beta) {
        this.energy = Objects.requireNonNull(energy, "energy");
        this.pointShape = Objects.requireNonNull(pointShape, "pointShape");
        this.beta = checkBeta(beta);
        this.exact = ExactInputGradient.supports(energy);
        this.autograd =
                exact ? null : new DifferentiableEnergy(pointShape, this::evaluate, toString());
    }

    /**
     * Returns the inverse temperature.
     *
     * @return {@code β}
     */
    public float getBeta() {
        return beta;
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
        if (!exact) {
            return autograd.energyAndGradient(x);
        }
        ParameterStore store = new ParameterStore(x.getManager(), false);
        NDList both = ExactInputGradient.INSTANCE.energyAndGradient(energy, store, x, false);
        return new NDList(Scalars.mul(both.get(0), beta), Scalars.mul(both.get(1), beta));
    }

    /** {@inheritDoc} */
    @Override
    public NDArray energy(NDArray x) {
        checkBatch(x);
        return evaluate(x);
    }

    private NDArray evaluate(NDArray x) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        NDArray u = energy.forward(store, new NDList(x), false).singletonOrThrow();
        return Scalars.mul(InputGradient.asBatchVector(u), beta);
    }

    @Override
    public String toString() {
        return "data energy " + (beta == 1f ? "" : beta + "·") + "U(x)";
    }

    static float checkBeta(float beta) {
        if (!(beta > 0f) || Float.isInfinite(beta)) {
            throw new IllegalArgumentException(
                    "The inverse temperature β must be finite and > 0, got "
                            + beta
                            + "; use 1 to sample the model itself, larger values to sharpen it");
        }
        return beta;
    }
}
