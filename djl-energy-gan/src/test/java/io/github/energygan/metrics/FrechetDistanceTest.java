/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.util.RandomStream;

import org.junit.jupiter.api.Test;

/** The Fréchet distance against closed forms. */
class FrechetDistanceTest {

    private static FrechetDistance.Statistics gaussian(
            NDManager manager, double[] mean, double[][] covariance) {
        return new FrechetDistance.Statistics(
                manager.create(mean), manager.create(covariance), 1000);
    }

    @Test
    void diagonalCovariancesGiveTheSumOfSquaredRootDifferences() {
        try (NDManager manager = NDManager.newBaseManager()) {
            FrechetDistance.Statistics a =
                    gaussian(manager, new double[] {0, 1, 2}, new double[][] {{1, 0, 0}, {0, 4, 0}, {0, 0, 9}});
            FrechetDistance.Statistics b =
                    gaussian(manager, new double[] {1, 1, 0}, new double[][] {{4, 0, 0}, {0, 4, 0}, {0, 0, 1}});
            // |μa − μb|² = 1 + 0 + 4; Σ (√a − √b)² = 1 + 0 + 4.
            assertEquals(10.0, FrechetDistance.between(a, b), 1e-9);
            assertEquals(0.0, FrechetDistance.between(a, a), 1e-9);
        }
    }

    @Test
    void nonCommutingCovariancesMatchTheTwoByTwoClosedForm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // For 2×2 matrices, tr((AB)^½) = sqrt(tr(AB) + 2·sqrt(det A·det B)).
            double[][] first = {{2, 1}, {1, 2}};
            double[][] second = {{1, 0}, {0, 3}};
            double crossTrace = Math.sqrt(8 + 2 * Math.sqrt(3.0 * 3.0));
            double expected = 4 + 4 - 2 * crossTrace;
            FrechetDistance.Statistics a = gaussian(manager, new double[] {0, 0}, first);
            FrechetDistance.Statistics b = gaussian(manager, new double[] {0, 0}, second);
            assertEquals(expected, FrechetDistance.between(a, b), 1e-9);
            assertEquals(expected, FrechetDistance.between(b, a), 1e-9);
        }
    }

    @Test
    void singularCovariancesAreHandled() {
        try (NDManager manager = NDManager.newBaseManager()) {
            FrechetDistance.Statistics a =
                    gaussian(manager, new double[] {0, 0}, new double[][] {{1, 0}, {0, 0}});
            FrechetDistance.Statistics b =
                    gaussian(manager, new double[] {0, 0}, new double[][] {{4, 0}, {0, 0}});
            assertEquals(1.0, FrechetDistance.between(a, b), 1e-9);
            FrechetDistance.Statistics zero =
                    gaussian(manager, new double[] {3, 4}, new double[][] {{0, 0}, {0, 0}});
            // (√1 − 0)² + |μ|² = 1 + 25.
            assertEquals(26.0, FrechetDistance.between(a, zero), 1e-9);
        }
    }

    @Test
    void fittedStatisticsOfSamples() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RandomStream random = RandomStream.seeded(3);
            NDArray x = random.normal(manager, new Shape(4000, 16), DataType.FLOAT32);
            NDArray y = random.normal(manager, new Shape(4000, 16), DataType.FLOAT32);
            assertEquals(0.0, FrechetDistance.between(x, x), 1e-6);
            double same = FrechetDistance.between(x, y);
            // Shifting every feature by 1 adds |shift|² = 16.
            double shifted = FrechetDistance.between(x, y.add(1f));
            assertTrue(same < 0.1, "two samples of N(0, I): " + same);
            assertEquals(16.0 + same, shifted, 0.5);
            // Doubling the spread: Σ (1 − 2)² = 16.
            assertEquals(16.0, FrechetDistance.between(x, y.mul(2f)), 1.0);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> FrechetDistance.between(x, manager.zeros(new Shape(10, 3))));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> FrechetDistance.between(x, manager.zeros(new Shape(1, 16))));
        }
    }
}
