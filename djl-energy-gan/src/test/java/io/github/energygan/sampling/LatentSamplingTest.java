/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.model.EstimatorSpec;
import io.github.energygan.model.Layers;
import io.github.energygan.model.MlpArchitecture;
import io.github.energygan.nn.ActivationFunction;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

/**
 * Latent sampling in batches: bounded memory, reproducible, and the same as unbatched where it can
 * be.
 */
class LatentSamplingTest {

    private static final MlpArchitecture SMALL =
            new MlpArchitecture(
                    2,
                    2,
                    1f,
                    Layers.of(ActivationFunction.leakyRelu(0.2f), 16),
                    0f,
                    Layers.of(ActivationFunction.relu(), 16),
                    0f,
                    new EstimatorSpec(
                            EnergyGanArchitecture.Estimator.JSD,
                            Layers.of(ActivationFunction.leakyRelu(0.2f), 8)));

    private static SampleRequest.Builder request(int count) {
        return SampleRequest.builder().setCount(count).optSteps(6).optWarmUpSteps(4).optSeed(9);
    }

    @Test
    void aRequestLargerThanABatchIsDrawnInBatchesThatStartAsAnUnbatchedOne() throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 2);
                NDManager manager = NDManager.newBaseManager()) {
            LatentSampling.Samples single =
                    LatentSampling.sample(model.getBlock(), manager, request(40).build());
            SampleRequest batched = request(100).optBatchSize(40).build();
            LatentSampling.Samples first = LatentSampling.sample(model.getBlock(), manager, batched);
            LatentSampling.Samples again = LatentSampling.sample(model.getBlock(), manager, batched);

            float[] all = first.samples().toFloatArray();
            assertEquals(200, all.length);
            assertArrayEquals(
                    single.samples().toFloatArray(),
                    Arrays.copyOf(all, 80),
                    "the first batch draws what an unbatched request of its size draws");
            assertArrayEquals(all, again.samples().toFloatArray(), "the same seed, the same samples");
            assertFalse(
                    Arrays.equals(Arrays.copyOfRange(all, 0, 80), Arrays.copyOfRange(all, 80, 160)),
                    "each batch has its own draws");
            assertEquals(100, first.rawSamples().getShape().get(0));
            assertEquals(100, first.latent().getShape().get(0));

            SamplerDiagnostics diagnostics = first.diagnostics();
            assertEquals(100, diagnostics.getChains());
            assertEquals(100, diagnostics.getChainAcceptance().length);
            assertEquals(single.diagnostics().getStepSize(), diagnostics.getStepSize());
            assertEquals(11, diagnostics.getEnergyTrace().length);
            assertTrue(batched.toString().contains("in batches of 40"), batched.toString());

            // Raw generator samples, no chains, in batches too.
            LatentSampling.Samples raw =
                    LatentSampling.sample(
                            model.getBlock(),
                            manager,
                            request(100).optSteps(0).optWarmUpSteps(0).optBatchSize(40).build());
            assertArrayEquals(raw.samples().toFloatArray(), raw.rawSamples().toFloatArray());
            assertEquals(null, raw.diagnostics());
        }
    }

    @Test
    void aRequestTooLargeForTheMachineIsRefusedBeforeAnyWork() throws Exception {
        // 2^31 samples of 100,000 features: petabytes, more than any machine holds.
        MlpArchitecture wide =
                new MlpArchitecture(
                        100_000,
                        2,
                        1f,
                        Layers.of(ActivationFunction.leakyRelu(0.2f), 4),
                        0f,
                        Layers.of(ActivationFunction.relu(), 4),
                        0f,
                        SMALL.estimator());
        try (EnergyGanModel model = EnergyGanModel.newModel(wide, 2);
                NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    LatentSampling.sample(
                                            model.getBlock(),
                                            manager,
                                            request(Integer.MAX_VALUE).build()));
            assertTrue(e.getMessage().contains("2147483647 samples"), e.getMessage());
            assertTrue(e.getMessage().contains("draw fewer"), e.getMessage());
        }
        assertThrows(
                IllegalArgumentException.class, () -> request(10).optBatchSize(0).build());
    }
}
