/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import io.github.energygan.dataset.GaussianRing;
import io.github.energygan.metrics.MixtureMetrics;
import io.github.energygan.metrics.MixtureQuality;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.preset.EnergyGanPreset;
import io.github.energygan.training.EnergyGanTrainer;

import org.junit.jupiter.api.Test;

/**
 * The 8-Gaussian ring on the demo's preset, squeezed to a quarter of its iterations: training must
 * find the ring. (The full 25-grid protocol runs from {@code energy-gan demo}; its figures are in
 * docs/benchmarks.md.)
 */
class RingBenchmarkTest {

    private static final int ITERATIONS = 2000;

    @Test
    void theDemoPresetFindsTheRingInAQuarterOfItsSchedule() throws Exception {
        EnergyGanPreset preset = EnergyGanPreset.FAST_2D;
        try (NDManager manager = NDManager.newBaseManager()) {
            GaussianRing ring = GaussianRing.builder().setManager(manager).optSeed(0).build();
            try (EnergyGanModel model =
                    EnergyGanModel.newModel(preset.architecture(ring.getStandardDeviation()), 0)) {
                new EnergyGanTrainer(model, preset.trainingConfig(ITERATIONS).optSeed(0).build())
                        .fit(ring);
                Engine.getInstance().setRandomSeed(1);
                MixtureQuality quality =
                        MixtureMetrics.evaluate(
                                model.generate(manager, MixtureMetrics.PROTOCOL_SAMPLES), ring);
                System.out.println("ring, " + ITERATIONS + " iterations: " + quality.summary());
                // A quarter of the demo's schedule is not enough to be sure of all eight modes:
                // runs are not bit-reproducible (MKL picks kernels by CPU and alignment), and
                // 2,000-iteration runs of this very setting have ended anywhere from 5/8 modes
                // and 2.4 % high-quality to 8/8 and 87 %. (The full demo's 8/8 is measured by
                // `energy-gan demo --dataset ring-8`; see docs/benchmarks.md.) What must always hold is
                // that training found the ring: an untrained generator covers 0 modes with 0 %
                // high-quality samples, and uniform samples over the ring's square would be
                // high-quality 0.25 % of the time.
                assertTrue(
                        quality.modesCovered() >= 4,
                        "at least half the modes: " + quality.summary());
                assertTrue(
                        quality.highQualityFraction() > 0.01,
                        "four times uniform's high-quality share: " + quality.summary());
            }
        }
    }
}
