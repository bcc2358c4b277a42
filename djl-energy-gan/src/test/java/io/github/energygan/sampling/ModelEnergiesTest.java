/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.model.Layers;
import io.github.energygan.model.MlpArchitecture;
import io.github.energygan.model.EstimatorSpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The latent and data energies of a model: exact gradients against autograd, and bad input. */
class ModelEnergiesTest {

    /** A bounded generator, so the tanh output's pullback is part of what is checked. */
    private static final EnergyGanArchitecture SMALL =
            new MlpArchitecture(
                    2,
                    3,
                    2f,
                    Layers.of(ActivationFunction.leakyRelu(0.2f), 16, 8),
                    0f,
                    Layers.of(ActivationFunction.relu(), 16, 16),
                    3f,
                    new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(ActivationFunction.leakyRelu(0.2f), 8)));

    private NDManager manager;
    private EnergyGanModel model;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        model = EnergyGanModel.newModel(SMALL, 5);
    }

    @AfterEach
    void tearDown() {
        model.close();
        manager.close();
    }

    private static void assertClose(NDArray expected, NDArray actual) {
        float scale = expected.abs().max().getFloat();
        float error = expected.sub(actual).abs().max().getFloat();
        assertTrue(
                error <= 1e-4f * Math.max(scale, 1f), "max error " + error + " at scale " + scale);
    }

    @Test
    void latentGradientIsExactAgainstAutograd() {
        NDArray z = manager.randomNormal(new Shape(64, 3)).mul(2f);
        for (boolean prior : new boolean[] {true, false}) {
            LatentEnergy exact = new LatentEnergy(model.getBlock(), 1.7f, prior);
            assertTrue(exact.isExact());
            DifferentiableEnergy reference =
                    new DifferentiableEnergy(
                            new Shape(3),
                            v -> {
                                NDArray u = model.energy(model.generateFrom(v)).mul(1.7f);
                                return prior ? u.add(v.square().sum(new int[] {1}).mul(0.5f)) : u;
                            },
                            "autograd reference");
            NDList a = exact.energyAndGradient(z);
            NDList b = reference.energyAndGradient(z);
            assertClose(b.get(0), a.get(0));
            assertClose(b.get(1), a.get(1));
            assertClose(b.get(0), exact.energy(z));
            assertEquals(new Shape(64, 3), a.get(1).getShape());
        }
    }

    @Test
    void dataGradientIsExactAgainstAutograd() {
        NDArray x = manager.randomNormal(new Shape(64, 2)).mul(3f);
        DataEnergy exact = new DataEnergy(model.getBlock().getEnergy(), new Shape(2), 0.5f);
        DifferentiableEnergy reference =
                new DifferentiableEnergy(
                        new Shape(2), v -> model.energy(v).mul(0.5f), "autograd reference");
        NDList a = exact.energyAndGradient(x);
        NDList b = reference.energyAndGradient(x);
        assertClose(b.get(0), a.get(0));
        assertClose(b.get(1), a.get(1));
    }

    @Test
    void latentMalaRunsOnAModelAndSaysWhatItSampled() {
        NDArray z = manager.randomNormal(new Shape(200, 3));
        McmcResult result =
                MalaSampler.builder()
                        .optAdaptiveStepSize(0.05, 50)
                        .setSteps(50)
                        .optSeed(1)
                        .build()
                        .sample(new LatentEnergy(model.getBlock(), 1f, true), z);
        assertEquals(new Shape(200, 3), result.getSamples().getShape());
        assertFalse(result.getSamples().isNaN().any().getBoolean());
        assertTrue(result.getDiagnostics().getEnergy().contains("prior"));
        assertTrue(result.getDiagnostics().summary().contains("MALA"));
        String noPrior = new LatentEnergy(model.getBlock(), 2f, false).toString();
        assertTrue(noPrior.contains("no prior"), noPrior);
    }

    @Test
    void badTemperaturesAndShapesAreNamed() {
        for (float beta : new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> new LatentEnergy(model.getBlock(), beta, true));
            assertTrue(e.getMessage().contains("β"), e.getMessage());
        }
        LatentEnergy energy = new LatentEnergy(model.getBlock(), 1f, true);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> energy.energyAndGradient(manager.zeros(new Shape(4, 2))));
        assertTrue(e.getMessage().contains("(batch >= 1, 3)"), e.getMessage());
    }
}
