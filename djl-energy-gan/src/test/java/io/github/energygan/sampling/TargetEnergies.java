/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Energies whose distributions are known in closed form, written as NDArray operations. */
final class TargetEnergies {

    private TargetEnergies() {}

    /**
     * A zero-mean Gaussian, {@code E(x) = ½ xᵀ Σ⁻¹ x}.
     *
     * @param manager holds the precision matrix
     * @param covariance the 2×2 covariance, row-major
     */
    static EnergyFunction gaussian(NDManager manager, double[] covariance) {
        double det = covariance[0] * covariance[3] - covariance[1] * covariance[2];
        float[] precision = {
            (float) (covariance[3] / det),
            (float) (-covariance[1] / det),
            (float) (-covariance[2] / det),
            (float) (covariance[0] / det)
        };
        NDArray p = manager.create(precision, new Shape(2, 2));
        return new DifferentiableEnergy(
                new Shape(2), x -> x.matMul(p).mul(x).sum(new int[] {1}).mul(0.5f), "Gaussian");
    }

    /**
     * An isotropic two-component mixture {@code w₁N(μ₁, σ²I) + w₂N(μ₂, σ²I)}, by a stable
     * log-sum-exp (the larger term factored out).
     */
    static EnergyFunction mixture(
            NDManager manager, float w1, float[] mu1, float[] mu2, float sigma) {
        NDArray m1 = manager.create(mu1);
        NDArray m2 = manager.create(mu2);
        float logW1 = (float) Math.log(w1);
        float logW2 = (float) Math.log(1 - w1);
        return new DifferentiableEnergy(
                new Shape(2),
                x -> {
                    NDArray l1 = componentLog(x, m1, sigma).add(logW1);
                    NDArray l2 = componentLog(x, m2, sigma).add(logW2);
                    NDArray top = l1.maximum(l2);
                    NDArray spread = l1.sub(top).exp().add(l2.sub(top).exp());
                    return top.add(spread.log()).neg();
                },
                "mixture");
    }

    /** {@code log N(x; μ, σ²I)} up to the shared normalising constant. */
    static NDArray componentLog(NDArray x, NDArray mu, float sigma) {
        return x.sub(mu).square().sum(new int[] {1}).div(-2f * sigma * sigma);
    }

    /**
     * The twisted Gaussian (Haario et al. 1999): {@code x₁ ~ N(0, a²)}, {@code x₂ | x₁ ~ N(b(x₁² −
     * a²), 1)}, so {@code E(x) = x₁²/(2a²) + (x₂ − b(x₁² − a²))²/2}.
     */
    static EnergyFunction banana(float aSquared, float b) {
        return new DifferentiableEnergy(
                new Shape(2),
                x -> {
                    NDArray x1 = x.get(":, 0");
                    NDArray x2 = x.get(":, 1");
                    NDArray bend = x2.sub(x1.square().sub(aSquared).mul(b));
                    return x1.square().div(2 * aSquared).add(bend.square().mul(0.5f));
                },
                "banana");
    }
}
