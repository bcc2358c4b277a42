/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training.listener;

import java.util.Locale;

/**
 * What an energy GAN looks like at one iteration (from its last energy step and its generator
 * step).
 *
 * @param iteration the 1-based iteration
 * @param energyData mean {@code U(x_data)}
 * @param energyModel mean {@code U(G(z))} on the energy step's model samples
 * @param penalty {@code λ · mean ||∇_x U(x_data)||²}
 * @param squaredGradientNorm {@code mean ||∇_x U(x_data)||²}
 * @param energyLoss the energy step's loss
 * @param generatorEnergy mean {@code U(G(z))} in the generator step
 * @param mutualInformation the estimator's {@code Î(X; Z)}, NaN without an estimator
 * @param generatorLoss the generator step's loss
 */
public record EnergyStatistics(
        long iteration,
        double energyData,
        double energyModel,
        double penalty,
        double squaredGradientNorm,
        double energyLoss,
        double generatorEnergy,
        double mutualInformation,
        double generatorLoss) {

    /**
     * Returns the energy gap {@code mean U(x_model) - mean U(x_data)}: positive when the energy
     * tells data from samples.
     *
     * @return the gap
     */
    public double gap() {
        return energyModel - energyData;
    }

    /**
     * Returns a one-line summary.
     *
     * @return e.g. {@code U(data)=-1.20 U(G)=0.35 gap=1.55 penalty=0.012 MI=0.61}
     */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "U(data)=%.3f U(G)=%.3f gap=%.3f penalty=%.4f MI=%.3f",
                energyData,
                energyModel,
                gap(),
                penalty,
                mutualInformation);
    }
}
