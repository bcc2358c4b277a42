/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.dataset.GaussianGrid;
import io.github.energygan.dataset.GaussianMixture2d;
import io.github.energygan.dataset.GaussianRing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VEEGAN/PacGAN metrics on constructed sample sets whose answers are known. */
class MixtureMetricsTest {

    private NDManager manager;
    private final GaussianMixture2d grid = GaussianGrid.MIXTURE;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void samplesOnEveryModeCoverAllWithZeroKl() {
        NDArray samples = manager.create(GaussianGrid.modes()).repeat(0, 4); // 100 samples
        MixtureQuality q = MixtureMetrics.evaluate(samples, grid);
        assertEquals(25, q.modesCovered());
        assertEquals(25, q.totalModes());
        assertEquals(100, q.highQuality());
        assertEquals(1.0, q.highQualityFraction(), 1e-12);
        assertEquals(0.0, q.reverseKl(), 1e-6);
        for (long count : q.modeCounts()) {
            assertEquals(4, count);
        }
    }

    @Test
    void collapseOntoOneModeGivesLogKOfKl() {
        NDArray samples = manager.create(new float[] {2f, -2f}).reshape(1, 2).repeat(0, 50);
        MixtureQuality q = MixtureMetrics.evaluate(samples, grid);
        assertEquals(1, q.modesCovered());
        assertEquals(Math.log(25), q.reverseKl(), 1e-5);
        assertEquals(50, q.modeCounts()[3 * 5 + 1]); // mode (2, -2): a = 1, b = -1
    }

    @Test
    void threeSigmaIsTheHighQualityBoundary() {
        float sigma = GaussianGrid.SIGMA;
        // Two samples just inside 3σ of (0, 0), two just outside (nearest mode still (0, 0)).
        NDArray samples =
                manager.create(
                        new float[][] {
                            {2.99f * sigma, 0f}, {0f, -2.99f * sigma},
                            {3.01f * sigma, 0f}, {1f, 0.5f}
                        });
        MixtureQuality q = MixtureMetrics.evaluate(samples, grid);
        assertEquals(2, q.highQuality());
        assertEquals(0.5, q.highQualityFraction(), 1e-12);
        assertEquals(1, q.modesCovered());
    }

    @Test
    void noHighQualitySampleGivesInfiniteKl() {
        NDArray samples = manager.create(new float[][] {{1f, 1f}, {-3f, 3f}});
        MixtureQuality q = MixtureMetrics.evaluate(samples, grid);
        assertEquals(0, q.highQuality());
        assertEquals(0, q.modesCovered());
        assertTrue(Double.isInfinite(q.reverseKl()));
    }

    @Test
    void ringModesAndUnevenHistogram() {
        GaussianMixture2d ring = GaussianRing.MIXTURE;
        float[][] modes = GaussianRing.modes();
        // 3 samples on mode 0, 1 on mode 4: q = (3/4, 1/4) → KL = ¾ log(6) + ¼ log(2)
        NDArray samples = manager.create(new float[][] {modes[0], modes[0], modes[0], modes[4]});
        MixtureQuality q = MixtureMetrics.evaluate(samples, ring);
        assertEquals(2, q.modesCovered());
        assertEquals(0.75 * Math.log(6) + 0.25 * Math.log(2), q.reverseKl(), 1e-5);
        assertArrayEquals(new long[] {3, 0, 0, 0, 1, 0, 0, 0}, q.modeCounts());
    }

    @Test
    void badSampleShapesAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> MixtureMetrics.evaluate(manager.zeros(new Shape(5, 3)), grid));
        assertThrows(
                IllegalArgumentException.class,
                () -> MixtureMetrics.evaluate(manager.zeros(new Shape(0, 2)), grid));
    }
}
