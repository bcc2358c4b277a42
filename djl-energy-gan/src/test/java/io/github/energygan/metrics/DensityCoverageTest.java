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

/** Density and coverage on sets whose answer is known. */
class DensityCoverageTest {

    @Test
    void countsBallsOnALattice() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[][] lattice = new float[10][];
            for (int i = 0; i < 10; i++) {
                lattice[i] = new float[] {i};
            }
            // k = 1: every ball has radius 1. Sample 0 lies in the balls of 0 and 1, sample 0.5
            // in the same two, sample 100 in none.
            try (DensityCoverage dc = DensityCoverage.fit(manager.create(lattice), 1)) {
                DensityCoverage.Result result =
                        dc.measure(manager.create(new float[][] {{0}, {0.5f}, {100}}));
                assertEquals(4 / 3.0, result.density(), 1e-6);
                assertEquals(0.2, result.coverage(), 1e-9);
                assertEquals(3, result.samples());
                assertThrows(
                        IllegalArgumentException.class,
                        () -> dc.measure(manager.zeros(new Shape(2, 2))));
            }
            assertThrows(
                    IllegalArgumentException.class,
                    () -> DensityCoverage.fit(manager.zeros(new Shape(5, 2)), 5));
        }
    }

    @Test
    void realSamplesScoreAboutOneAndDroppedModesLowerCoverage() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RandomStream random = RandomStream.seeded(11);
            // Two well-separated clusters in 8 dimensions, 1,000 points each.
            NDArray offsets =
                    manager.full(new Shape(1000, 8), -10f)
                            .concat(manager.full(new Shape(1000, 8), 10f));
            NDArray reference =
                    random.normal(manager, new Shape(2000, 8), DataType.FLOAT32).add(offsets);
            NDArray fresh =
                    random.normal(manager, new Shape(2000, 8), DataType.FLOAT32).add(offsets);
            try (DensityCoverage dc =
                    DensityCoverage.fit(reference, DensityCoverage.DEFAULT_NEIGHBOURS)) {
                DensityCoverage.Result real = dc.measure(fresh);
                assertEquals(1.0, real.density(), 0.15, "density of real samples");
                assertTrue(real.coverage() > 0.9, "coverage of real samples " + real.coverage());
                // Only the first cluster: half the balls stay empty.
                DensityCoverage.Result half = dc.measure(fresh.get(":1000"));
                assertEquals(0.5, half.coverage(), 0.05);
                assertEquals(1.0, half.density(), 0.15);
            }
        }
    }
}
