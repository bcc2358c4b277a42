/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import io.github.energygan.dataset.GaussianRing;
import io.github.energygan.metrics.MixtureMetrics;
import io.github.energygan.metrics.MixtureQuality;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.model.EnergyGanPreset;
import io.github.energygan.training.EnergyGanTrainer;

import org.junit.jupiter.api.Test;

/**
 * The 8-Gaussian ring on the demo's preset, squeezed to a quarter of its iterations: every mode
 * must be found, with samples concentrated on them. (The full
 * 25-grid protocol runs from {@code energy-gan demo}; its figures are in the README.)
 */
class RingBenchmarkTest {

    private static final int ITERATIONS = 2000;

    @Test
    void theDemoPresetFindsAllEightModesOfTheRing() throws Exception {
        EnergyGanPreset preset = EnergyGanPreset.FAST_2D;
        try (NDManager manager = NDManager.newBaseManager()) {
            GaussianRing ring = GaussianRing.builder().setManager(manager).optSeed(0).build();
            try (EnergyGanModel model =
                    EnergyGanModel.newModel(preset.architecture(ring.getStandardDeviation()), 0)) {
                new EnergyGanTrainer(
                                model,
                                preset.trainingConfig(ITERATIONS).optSeed(0)
                                        .build())
                        .fit(ring);
                Engine.getInstance().setRandomSeed(1);
                MixtureQuality quality =
                        MixtureMetrics.evaluate(
                                model.generate(manager, MixtureMetrics.PROTOCOL_SAMPLES), ring);
                assertEquals(8, quality.modesCovered(), quality.summary());
                // A quarter of the demo's schedule finds the modes but has not sharpened them yet
                // (16-17 % high-quality seen here; the CLI's 2,000-iteration runs of seeds 0 and 1
                // reached 62 and 87 %, the full demo 95 %, see the README). Uniform samples over
                // the ring's square would be high-quality 0.25 % of the time.
                assertTrue(quality.highQualityFraction() > 0.05, quality.summary());
                // KL(modes of high-quality samples || uniform) = ln 8 - H, so exp(H) = 8 exp(-KL)
                // is the effective number of modes the mass is spread over. Require at least 5 of
                // the 8: KL < ln(8/5). (Runs are not bit-reproducible across machines: MKL picks
                // kernels by CPU; 0.30, an effective 5.9 modes, was seen on CI.)
                assertTrue(quality.reverseKl() < Math.log(8.0 / 5.0), quality.summary());
            }
        }
    }
}
