/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Scalar arithmetic under autograd, with the garbage collector run and the freed memory reused
 * between the forward and the backward pass, the conditions under which DJL's own {@code
 * mul(Number)} returns garbage gradients.
 */
class ScalarsTest {

    private static final Logger logger = LoggerFactory.getLogger(ScalarsTest.class);
    private static final int TRIALS = 40;
    private static final float JUNK = 1e30f;

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** Frees unreachable direct buffers and fills freshly allocated ones with {@link #JUNK}. */
    private static List<ByteBuffer> churn() {
        System.gc();
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            buffer.putFloat(0, JUNK);
            junk.add(buffer);
        }
        return junk;
    }

    /** Returns how many of {@link #TRIALS} backward passes gave a gradient other than expected. */
    private int wrongGradients(UnaryOperator<NDArray> op, float[] x0, float[] expected) {
        int wrong = 0;
        for (int t = 0; t < TRIALS; t++) {
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(x0);
                x.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray y = op.apply(x).sum();
                    List<ByteBuffer> junk = churn();
                    collector.backward(y);
                    float[] gradient = x.getGradient().toFloatArray();
                    // The junk must stay allocated until backward has read the freed memory.
                    Reference.reachabilityFence(junk);
                    boolean same = true;
                    for (int i = 0; i < gradient.length; i++) {
                        same &= gradient[i] == expected[i];
                    }
                    wrong += same ? 0 : 1;
                }
            }
        }
        return wrong;
    }

    @Test
    void gradientsSurviveTheGarbageCollector() {
        float[] x0 = {2f, 2f, 2f};
        assertEquals(
                0, wrongGradients(x -> Scalars.mul(x, 2.5f), x0, new float[] {2.5f, 2.5f, 2.5f}));
        assertEquals(
                0, wrongGradients(x -> Scalars.div(x, 4f), x0, new float[] {0.25f, 0.25f, 0.25f}));
        assertEquals(
                0, wrongGradients(x -> Scalars.maximum(x, 1.5f), x0, new float[] {1f, 1f, 1f}));
        assertEquals(0, wrongGradients(x -> Scalars.minimum(x, 3f), x0, new float[] {1f, 1f, 1f}));

        // What the helper is for (not asserted: it depends on when the JVM frees the buffers).
        int djlWrong = wrongGradients(x -> x.mul(2.5f), x0, new float[] {2.5f, 2.5f, 2.5f});
        logger.info(
                "NDArray.mul(Number): {} of {} backward passes read a freed scalar",
                djlWrong,
                TRIALS);
    }

    @Test
    void valuesMatchTheNumberOperations() {
        NDArray x = manager.create(new float[] {-2f, 0.5f, 3f}, new Shape(3));
        assertArrayEquals(x.mul(1.5f).toFloatArray(), Scalars.mul(x, 1.5f).toFloatArray());
        assertArrayEquals(x.div(3f).toFloatArray(), Scalars.div(x, 3f).toFloatArray());
        assertArrayEquals(x.maximum(0f).toFloatArray(), Scalars.maximum(x, 0f).toFloatArray());
        assertArrayEquals(x.minimum(1f).toFloatArray(), Scalars.minimum(x, 1f).toFloatArray());
        assertEquals(x.getDataType(), Scalars.mul(x, 2f).getDataType());
        assertEquals(x.getShape(), Scalars.mul(x, 2f).getShape());
    }
}
