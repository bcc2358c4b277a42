/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.metrics.MixtureMetrics;
import io.github.energygan.metrics.MixtureQuality;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded datasets: sizes, seeds, and that they are the mixtures they claim to be. */
class ToyDatasetsTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void gridPointsAreTheMixture() {
        GaussianGrid grid = GaussianGrid.builder().setManager(manager).optSize(20_000).optSeed(3).build();
        assertEquals(20_000, grid.size());
        NDArray points = grid.getPoints();
        assertEquals(new Shape(20_000, 2), points.getShape());
        // Under the protocol, real data is ~99.7 % high quality (3σ in 2-D: 1 - e^{-4.5} = 98.9 %).
        MixtureQuality q = MixtureMetrics.evaluate(points, grid);
        assertEquals(25, q.modesCovered());
        double expected = 1 - Math.exp(-4.5);
        // binomial standard error on 20,000 draws ≈ 0.0007: allow 5 of them
        assertEquals(expected, q.highQualityFraction(), 0.004);
        assertTrue(q.reverseKl() < 0.01, "near-uniform components: " + q.reverseKl());
        // per-axis noise σ: std of (x - mode) over all points
        NDArray modes = manager.create(GaussianGrid.modes());
        NDArray labels = grid.getComponents();
        NDArray residual = points.sub(modes.get(labels));
        double std = Math.sqrt(residual.square().mean().getFloat());
        assertEquals(GaussianGrid.SIGMA, std, 0.001);
    }

    @Test
    void ringCoversItsEightModes() {
        GaussianRing ring = GaussianRing.builder().setManager(manager).optSize(4000).build();
        MixtureQuality q = MixtureMetrics.evaluate(ring.getPoints(), ring);
        assertEquals(8, q.modesCovered());
        NDArray radius = ring.getPoints().square().sum(new int[] {1}).sqrt();
        assertEquals(1.0, radius.mean().getFloat(), 0.002);
    }

    @Test
    void swissRollLiesOnTheRoll() {
        SwissRoll roll = SwissRoll.builder().setManager(manager).optSize(5000).optSeed(1).build();
        NDArray points = roll.getPoints();
        NDArray radius = points.square().sum(new int[] {1}).sqrt();
        // |x| = t/5 + noise with t in [1.5π, 4.5π]
        assertTrue(radius.min().getFloat() > 1.5 * Math.PI / 5 - 0.25);
        assertTrue(radius.max().getFloat() < 4.5 * Math.PI / 5 + 0.25);
        NDArray labels = roll.getComponents();
        assertEquals(0, labels.min().getLong());
        assertEquals(9, labels.max().getLong());
    }

    @Test
    void sameSeedSameData_otherSeedOtherData() {
        float[] a = GaussianGrid.builder().setManager(manager).optSize(100).optSeed(5).build().getPoints().toFloatArray();
        float[] b = GaussianGrid.builder().setManager(manager).optSize(100).optSeed(5).build().getPoints().toFloatArray();
        float[] c = GaussianGrid.builder().setManager(manager).optSize(100).optSeed(6).build().getPoints().toFloatArray();
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void byNameFindsEachDatasetAndNamesTheChoicesOtherwise() {
        assertTrue(ToyDataset2d.byName("grid-25", manager, 10, 0, 5) instanceof GaussianGrid);
        assertTrue(ToyDataset2d.byName("ring-8", manager, 10, 0, 5) instanceof GaussianRing);
        assertTrue(ToyDataset2d.byName("swiss-roll", manager, 10, 0, 5) instanceof SwissRoll);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ToyDataset2d.byName("moons", manager, 10, 0, 5));
        assertTrue(e.getMessage().contains("grid-25"), e.getMessage());
    }

    @Test
    void badSizesAndMissingManagerAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> GaussianGrid.builder().setManager(manager).optSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> SwissRoll.builder().build());
    }
}
