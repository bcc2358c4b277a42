/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import io.github.energygan.model.Layers;
import io.github.energygan.model.MlpArchitecture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shapes, initialisation and bad input of the networks. */
class NetworksTest {

    private NDManager manager;
    private ParameterStore store;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
        Engine.getInstance().setRandomSeed(0);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void referenceArchitectureHasTheReferenceShapes() {
        EnergyGanBlock block = MlpArchitecture.reference(2, 2, 1f).newBlock();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        NDArray x = manager.randomNormal(new Shape(5, 2));
        NDArray z = manager.randomNormal(new Shape(5, 2));
        assertEquals(new Shape(5), block.forward(store, new NDList(x), false).singletonOrThrow().getShape());
        assertEquals(
                new Shape(5, 2),
                block.getGenerator().forward(store, new NDList(z), false).singletonOrThrow().getShape());
        StatisticsNetwork t = (StatisticsNetwork) block.getEstimator().orElseThrow();
        assertEquals(new Shape(5), t.forward(store, new NDList(x, z), false).singletonOrThrow().getShape());
        // U: 2·512+512 + 2·(512·512+512) + 512+1 weights and biases
        long energyParameters =
                block.getEnergy().getParameters().values().stream()
                        .mapToLong(p -> p.getArray().size())
                        .sum();
        assertEquals(2L * 512 + 512 + 2 * (512L * 512 + 512) + 512 + 1, energyParameters);
    }

    @Test
    void weightsStartFromPytorchsLinearDefault() {
        EnergyMlp energy = EnergyMlp.builder().setInputFeatures(2).optHiddenWidths(400, 3).build();
        energy.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        for (Parameter p : energy.getParameters().values()) {
            long fanIn = p.getArray().getShape().dimension() == 2 ? p.getArray().getShape().get(1) : -1;
            float max = p.getArray().abs().max().getFloat();
            if (fanIn > 0) {
                float bound = (float) (1 / Math.sqrt(fanIn));
                assertTrue(max <= bound, p.getName() + " exceeds 1/√fanIn");
                assertTrue(max > 0.5f * bound, p.getName() + " uses the whole range");
            }
        }
    }

    @Test
    void wrongInputDimensionIsNamed() {
        EnergyMlp energy = EnergyMlp.builder().setInputFeatures(2).optHiddenWidths(4).build();
        energy.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        NDArray wrong = manager.ones(new Shape(7, 3));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> energy.forward(store, new NDList(wrong), false));
        assertTrue(e.getMessage().contains("energy network"), e.getMessage());
        assertTrue(e.getMessage().contains("(batch, 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("(7, 3)"), e.getMessage());
    }

    @Test
    void emptyBatchIsRejected() {
        GeneratorMlp g =
                GeneratorMlp.builder().setLatentFeatures(2).setOutputFeatures(2).optHiddenWidths(4).build();
        g.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        NDArray empty = manager.ones(new Shape(0, 2));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> g.forward(store, new NDList(empty), false));
        assertTrue(e.getMessage().contains("empty batch"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -3})
    void nonPositiveWidthsAreRejected(long width) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> EnergyMlp.builder().setInputFeatures(2).optHiddenWidths(8, width).build());
        assertTrue(e.getMessage().contains("hidden widths"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Layers.of(ActivationFunction.relu(), width));
        assertThrows(
                IllegalArgumentException.class,
                () -> EnergyMlp.builder().setInputFeatures(width).build());
    }

    @Test
    void boundedGeneratorStaysWithinItsBound() {
        GeneratorMlp g =
                GeneratorMlp.builder()
                        .setLatentFeatures(2)
                        .setOutputFeatures(2)
                        .optHiddenWidths(16)
                        .optDataScale(2f)
                        .optOutputBound(3f)
                        .build();
        g.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        NDArray z = manager.randomNormal(new Shape(500, 2)).mul(1000f);
        NDArray x = g.forward(store, new NDList(z), false).singletonOrThrow();
        assertTrue(x.abs().max().getFloat() <= 6f, "|x| <= s · bound = 6");
        assertTrue(x.abs().max().getFloat() > 5f, "huge codes reach the bound");
        assertThrows(
                IllegalArgumentException.class,
                () -> GeneratorMlp.builder().setLatentFeatures(2).setOutputFeatures(2).optOutputBound(-1f).build());
    }

    @Test
    void statisticsNetworkChecksItsPair() {
        StatisticsMlp t =
                StatisticsMlp.builder().setDataFeatures(2).setLatentFeatures(3).optHiddenWidths(4).build();
        t.initialize(manager, DataType.FLOAT32, new Shape(1, 2), new Shape(1, 3));
        NDArray x = manager.ones(new Shape(4, 2));
        NDArray z = manager.ones(new Shape(5, 3));
        assertThrows(IllegalArgumentException.class, () -> t.forward(store, new NDList(x, z), false));
        assertThrows(IllegalArgumentException.class, () -> t.forward(store, new NDList(x), false));
    }

    @Test
    void mismatchedPartsAreRejected() {
        EnergyMlp energy = EnergyMlp.builder().setInputFeatures(3).build();
        GeneratorMlp generator = GeneratorMlp.builder().setLatentFeatures(2).setOutputFeatures(2).build();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new EnergyGanBlock(energy, generator, null));
        assertTrue(e.getMessage().contains("(3)"), e.getMessage());
    }

    @Test
    void activationSpecsRoundTrip() {
        for (String spec :
                new String[] {
                    "relu", "leaky_relu:0.2", "silu", "softplus", "elu:1.0", "tanh", "sigmoid",
                    "gelu", "selu", "mish", "swish:1.5", "relu6", "softsign"
                }) {
            ActivationFunction f = ActivationFunction.parse(spec);
            assertEquals(f, ActivationFunction.parse(f.toString()));
            assertEquals(spec, f.toString());
        }
        assertEquals(ActivationFunction.silu(), ActivationFunction.parse("swish"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ActivationFunction.parse("prelu"));
        assertTrue(e.getMessage().contains("prelu"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ActivationFunction.leakyRelu(1.5f));
        assertThrows(IllegalArgumentException.class, () -> ActivationFunction.parse("elu:abc"));
    }

    @Test
    void activationDerivativesMatchCentralDifferences() {
        NDArray h = manager.linspace(-3f, 3f, 61).add(0.013f).toType(DataType.FLOAT64, false);
        double step = 1e-6;
        for (String spec :
                new String[] {
                    "relu", "leaky_relu:0.2", "silu", "softplus", "elu:1.0", "tanh", "sigmoid",
                    "gelu", "selu", "mish", "swish:1.5", "relu6", "softsign"
                }) {
            ActivationFunction f = ActivationFunction.parse(spec);
            NDArray numeric = f.apply(h.add(step)).sub(f.apply(h.sub(step))).div(2 * step);
            double error = f.derivative(h).sub(numeric).abs().max().getDouble();
            assertTrue(error < 1e-6, spec + ": max error " + error);
        }
    }
}
