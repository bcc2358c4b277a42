/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.util.RandomStream;

import org.junit.jupiter.api.Test;

/** The kernel distance on sets whose answer is known. */
class KernelDistanceTest {

    @Test
    void unbiasedEstimateByHand() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[][] {{0}, {1}});
            NDArray y = manager.create(new float[][] {{2}, {3}});
            // k(a, b) = (ab + 1)³: k(0,1) = 1; k(2,3) = 343; k across: 1, 1, 27, 64.
            KernelDistance kid = KernelDistance.between(x, y, 1, 2, 0);
            assertEquals(1 + 343 - 2 * (93 / 4.0), kid.mean(), 1e-9);
            assertEquals(0.0, kid.standardDeviation());
        }
    }

    @Test
    void nearZeroForOneDistributionAndLargeForTwo() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RandomStream random = RandomStream.seeded(5);
            NDArray x = random.normal(manager, new Shape(1500, 8), DataType.FLOAT32);
            NDArray y = random.normal(manager, new Shape(1500, 8), DataType.FLOAT32);
            KernelDistance same = KernelDistance.between(x, y, 7);
            KernelDistance shifted = KernelDistance.between(x, y.add(0.5f), 10, 1000, 7);
            assertEquals(100, same.subsets());
            assertEquals(1000, same.subsetSize());
            assertTrue(Math.abs(same.mean()) < 0.01, same.summary());
            assertTrue(shifted.mean() > 0.1, shifted.summary());
            // Seeded subsets: the same seed repeats, another one draws others.
            KernelDistance few = KernelDistance.between(x, y, 10, 500, 7);
            assertEquals(few, KernelDistance.between(x, y, 10, 500, 7));
            assertNotEquals(few.mean(), KernelDistance.between(x, y, 10, 500, 8).mean());
            assertThrows(
                    IllegalArgumentException.class, () -> KernelDistance.between(x, y, 1, 1501, 0));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> KernelDistance.between(x, manager.zeros(new Shape(10, 3)), 0));
        }
    }
}
