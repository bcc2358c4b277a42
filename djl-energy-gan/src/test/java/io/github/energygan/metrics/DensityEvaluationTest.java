/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.dataset.GaussianGrid;
import io.github.energygan.dataset.GaussianMixture2d;
import io.github.energygan.dataset.GaussianRing;

import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

/** The density figures of energies whose density is known. */
class DensityEvaluationTest {

    /** {@code −log Σ_k exp(−||x − m_k||² / 2σ²)}: the true mixture's energy, up to a constant. */
    private static UnaryOperator<NDArray> trueEnergy(GaussianMixture2d mixture) {
        return x -> {
            NDArray modes = x.getManager().create(mixture.getModes());
            NDArray d2 = x.expandDims(1).sub(modes.expandDims(0)).square().sum(new int[] {2});
            NDArray exponents = d2.div(-2f * mixture.getSigma() * mixture.getSigma());
            NDArray max = exponents.max(new int[] {1}, true);
            return exponents.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1)).neg();
        };
    }

    @Test
    void theTrueEnergyScoresAsTheTrueDensity() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (GaussianMixture2d mixture :
                    new GaussianMixture2d[] {GaussianGrid.MIXTURE, GaussianRing.MIXTURE}) {
                NDArray training = points(manager, mixture, 10_000, 1);
                NDArray heldOut = points(manager, mixture, 2_000, 2);
                DensityQuality q =
                        new DensityEvaluation(mixture)
                                .evaluate(trueEnergy(mixture), training, heldOut);
                // The grid's sum is the integral to well under a hundredth of a nat.
                assertEquals(q.trueNll(), q.heldOutNll(), 0.01, q.summary());
                assertEquals(mixture.getModes().length, q.strictMinima(), q.summary());
                assertEquals(q.modes(), q.strictMinima());
                assertEquals(0.989, q.massNearModes(), 0.005, q.summary());
                assertTrue(q.meanBarrier() > 100, q.summary());
                assertTrue(q.kdeNll() > q.trueNll() + 1, q.summary());
            }
        }
    }

    @Test
    void aFlatEnergyIsUniformOnTheWindowAndHasNoWells() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GaussianMixture2d grid = GaussianGrid.MIXTURE;
            DensityEvaluation evaluation = new DensityEvaluation(grid);
            double[] w = evaluation.window();
            DensityQuality q =
                    evaluation.evaluate(
                            x -> x.getManager().zeros(new Shape(x.getShape().get(0))),
                            points(manager, grid, 1_000, 1),
                            points(manager, grid, 1_000, 2));
            double area = (w[1] - w[0]) * (w[3] - w[2]);
            assertEquals(Math.log(area), q.heldOutNll(), 0.02, q.summary());
            assertEquals(4.97, q.heldOutNll(), 0.02);
            assertEquals(0, q.strictMinima());
            assertEquals(0, q.meanBarrier(), 1e-9);
            // 25 discs of radius 3σ = 0.15 on the window.
            assertEquals(25 * Math.PI * 0.15 * 0.15 / area, q.massNearModes(), 5e-4, q.summary());
        }
    }

    @Test
    void theKdePeerMatchesSciPysGaussianKde() {
        // scipy.stats.gaussian_kde (Silverman's factor) on 10,000 grid points, 5,000 held out,
        // gives 4.06 nats/point; our points come from another generator, hence the tolerance.
        try (NDManager manager = NDManager.newBaseManager()) {
            double nll =
                    DensityEvaluation.kdeNll(
                            points(manager, GaussianGrid.MIXTURE, 10_000, 1),
                            points(manager, GaussianGrid.MIXTURE, 5_000, 2));
            assertEquals(4.06, nll, 0.1);
        }
    }

    private static NDArray points(
            NDManager manager, GaussianMixture2d mixture, int size, long seed) {
        if (mixture == GaussianGrid.MIXTURE) {
            return GaussianGrid.builder()
                    .setManager(manager)
                    .optSize(size)
                    .optSeed(seed)
                    .build()
                    .getPoints();
        }
        return GaussianRing.builder()
                .setManager(manager)
                .optSize(size)
                .optSeed(seed)
                .build()
                .getPoints();
    }
}
