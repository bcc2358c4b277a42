/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

/** Nearest-neighbour distances on points whose answers are known. */
class NearestNeighbourDistanceTest {

    @Test
    void distancesToTheNearestReferencePoint() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray reference = manager.create(new float[][] {{0, 0}, {10, 0}, {0, 10}});
            // 600 samples: more than one chunk of 256.
            float[][] points = new float[600][];
            float[] expected = new float[600];
            for (int i = 0; i < 600; i++) {
                int kind = i % 3;
                points[i] =
                        kind == 0
                                ? new float[] {3, 4}
                                : kind == 1 ? new float[] {10, 1} : new float[] {-6, 18};
                expected[i] = kind == 0 ? 5f : kind == 1 ? 1f : 10f;
            }
            NDArray distances = NearestNeighbourDistance.nearest(manager.create(points), reference);
            assertArrayEquals(expected, distances.toFloatArray(), 1e-4f);
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            NearestNeighbourDistance.nearest(
                                    manager.zeros(new Shape(2, 3)), reference));
        }
    }
}
