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
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Energies built the way a DJL user builds them, from DJL's own blocks, against PyTorch's
 * create-graph double backward: the exact penalty's value and parameter gradient, relative error
 * below 1e-4 (float64, so only round-off remains), for every stock block covered and for random
 * compositions of them.
 */
class StockBlocksInputGradientTest {

    private static final double TOLERANCE = 1e-4;

    private static final Map<String, Supplier<Block>> ACTIVATIONS =
            Map.ofEntries(
                    Map.entry("relu", Activation::reluBlock),
                    Map.entry("leakyRelu", () -> Activation.leakyReluBlock(0.2f)),
                    Map.entry("elu", () -> Activation.eluBlock(0.7f)),
                    Map.entry("selu", Activation::seluBlock),
                    Map.entry("gelu", Activation::geluBlock),
                    Map.entry("tanh", Activation::tanhBlock),
                    Map.entry("sigmoid", Activation::sigmoidBlock),
                    Map.entry("softPlus", Activation::softPlusBlock),
                    Map.entry("swish", () -> Activation.swishBlock(1.5f)),
                    Map.entry("mish", Activation::mishBlock),
                    Map.entry("relu6", Activation::relu6Block),
                    Map.entry("softSign", Activation::softSignBlock));

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private <T extends Block> T initialised(T block, int seed, Shape inputShape) {
        Engine.getInstance().setRandomSeed(seed);
        block.initialize(manager, DataType.FLOAT64, inputShape);
        return block;
    }

    private NDArray input(int seed, Shape shape, double scale) {
        Random random = new Random(seed);
        double[] values = new double[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * scale;
        }
        return manager.create(values, shape);
    }

    private void assertExact(Block energy, NDArray x, String label) {
        assertTrue(ExactInputGradient.supports(energy), label);
        assertEquals(ExactInputGradient.INSTANCE, InputGradient.forBlock(energy), label);
        CreateGraphReference.assertMatchesReference(
                energy, x, ExactInputGradient.INSTANCE, TOLERANCE, label);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "relu", "leakyRelu", "elu", "selu", "gelu", "tanh", "sigmoid", "softPlus",
                "swish", "mish", "relu6", "softSign"
            })
    void activationLambdasBetweenLinearLayers(String activation) {
        SequentialBlock energy =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(8).build())
                        .add(ACTIVATIONS.get(activation).get())
                        .add(Linear.builder().setUnits(6).build())
                        .add(ACTIVATIONS.get(activation).get())
                        .add(Linear.builder().setUnits(1).build());
        initialised(energy, 7, new Shape(1, 3));
        // Scale 3 puts pre-activations on both sides of ReLU6's upper kink too.
        assertExact(energy, input(7, new Shape(16, 3), 3.0), activation);
    }

    @Test
    void conv1dWithStridePaddingAndDilation() {
        SequentialBlock energy =
                new SequentialBlock()
                        .add(
                                Conv1d.builder()
                                        .setKernelShape(new Shape(3))
                                        .setFilters(4)
                                        .optStride(new Shape(2))
                                        .optPadding(new Shape(1))
                                        .build())
                        .add(Activation.geluBlock())
                        .add(
                                Conv1d.builder()
                                        .setKernelShape(new Shape(2))
                                        .setFilters(3)
                                        .optDilation(new Shape(2))
                                        .build())
                        .add(Activation.leakyReluBlock(0.1f))
                        .add(Blocks.batchFlattenBlock())
                        .add(Linear.builder().setUnits(1).build());
        initialised(energy, 3, new Shape(1, 2, 13));
        assertExact(energy, input(3, new Shape(5, 2, 13), 1.0), "conv1d");
    }

    @Test
    void conv2dWithUnevenKernelsStridesAndPaddings() {
        SequentialBlock energy =
                new SequentialBlock()
                        .add(
                                Conv2d.builder()
                                        .setKernelShape(new Shape(3, 2))
                                        .setFilters(3)
                                        .optStride(new Shape(2, 1))
                                        .optPadding(new Shape(1, 0))
                                        .build())
                        .add(Activation.reluBlock())
                        .add(
                                Conv2d.builder()
                                        .setKernelShape(new Shape(2, 2))
                                        .setFilters(2)
                                        .optDilation(new Shape(1, 2))
                                        // wider than the kernel reaches: the pullback crops
                                        .optPadding(new Shape(2, 1))
                                        .optBias(false)
                                        .build())
                        .add(Activation.geluBlock())
                        .add(Blocks.batchFlattenBlock())
                        .add(Linear.builder().setUnits(1).build());
        initialised(energy, 5, new Shape(1, 2, 9, 8));
        assertExact(energy, input(5, new Shape(4, 2, 9, 8), 1.0), "conv2d");
    }

    @Test
    void layerNormBetweenLinearLayers() {
        SequentialBlock energy =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(8).build())
                        .add(LayerNorm.builder().optEpsilon(1e-3f).build())
                        .add(Activation.geluBlock())
                        .add(Linear.builder().setUnits(1).build());
        initialised(energy, 9, new Shape(1, 3));
        // Move γ and β off their initial ones and zeros, so that both enter the gradient.
        energy.getParameters()
                .forEach(
                        p -> {
                            if (p.getKey().endsWith("gamma") || p.getKey().endsWith("beta")) {
                                NDArray value = p.getValue().getArray();
                                value.addi(input(11, value.getShape(), 0.3));
                            }
                        });
        assertExact(energy, input(9, new Shape(16, 3), 1.5), "layer norm");
    }

    private SequentialBlock withDropout(int seed) {
        SequentialBlock energy =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(8).build())
                        .add(Activation.tanhBlock())
                        .add(Dropout.builder().optRate(0.5f).build())
                        .add(Linear.builder().setUnits(1).build());
        return initialised(energy, seed, new Shape(1, 3));
    }

    @Test
    void dropoutAtInferenceIsTheIdentity() {
        SequentialBlock energy = withDropout(13);
        CreateGraphReference.assertMatchesReference(
                energy,
                input(13, new Shape(16, 3), 1.0),
                ExactInputGradient.INSTANCE,
                TOLERANCE,
                "dropout at inference",
                false);
    }

    @Test
    void dropoutInTrainingAppliesOneGenuineMask() {
        SequentialBlock energy = withDropout(17);
        NDArray x = input(17, new Shape(16, 3), 1.0);
        // Both passes draw one mask of the same shape from the same engine state.
        Engine.getInstance().setRandomSeed(99);
        CreateGraphReference.Result reference = CreateGraphReference.penalty(energy, x, true);
        Engine.getInstance().setRandomSeed(99);
        CreateGraphReference.Result exact =
                CreateGraphReference.penalty(energy, x, ExactInputGradient.INSTANCE, true);
        assertEquals(reference.penalty(), exact.penalty(), 1e-9 * reference.penalty());
        assertTrue(
                CreateGraphReference.relativeError(
                                exact.parameterGradient(), reference.parameterGradient())
                        < TOLERANCE);
    }

    @Test
    void parallelBlocksThatAddOrConcatenate() {
        for (String join : List.of("add", "concat")) {
            ParallelBlock parallel =
                    new ParallelBlock(
                            list -> {
                                NDArray a = list.get(0).singletonOrThrow();
                                NDArray b = list.get(1).singletonOrThrow();
                                return new NDList(
                                        join.equals("add")
                                                ? NDArrays.add(a, b)
                                                : NDArrays.concat(new NDList(a, b), 1));
                            },
                            List.of(
                                    new SequentialBlock()
                                            .add(Linear.builder().setUnits(6).build())
                                            .add(Activation.tanhBlock()),
                                    new SequentialBlock()
                                            .add(Linear.builder().setUnits(6).build())
                                            .add(Activation.reluBlock())));
            SequentialBlock energy =
                    new SequentialBlock().add(parallel).add(Linear.builder().setUnits(1).build());
            initialised(energy, 19, new Shape(1, 3));
            assertExact(energy, input(19, new Shape(16, 3), 1.5), "parallel " + join);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomCompositionsOfConvolutionsLinearLayersAndKinkedActivations(int seed) {
        Random random = new Random(seed);
        List<Supplier<Block>> kinked =
                List.of(
                        Activation::reluBlock,
                        () -> Activation.leakyReluBlock(0.2f),
                        Activation::geluBlock);
        SequentialBlock energy = new SequentialBlock();
        boolean images = random.nextBoolean();
        Shape inputShape = images ? new Shape(1, 2, 7, 7) : new Shape(1, 4);
        if (images) {
            int convolutions = 1 + random.nextInt(2);
            for (int i = 0; i < convolutions; i++) {
                int kernel = 1 + random.nextInt(3);
                energy.add(
                        Conv2d.builder()
                                .setKernelShape(new Shape(kernel, kernel))
                                .setFilters(2 + random.nextInt(4))
                                .optStride(new Shape(1 + random.nextInt(2), 1 + random.nextInt(2)))
                                .optPadding(new Shape(random.nextInt(3), random.nextInt(3)))
                                .build());
                energy.add(kinked.get(random.nextInt(kinked.size())).get());
            }
            energy.add(Blocks.batchFlattenBlock());
        }
        int linears = 1 + random.nextInt(3);
        for (int i = 0; i < linears; i++) {
            energy.add(Linear.builder().setUnits(3 + random.nextInt(6)).build());
            energy.add(kinked.get(random.nextInt(kinked.size())).get());
        }
        energy.add(Linear.builder().setUnits(1).build());
        initialised(energy, seed, inputShape);
        NDArray x = input(seed, new Shape(6).addAll(inputShape.slice(1)), 1.5);
        assertExact(energy, x, "random composition " + seed + ": " + energy);
    }

    @Test
    void aLambdaWithADjlNameThatComputesSomethingElseIsRefused() {
        SequentialBlock energy =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(4).build())
                        .add(new LambdaBlock(Activation::tanh, "ReLU"))
                        .add(Linear.builder().setUnits(1).build());
        initialised(energy, 1, new Shape(1, 3));
        assertFalse(ExactInputGradient.supports(energy));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> InputGradient.forBlock(energy));
        assertTrue(e.getMessage().contains("02LambdaBlock"), e.getMessage());
        assertTrue(e.getMessage().contains("named 'ReLU'"), e.getMessage());
    }

    @Test
    void groupedConvolutionsAreRefusedByName() {
        SequentialBlock energy =
                new SequentialBlock()
                        .add(
                                Conv2d.builder()
                                        .setKernelShape(new Shape(3, 3))
                                        .setFilters(4)
                                        .optGroups(2)
                                        .build())
                        .add(Blocks.batchFlattenBlock())
                        .add(Linear.builder().setUnits(1).build());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> InputGradient.forBlock(energy));
        assertTrue(e.getMessage().contains("01Conv2d"), e.getMessage());
        assertTrue(e.getMessage().contains("2 groups"), e.getMessage());
    }

    @Test
    void aParallelJoinThatIsNeitherSumNorConcatenationFailsAtItsFirstPass() {
        ParallelBlock product =
                new ParallelBlock(
                        list ->
                                new NDList(
                                        list.get(0)
                                                .singletonOrThrow()
                                                .mul(list.get(1).singletonOrThrow())),
                        List.of(
                                Linear.builder().setUnits(4).build(),
                                Linear.builder().setUnits(4).build()));
        SequentialBlock energy =
                new SequentialBlock().add(product).add(Linear.builder().setUnits(1).build());
        initialised(energy, 2, new Shape(1, 3));
        NDArray x = input(2, new Shape(4, 3), 1.0);
        UnsupportedOperationException e =
                assertThrows(
                        UnsupportedOperationException.class,
                        () ->
                                ExactInputGradient.INSTANCE.energyAndGradient(
                                        energy, new ParameterStore(manager, false), x, false));
        assertTrue(e.getMessage().contains("neither a sum nor a concatenation"), e.getMessage());
    }
}
