/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import io.github.energygan.util.Scalars;

/**
 * The InfoGAN variational lower bound on {@code I(X; Z)} (Chen et al. 2016; the article's
 * alternative to the JSD estimator): with an encoder and {@code p(z | x) = N(Enc(x), σ²I)}, {@code
 * I(X; Z) ≥ H(Z) + E log p(z | G(z))}, so maximising the bound amounts to minimising {@code λ₂ ·
 * mean ||z - Enc(G(z))||²}, which is this loss.
 *
 * <p>{@link #estimate} reports the bound for {@code σ = 1} and {@code z ~ N(0, I_k)}: {@code k/2 -
 * mean ||z - Enc(G(z))||² / 2} nats.
 *
 * <p>Convention: {@code labels} are ignored. {@code predictions[1]} = {@code ||z - Enc(G(z))||²}
 * per sample, {@code (batch)}. Output: a scalar.
 */
public class InfoGanMutualInformation extends MutualInformationLoss {

    private final long latentFeatures;

    /**
     * Creates the bound.
     *
     * @param weight {@code λ₂ > 0}
     * @param latentFeatures the latent dimension {@code k}, for {@link #estimate}
     * @throws IllegalArgumentException if a value is out of range
     */
    public InfoGanMutualInformation(float weight, long latentFeatures) {
        this(Schedule.constant(checkWeight("InfoGanMutualInformation", weight)), latentFeatures);
    }

    /**
     * Creates the bound with a weight that follows a schedule over training.
     *
     * @param weight {@code λ₂ > 0} as a function of the iteration
     * @param latentFeatures the latent dimension {@code k}, for {@link #estimate}
     * @throws IllegalArgumentException if {@code latentFeatures} is out of range
     */
    public InfoGanMutualInformation(Schedule weight, long latentFeatures) {
        super("InfoGanMutualInformation", weight);
        if (latentFeatures <= 0) {
            throw new IllegalArgumentException(
                    "Latent features must be > 0, got " + latentFeatures);
        }
        this.latentFeatures = latentFeatures;
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return Scalars.mul(reconstructionError(predictions).mean(), getWeight());
    }

    /** {@inheritDoc} */
    @Override
    public NDArray estimate(NDList predictions) {
        return Scalars.mul(reconstructionError(predictions).mean(), -0.5f).add(latentFeatures / 2f);
    }

    private NDArray reconstructionError(NDList predictions) {
        return Predictions.vector(getName(), predictions, 1, "||z - Enc(G(z))||²");
    }
}
