/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.nn.EnergyMlp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The leak-free penalty strategies against PyTorch's create-graph double backward, on tiny nets:
 * penalty values and parameter gradients. In float64, so that the tolerances measure the method
 * (exact: round-off only; finite difference: its O(h²) truncation), not float32 cancellation.
 */
class InputGradientTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private EnergyMlp tinyEnergy(ActivationFunction activation, int seed) {
        EnergyMlp energy =
                EnergyMlp.builder()
                        .setInputFeatures(3)
                        .optHiddenWidths(8, 6)
                        .optActivation(activation)
                        .build();
        Engine.getInstance().setRandomSeed(seed);
        energy.initialize(manager, DataType.FLOAT64, new Shape(1, 3));
        return energy;
    }

    private NDArray batch(int seed) {
        Engine.getInstance().setRandomSeed(seed + 100);
        return manager.randomNormal(new Shape(16, 3)).mul(1.5f).toType(DataType.FLOAT64, false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"leaky_relu:0.2", "relu", "silu", "softplus", "elu:1.0", "tanh", "sigmoid"})
    void exactPenaltyMatchesCreateGraphReference(String activation) {
        EnergyMlp energy = tinyEnergy(ActivationFunction.parse(activation), 7);
        NDArray x = batch(7);
        CreateGraphReference.assertMatchesReference(
                energy, x, ExactInputGradient.INSTANCE, 1e-4, activation);
    }

    @Test
    void gaussianBaseMeasureIsInTheEnergyAndItsExactGradient() {
        EnergyMlp plain = tinyEnergy(ActivationFunction.softplus(), 13);
        EnergyMlp based =
                EnergyMlp.builder()
                        .setInputFeatures(3)
                        .optHiddenWidths(8, 6)
                        .optActivation(ActivationFunction.softplus())
                        .optDataScale(2f)
                        .optBasePrecision(0.5f)
                        .build();
        Engine.getInstance().setRandomSeed(13);
        based.initialize(manager, DataType.FLOAT64, new Shape(1, 3));
        NDArray x = batch(13);
        ParameterStore store = new ParameterStore(manager, false);
        // Same seed, same perceptron: the energies differ by exactly (ρ/2)·‖x/s‖² = ‖x‖²/16.
        NDArray difference =
                based.forward(store, new NDList(x), false)
                        .singletonOrThrow()
                        .sub(
                                plain.getMlp()
                                        .forward(store, new NDList(x.div(2)), false)
                                        .singletonOrThrow()
                                        .squeeze(1));
        NDArray expected = x.square().sum(new int[] {1}).div(16);
        assertTrue(difference.sub(expected).abs().max().getDouble() < 1e-9, "base term");
        CreateGraphReference.assertMatchesReference(
                based, x, ExactInputGradient.INSTANCE, 1e-4, "Gaussian base");
    }

    @Test
    void negativeBasePrecisionIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                EnergyMlp.builder()
                                        .setInputFeatures(3)
                                        .optBasePrecision(-1f)
                                        .build());
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"softplus", "tanh", "silu", "elu:1.0", "sigmoid"})
    void finiteDifferencePenaltyMatchesCreateGraphReference(String activation) {
        EnergyMlp energy = tinyEnergy(ActivationFunction.parse(activation), 11);
        NDArray x = batch(11);
        CreateGraphReference.assertMatchesReference(
                energy, x, new FiniteDifferenceInputGradient(1e-2f), 1e-2, activation);
    }

    @Test
    void opaqueBlocksAreRefusedUnlessFiniteDifferencesAreChosen() {
        // A lambda added as a bare function hides what it computes: no exact rule is known.
        SequentialBlock opaque =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(8).build())
                        .add(Activation::tanh)
                        .add(Linear.builder().setUnits(1).build());
        Engine.getInstance().setRandomSeed(3);
        opaque.initialize(manager, DataType.FLOAT64, new Shape(1, 3));
        assertFalse(ExactInputGradient.supports(opaque));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> InputGradient.forBlock(opaque));
        assertTrue(e.getMessage().contains("02LambdaBlock"), e.getMessage());
        assertTrue(e.getMessage().contains("'anonymous'"), e.getMessage());
        assertTrue(e.getMessage().contains("TraceableBlock"), e.getMessage());
        assertTrue(e.getMessage().contains("FiniteDifferenceInputGradient"), e.getMessage());
        // Chosen by name, finite differences work, to their stated accuracy.
        NDArray x = batch(3);
        CreateGraphReference.assertMatchesReference(
                opaque, x, new FiniteDifferenceInputGradient(), 1e-2, "opaque block");
    }

    @Test
    void forBlockPicksExactForLibraryNetworks() {
        EnergyMlp energy = tinyEnergy(ActivationFunction.leakyRelu(0.2f), 1);
        assertTrue(ExactInputGradient.supports(energy));
        assertEquals(ExactInputGradient.INSTANCE, InputGradient.forBlock(energy));
    }

    @Test
    void exactGradientEqualsAutogradInputGradient() {
        EnergyMlp energy = tinyEnergy(ActivationFunction.silu(), 5);
        NDArray x = batch(5);
        ParameterStore store = new ParameterStore(manager, false);
        NDArray exact =
                ExactInputGradient.INSTANCE.energyAndGradient(energy, store, x, false).get(1);
        NDArray probe = FiniteDifferenceInputGradient.probeGradient(energy, store, x, false);
        double maxDiff = exact.sub(probe).abs().max().getDouble();
        double scale = probe.abs().max().getDouble();
        assertTrue(maxDiff <= 1e-12 * scale, "max |exact - autograd| = " + maxDiff);
    }

    @Test
    void probeLeavesParameterGradientsUntouched() {
        EnergyMlp energy = tinyEnergy(ActivationFunction.tanh(), 9);
        NDArray x = batch(9);
        CreateGraphReference.zeroGradients(energy);
        try (GradientCollector ignored = Engine.getInstance().newGradientCollector()) {
            FiniteDifferenceInputGradient.probeGradient(
                    energy, new ParameterStore(manager, false), x, true);
        }
        energy.getParameters()
                .forEach(
                        p -> {
                            NDArray g = p.getValue().getArray().getGradient();
                            assertEquals(
                                    0.0,
                                    g.abs().sum().toType(DataType.FLOAT64, false).getDouble(),
                                    p.getKey());
                            assertTrue(p.getValue().requiresGradient(), "unfrozen again");
                        });
    }

    @Test
    void exactPenaltyLeavesNoArraysBehind() {
        EnergyMlp energy = tinyEnergy(ActivationFunction.leakyRelu(0.2f), 2);
        NDArray x = batch(2);
        CreateGraphReference.penalty(energy, x, ExactInputGradient.INSTANCE);
        int before = manager.getManagedArrays().size();
        for (int i = 0; i < 20; i++) {
            CreateGraphReference.penalty(energy, x, ExactInputGradient.INSTANCE);
        }
        assertEquals(before, manager.getManagedArrays().size());
    }

    @Test
    void energiesOfWrongShapeAreRejected() {
        NDArray bad = manager.zeros(new Shape(4, 3));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> InputGradient.asBatchVector(bad));
        assertTrue(e.getMessage().contains("(4, 3)"), e.getMessage());
        assertEquals(
                new Shape(4),
                InputGradient.asBatchVector(manager.zeros(new Shape(4, 1))).getShape());
    }

    @Test
    void invalidFiniteDifferenceStepIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FiniteDifferenceInputGradient(0f));
        assertThrows(
                IllegalArgumentException.class, () -> new FiniteDifferenceInputGradient(Float.NaN));
    }

    @Test
    void unsupportedBlockCannotBeTraced() {
        Block opaque = new SequentialBlock().add(Activation::relu);
        NDArray x = manager.ones(new Shape(2, 3));
        UnsupportedOperationException e =
                assertThrows(
                        UnsupportedOperationException.class,
                        () ->
                                ExactInputGradient.trace(
                                        opaque, new ParameterStore(manager, false), x, false));
        assertTrue(e.getMessage().contains("FiniteDifferenceInputGradient"), e.getMessage());
        assertEquals(1, new NDList(x).size());
    }
}
