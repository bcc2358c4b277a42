/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

/** Step counts at their limits: refused when they cannot be honoured, cheap when they can. */
class SamplerLimitsTest {

    private static void assertRefused(Supplier<?> build, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void stepCountsWhoseSumOverflowsAreRefusedNotWrappedAround() {
        int max = Integer.MAX_VALUE;
        String sum = String.valueOf((long) max + 100);
        assertRefused(
                () -> SampleRequest.builder().optSteps(max).optWarmUpSteps(100).build(),
                "at most " + max,
                sum);
        assertRefused(
                () ->
                        MalaSampler.builder()
                                .setStepSize(0.1)
                                .setSteps(max)
                                .optWarmUpSteps(100)
                                .build(),
                sum);
        assertRefused(
                () ->
                        LangevinSampler.builder()
                                .setStepSize(0.1)
                                .setSteps(100)
                                .optWarmUpSteps(max)
                                .build(),
                sum);
        // The largest honest request still builds.
        SampleRequest.builder().optSteps(max - 100).optWarmUpSteps(100).build();
    }

    @Test
    void aNanStepSizeIsAMistakeNotAutomatic() {
        assertRefused(() -> SampleRequest.builder().optStepSize(Double.NaN), "NaN", "optAuto");
    }

    @Test
    void longRunsKeepABoundedEnergyTraceThatEndsAtTheLastStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            int steps = SamplerDiagnostics.MAX_TRACE + 1;
            McmcResult result =
                    MalaSampler.builder()
                            .setStepSize(0.2)
                            .setSteps(steps)
                            .optSeed(3)
                            .build()
                            .sample(
                                    TargetEnergies.gaussian(manager, new double[] {1, 0, 0, 1}),
                                    manager.zeros(new Shape(2, 2)));
            SamplerDiagnostics diagnostics = result.getDiagnostics();
            assertEquals(2, diagnostics.getEnergyTraceStride());
            float[] trace = diagnostics.getEnergyTrace();
            // The start, every second step, and the odd last one.
            assertEquals(SamplerDiagnostics.MAX_TRACE / 2 + 2, trace.length);
            float last = result.getSamples().square().sum(new int[] {1}).div(2).mean().getFloat();
            assertEquals(last, trace[trace.length - 1], 1e-5f);
        }
    }
}
