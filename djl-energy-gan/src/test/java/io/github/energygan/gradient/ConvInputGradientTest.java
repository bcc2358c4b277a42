/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void aConvEnergyWithABaseMeasureHasItsExactPenaltyToo() {
        EnergyConv energy =
                new EnergyConv(
                        new Shape(2, 9, 10),
                        new long[] {3, 4},
                        ActivationFunction.leakyRelu(0.2f),
                        0.7f);
        assertExactPenalty(energy, new Shape(2, 9, 10), 3, 7, "leaky, base 0.7");
        // The base term is (ρ/2)‖x‖², the whole energy minus the network's part.
        NDArray x = manager.randomNormal(new Shape(3, 2, 9, 10)).toType(DataType.FLOAT64, false);
        double[] base = energy.baseEnergies(x).toDoubleArray();
        double[] squares = x.square().sum(new int[] {1, 2, 3}).toDoubleArray();
        for (int i = 0; i < base.length; i++) {
            assertEquals(0.7f / 2.0 * squares[i], base[i], 1e-9 * squares[i]);
        }
    }

    /** The exact penalty and its θ-gradients against the create-graph reference. */
    private void assertExactPenalty(
            Shape image, long[] channels, ActivationFunction activation, int batch, int seed) {
        assertExactPenalty(
                new EnergyConv(image, channels, activation),
                image,
                batch,
                seed,
                activation.toString());
    }

    private void assertExactPenalty(
            EnergyConv energy, Shape image, int batch, int seed, String label) {
        Engine.getInstance().setRandomSeed(seed);
        energy.initialize(manager, DataType.FLOAT64, new Shape(1).addAll(image));
        NDArray x =
                manager.randomNormal(new Shape(batch).addAll(image))
                        .toType(DataType.FLOAT64, false);
        CreateGraphReference.assertMatchesReference(
                energy, x, ExactInputGradient.INSTANCE, 1e-4, label);
    }

    /**
     * In float32 the engine computes convolutions with oneDNN, whose input gradient is wrong for
     * output channel counts that are not a multiple of its block (the image energy's pullback
     * through its first layer has one): the penalty's θ-gradients must still match float64's.
     */
    @Test
    void float32PenaltyGradientsMatchFloat64() {
        Shape image = new Shape(1, 28, 28);
        long[] channels = {16, 32, 64};
        ActivationFunction activation = ActivationFunction.leakyRelu(0.2f);
        EnergyConv single = new EnergyConv(image, channels, activation);
        EnergyConv dbl = new EnergyConv(image, channels, activation);
        Engine.getInstance().setRandomSeed(11);
        single.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(image));
        dbl.initialize(manager, DataType.FLOAT64, new Shape(1).addAll(image));
        copyParameters(single, dbl);
        NDArray x = manager.randomNormal(new Shape(8).addAll(image));
        CreateGraphReference.Result expected =
                CreateGraphReference.penalty(
                        dbl, x.toType(DataType.FLOAT64, false), ExactInputGradient.INSTANCE);
        for (int run = 0; run < 3; run++) {
            CreateGraphReference.Result actual =
                    CreateGraphReference.penalty(single, x, ExactInputGradient.INSTANCE);
            assertEquals(expected.penalty(), actual.penalty(), 1e-4 * expected.penalty());
            double error =
                    CreateGraphReference.relativeError(
                            actual.parameterGradient(), expected.parameterGradient());
            assertTrue(error < 1e-4, "run " + run + ": relative error of θ-gradients " + error);
        }
    }

    /**
     * The image path as training runs it (float32, a batch built from a Java array, the exact
     * penalty of the image energy), with the garbage collector run and fresh direct buffers filled
     * with junk between the forward and the backward pass: every trial's θ-gradients must equal
     * the first's bit for bit. Memory that the graph reads but libtorch does not own would show
     * here as junk in the gradients.
     */
    @Test
    void penaltyGradientsSurviveGarbageCollectorChurn() {
        Shape image = new Shape(1, 28, 28);
        EnergyConv energy =
                new EnergyConv(image, new long[] {16, 32, 64}, ActivationFunction.leakyRelu(0.2f));
        Engine.getInstance().setRandomSeed(13);
        energy.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(image));
        java.util.Random random = new java.util.Random(13);
        float[] pixels = new float[16 * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat() * 2 - 1;
        }
        double[] first = null;
        for (int trial = 0; trial < 10; trial++) {
            CreateGraphReference.zeroGradients(energy);
            try (NDManager step = manager.newSubManager();
                    ai.djl.training.GradientCollector collector =
                            Engine.getInstance().newGradientCollector()) {
                NDArray x = step.create(pixels, new Shape(16).addAll(image));
                ai.djl.training.ParameterStore store =
                        new ai.djl.training.ParameterStore(step, false);
                NDArray penalty =
                        ExactInputGradient.INSTANCE
                                .energyAndSquaredGradientNorm(energy, store, x, true)
                                .get(1)
                                .mean();
                java.util.List<java.nio.ByteBuffer> junk = new java.util.ArrayList<>();
                System.gc();
                for (int i = 0; i < 200; i++) {
                    java.nio.ByteBuffer buffer =
                            java.nio.ByteBuffer.allocateDirect(4096)
                                    .order(java.nio.ByteOrder.nativeOrder());
                    while (buffer.hasRemaining()) {
                        buffer.putFloat(1e30f);
                    }
                    junk.add(buffer);
                }
                collector.backward(penalty);
                java.lang.ref.Reference.reachabilityFence(junk);
            }
            double[] gradients = flatGradients(energy);
            if (first == null) {
                first = gradients;
                for (double g : first) {
                    assertTrue(Double.isFinite(g), "finite gradients");
                }
            } else {
                assertArrayEquals(first, gradients, "trial " + trial);
            }
        }
        CreateGraphReference.zeroGradients(energy);
    }

    private static double[] flatGradients(ai.djl.nn.Block block) {
        java.util.List<Double> flat = new java.util.ArrayList<>();
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                for (float v : g.toFloatArray()) {
                    flat.add((double) v);
                }
            }
        }
        return flat.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The generator's parameter gradients through its 16 → 1 channel output layer, likewise. */
    @Test
    void float32GeneratorGradientsMatchFloat64() {
        Shape image = new Shape(1, 28, 28);
        long[] channels = {64, 32, 16};
        GeneratorConv single = new GeneratorConv(8, image, channels);
        GeneratorConv dbl = new GeneratorConv(8, image, channels);
        Engine.getInstance().setRandomSeed(12);
        single.initialize(manager, DataType.FLOAT32, new Shape(1, 8));
        dbl.initialize(manager, DataType.FLOAT64, new Shape(1, 8));
        copyParameters(single, dbl);
        NDArray z = manager.randomNormal(new Shape(8, 8));
        NDArray r = manager.randomNormal(new Shape(8).addAll(image));
        double[] expected =
                parameterGradients(
                        dbl, z.toType(DataType.FLOAT64, false), r.toType(DataType.FLOAT64, false));
        for (int run = 0; run < 3; run++) {
            double error =
                    CreateGraphReference.relativeError(
                            parameterGradients(single, z, r), expected);
            assertTrue(error < 1e-4, "run " + run + ": relative error of θ-gradients " + error);
        }
    }

    /** The flattened parameter gradients of {@code Σ G(z) ⊙ r}. */
    private static double[] parameterGradients(GeneratorConv generator, NDArray z, NDArray r) {
        CreateGraphReference.zeroGradients(generator);
        try (NDManager scope = z.getManager().newSubManager();
                ai.djl.training.GradientCollector collector =
                        Engine.getInstance().newGradientCollector()) {
            ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(scope, false);
            NDArray input = z.duplicate();
            input.attach(scope);
            NDArray out = generator.forward(store, new ai.djl.ndarray.NDList(input), true).head();
            collector.backward(out.mul(r).sum());
            java.util.List<Double> flat = new java.util.ArrayList<>();
            for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : generator.getParameters()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scope);
                for (double v : g.toType(DataType.FLOAT64, false).toDoubleArray()) {
                    flat.add(v);
                }
            }
            CreateGraphReference.zeroGradients(generator);
            return flat.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** Copies the weights of a float32 block into a float64 block of the same architecture. */
    private static void copyParameters(ai.djl.nn.Block from, ai.djl.nn.Block to) {
        java.util.Iterator<ai.djl.util.Pair<String, ai.djl.nn.Parameter>> target =
                to.getParameters().iterator();
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : from.getParameters()) {
            NDArray source = p.getValue().getArray();
            try (NDArray wide = source.toType(DataType.FLOAT64, false)) {
                target.next().getValue().getArray().set(wide.toByteBuffer());
            }
        }
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
