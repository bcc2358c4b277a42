/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.nn.EnergyNetwork;
import io.github.energygan.scoring.EnergyScorer;
import io.github.energygan.util.Scalars;

import java.util.Objects;

/**
 * The data-space energy {@code E(x) = β·U(x)} of an energy network, in inference mode: the samplers
 * then draw from {@code p(x) ∝ exp(-β U(x))} directly, with no generator.
 *
 * <p>{@link EnergyScorer} computes {@code U} and its gradient; this class scales them by {@code β}
 * for the samplers.
 */
public final class DataEnergy implements EnergyFunction {

    private final EnergyScorer scorer;
    private final Shape pointShape;
    private final float beta;

    /**
     * Creates the data-space energy of a network.
     *
     * @param energy the energy network {@code U}
     * @param pointShape the shape of one data point, without the batch axis
     * @param beta the inverse temperature {@code β > 0}
     * @throws IllegalArgumentException if {@code β} is not finite and positive
     */
    public DataEnergy(EnergyNetwork energy, Shape pointShape, float beta) {
        this.scorer = new EnergyScorer(energy);
        this.pointShape = Objects.requireNonNull(pointShape, "pointShape");
        this.beta = checkBeta(beta);
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
        NDList both = scorer.energiesAndGradients(x);
        return new NDList(Scalars.mul(both.get(0), beta), Scalars.mul(both.get(1), beta));
    }

    /** {@inheritDoc} */
    @Override
    public NDArray energy(NDArray x) {
        checkBatch(x);
        return Scalars.mul(scorer.energies(x), beta);
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
