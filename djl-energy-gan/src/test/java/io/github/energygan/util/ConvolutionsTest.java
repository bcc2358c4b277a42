/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Random;

/**
 * Float32 convolutions' gradients against float64 ones (which the engine computes without oneDNN),
 * for output channel counts on both sides of the oneDNN channel block, with the engine's default
 * thread count: the conditions under which DJL's own {@code Conv2d.conv2d} returns a wrong gradient
 * with respect to its input on AVX2 and AVX-512 CPUs.
 */
class ConvolutionsTest {

    private static final Logger logger = LoggerFactory.getLogger(ConvolutionsTest.class);

    /** Relative to the largest entry: float32 rounding is about 1e-6, the defect 0.1 to 1. */
    private static final double TOLERANCE = 1e-4;

    private static final long BATCH = 16;
    private static final long SIDE = 14;
    private static final long KERNEL = 5;

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** A convolution, as {@link Convolutions#conv2d} takes it. */
    private interface Convolution {
        NDArray apply(NDArray x, NDArray w, NDArray b, Shape stride, Shape padding);
    }

    private static float[] normals(long n, long seed) {
        Random random = new Random(seed);
        float[] values = new float[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** Returns [∂L/∂x, ∂L/∂w, ∂L/∂b, y] as float64 for L = Σ y ⊙ r with fixed random r. */
    private double[][] gradients(
            Convolution conv, DataType type, long in, long out, int stride, int seed) {
        try (NDManager step = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x =
                    step.create(normals(BATCH * in * SIDE * SIDE, seed), new Shape(BATCH, in, SIDE, SIDE))
                            .toType(type, false);
            NDArray w =
                    step.create(normals(out * in * KERNEL * KERNEL, seed + 1L), new Shape(out, in, KERNEL, KERNEL))
                            .toType(type, false)
                            .div(10);
            NDArray b = step.create(normals(out, seed + 2L)).toType(type, false);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            NDArray y =
                    conv.apply(x, w, b, new Shape(stride, stride), new Shape(KERNEL / 2, KERNEL / 2));
            NDArray r = step.create(normals(y.size(), seed + 3L), y.getShape()).toType(type, false);
            collector.backward(y.mul(r).sum());
            return new double[][] {
                x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(),
                w.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(),
                b.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(),
                y.toType(DataType.FLOAT64, false).toDoubleArray()
            };
        }
    }

    /** The largest error of a float32 result relative to the largest float64 entry; NaN counts as infinite. */
    private static double relativeError(double[] actual, double[] expected) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double error = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = Math.abs(actual[i] - expected[i]);
            error = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(error, e);
        }
        return error / scale;
    }

    /** The worst of the four errors of a float32 run of {@code conv} against float64. */
    private double worstError(Convolution conv, long in, long out, int stride, int seed) {
        double[][] expected = gradients(conv, DataType.FLOAT64, in, out, stride, seed);
        double[][] actual = gradients(conv, DataType.FLOAT32, in, out, stride, seed);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, relativeError(actual[i], expected[i]));
        }
        return worst;
    }

    @Test
    void gradientsMatchFloat64ForEveryChannelCount() {
        Convolution ours = Convolutions::conv2d;
        Convolution engine =
                (x, w, b, stride, padding) ->
                        Conv2d.conv2d(x, w, b, stride, padding, new Shape(1, 1), 1)
                                .singletonOrThrow();
        int seed = 0;
        for (long out : new long[] {1, 3, 8, 15, 16, 17, 32}) {
            for (long in : new long[] {1, 16}) {
                for (int stride : new int[] {1, 2}) {
                    seed += 10;
                    // Two runs: the defect's second symptom is memory left unwritten.
                    for (int run = 0; run < 2; run++) {
                        double error = worstError(ours, in, out, stride, seed);
                        String where = in + "→" + out + " channels, stride " + stride;
                        assertTrue(error < TOLERANCE, where + ": relative error " + error);
                    }
                    // What the class is for (not asserted: it depends on the CPU).
                    logger.debug(
                            "Conv2d.conv2d {}→{} stride {}: relative error {}",
                            in,
                            out,
                            stride,
                            worstError(engine, in, out, stride, seed));
                }
            }
        }
    }

    @Test
    void matchesTheEngineWhereTheEngineIsRight() {
        // Forward values do not depend on the padding (the engine's forward pass is right).
        NDArray x = manager.create(normals(2 * 3 * 9 * 9, 5), new Shape(2, 3, 9, 9));
        NDArray w = manager.create(normals(5 * 3 * 3 * 3, 6), new Shape(5, 3, 3, 3));
        NDArray b = manager.create(normals(5, 7));
        Shape stride = new Shape(2, 2);
        Shape padding = new Shape(1, 1);
        NDArray expected =
                Conv2d.conv2d(x, w, b, stride, padding, new Shape(1, 1), 1).singletonOrThrow();
        NDArray actual = Convolutions.conv2d(x, w, b, stride, padding);
        assertEquals(expected.getShape(), actual.getShape());
        assertTrue(expected.sub(actual).abs().max().getFloat() < 1e-5f);
        // A multiple of the block goes straight to the engine: the same array, bit for bit.
        NDArray w16 = manager.create(normals(16 * 3 * 3 * 3, 8), new Shape(16, 3, 3, 3));
        assertArrayEquals(
                Conv2d.conv2d(x, w16, null, stride, padding, new Shape(1, 1), 1)
                        .singletonOrThrow()
                        .toFloatArray(),
                Convolutions.conv2d(x, w16, null, stride, padding).toFloatArray());
    }

    @Test
    void leavesNothingInTheWeightsManager() {
        NDArray w = manager.create(normals(3 * 2 * 3 * 3, 1), new Shape(3, 2, 3, 3));
        NDArray b = manager.create(normals(3, 2));
        int before = manager.getManagedArrays().size();
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(normals(4 * 2 * 6 * 6, 3), new Shape(4, 2, 6, 6));
            Convolutions.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1));
        }
        assertEquals(before, manager.getManagedArrays().size());
    }
}
