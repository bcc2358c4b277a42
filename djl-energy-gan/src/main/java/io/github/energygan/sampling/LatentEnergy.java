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
import io.github.energygan.gradient.TracedForward;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.nn.EnergyNetwork;
import io.github.energygan.nn.GeneratorNetwork;
import io.github.energygan.util.Scalars;

import java.util.Objects;

/**
 * The latent energy of a trained pair, {@code E(z) = β·U(G(z)) + ||z||²/2} with the prior term, or
 * {@code β·U(G(z))} without it (Kumar et al. 2019). The article and the reference code sample the
 * latter, calling {@code β} an inverse temperature; the prior term (on by default) keeps chains in
 * the region of latent space the generator was trained on.
 *
 * <p>Both networks run in inference mode. When both are built from layers with known
 * vector-Jacobian products ({@link ExactInputGradient#supports}), {@code ∇_z E} is assembled from
 * those products with no autograd at all; otherwise it falls back to one first-order backward (see
 * {@link DifferentiableEnergy} for what that implies).
 */
public final class LatentEnergy implements EnergyFunction {

    private final EnergyNetwork energy;
    private final GeneratorNetwork generator;
    private final Shape pointShape;
    private final float beta;
    private final boolean prior;
    private final boolean exact;
    private final DifferentiableEnergy autograd;

    /**
     * Creates the latent energy of a pair.
     *
     * @param gan the trained pair (its energy and generator are used)
     * @param beta the inverse temperature {@code β > 0}; 1 samples the model itself
     * @param prior whether to add the standard-normal prior term {@code ||z||²/2}
     * @throws IllegalArgumentException if {@code β} is not finite and positive
     */
    public LatentEnergy(EnergyGanBlock gan, float beta, boolean prior) {
        Objects.requireNonNull(gan, "gan");
        this.beta = DataEnergy.checkBeta(beta);
        this.energy = gan.getEnergy();
        this.generator = gan.getGenerator();
        this.pointShape = new Shape(gan.getLatentFeatures());
        this.prior = prior;
        this.exact = ExactInputGradient.supports(energy) && ExactInputGradient.supports(generator);
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

    /**
     * Whether the prior term {@code ||z||²/2} is included.
     *
     * @return true with the prior
     */
    public boolean hasPrior() {
        return prior;
    }

    /**
     * Whether the gradient is assembled exactly from vector-Jacobian products rather than by
     * autograd.
     *
     * @return true for the exact path
     */
    public boolean isExact() {
        return exact;
    }

    /** {@inheritDoc} */
    @Override
    public Shape getPointShape() {
        return pointShape;
    }

    /** {@inheritDoc} */
    @Override
    public NDList energyAndGradient(NDArray z) {
        checkBatch(z);
        if (!exact) {
            return autograd.energyAndGradient(z);
        }
        ParameterStore store = new ParameterStore(z.getManager(), false);
        TracedForward throughGenerator = ExactInputGradient.trace(generator, store, z, false);
        TracedForward throughEnergy =
                ExactInputGradient.trace(energy, store, throughGenerator.getOutput(), false);
        NDArray output = throughEnergy.getOutput();
        NDArray value = Scalars.mul(InputGradient.asBatchVector(output), beta);
        NDArray seed = z.getManager().full(output.getShape(), beta, output.getDataType());
        NDArray gradient = throughGenerator.pullback(throughEnergy.pullback(seed));
        if (prior) {
            value = value.add(Scalars.mul(InputGradient.squaredNorm(z), 0.5f));
            gradient = gradient.add(z);
        }
        return new NDList(value, gradient);
    }

    /** {@inheritDoc} */
    @Override
    public NDArray energy(NDArray z) {
        checkBatch(z);
        return evaluate(z);
    }

    private NDArray evaluate(NDArray z) {
        ParameterStore store = new ParameterStore(z.getManager(), false);
        NDArray x = generator.forward(store, new NDList(z), false).singletonOrThrow();
        NDArray u = energy.forward(store, new NDList(x), false).singletonOrThrow();
        NDArray value = Scalars.mul(InputGradient.asBatchVector(u), beta);
        return prior ? value.add(Scalars.mul(InputGradient.squaredNorm(z), 0.5f)) : value;
    }

    @Override
    public String toString() {
        return "latent energy "
                + (beta == 1f ? "" : beta + "·")
                + "U(G(z))"
                + (prior ? " + ||z||²/2 (with the N(0, I) prior)" : " (no prior term)");
    }
}
