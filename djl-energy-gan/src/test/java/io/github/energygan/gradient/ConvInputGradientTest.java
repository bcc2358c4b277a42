/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.nn.EnergyConv;
import io.github.energygan.nn.GeneratorConv;
import io.github.energygan.sampling.DifferentiableEnergy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The convolutional networks' exact pullbacks, as the MLP ones are checked: the energy's penalty
 * and its parameter gradients against the create-graph reference, and the generator's pullback
 * against autograd. Float64, on odd image sizes (so that every layer needs its own output padding).
 */
class ConvInputGradientTest {

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
    void convEnergyPenaltyMatchesCreateGraphReference() {
        assertExactPenalty(
                new Shape(2, 11, 9), new long[] {3, 4}, ActivationFunction.parse("softplus"), 3, 5);
    }

    @Test
    void leakyReluConvEnergyPenaltyMatchesToo() {
        assertExactPenalty(
                new Shape(1, 12, 12),
                new long[] {4, 6, 5},
                ActivationFunction.leakyRelu(0.2f),
                4,
                6);
    }

    /** The exact penalty and its θ-gradients against the create-graph reference. */
    private void assertExactPenalty(
            Shape image, long[] channels, ActivationFunction activation, int batch, int seed) {
        EnergyConv energy = new EnergyConv(image, channels, activation);
        Engine.getInstance().setRandomSeed(seed);
        energy.initialize(manager, DataType.FLOAT64, new Shape(1).addAll(image));
        NDArray x =
                manager.randomNormal(new Shape(batch).addAll(image))
                        .toType(DataType.FLOAT64, false);
        CreateGraphReference.assertMatchesReference(
                energy, x, ExactInputGradient.INSTANCE, 1e-4, activation.toString());
    }

    @Test
    void convGeneratorPullbackMatchesAutograd() {
        Shape image = new Shape(1, 11, 9);
        GeneratorConv generator = new GeneratorConv(3, image, new long[] {4, 3});
        Engine.getInstance().setRandomSeed(7);
        generator.initialize(manager, DataType.FLOAT64, new Shape(1, 3));
        NDArray z = manager.randomNormal(new Shape(5, 3)).toType(DataType.FLOAT64, false);
        NDArray cotangent =
                manager.randomNormal(new Shape(5).addAll(image)).toType(DataType.FLOAT64, false);
        ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(manager, false);
        TracedForward traced = generator.trace(store, z, false);
        assertEquals(new Shape(5).addAll(image), traced.getOutput().getShape());
        NDArray exact = traced.pullback(cotangent);
        DifferentiableEnergy reference =
                new DifferentiableEnergy(
                        new Shape(3),
                        v ->
                                generator
                                        .forward(store, new ai.djl.ndarray.NDList(v), false)
                                        .singletonOrThrow()
                                        .mul(cotangent)
                                        .reshape(5, -1)
                                        .sum(new int[] {1}),
                        "⟨G(z), g⟩");
        NDArray autograd = reference.energyAndGradient(z).get(1);
        double error = exact.sub(autograd).abs().max().getDouble();
        double scale = autograd.abs().max().getDouble();
        assertTrue(error < 1e-9 * Math.max(1, scale), "max error " + error + " at " + scale);
    }
}
