/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import io.github.energygan.gradient.ExactInputGradient;
import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.nn.EnergyMlp;
import io.github.energygan.nn.EnergyNetwork;

import org.junit.jupiter.api.Test;

/** The scorer's gradient, exact or by backward, and what it derives from it. */
class EnergyScorerTest {

    /** A user's energy block that the exact input gradient cannot trace. */
    private static final class OpaqueEnergy extends AbstractBlock implements EnergyNetwork {

        private final EnergyMlp inner;

        OpaqueEnergy(EnergyMlp inner) {
            this.inner = addChildBlock("inner", inner);
        }

        @Override
        public Shape getDataShape() {
            return inner.getDataShape();
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore store, NDList inputs, boolean training, PairList<String, Object> p) {
            return inner.forward(store, inputs, training, p);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inner.getOutputShapes(inputShapes);
        }

        @Override
        protected void initializeChildBlocks(NDManager m, DataType t, Shape... shapes) {
            inner.initialize(m, t, shapes);
        }
    }

    @Test
    void theBackwardFallbackAgreesWithTheExactGradient() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            EnergyMlp mlp =
                    EnergyMlp.builder()
                            .setInputFeatures(3)
                            .optHiddenWidths(16, 16)
                            .optActivation(ActivationFunction.silu())
                            .build();
            mlp.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            OpaqueEnergy opaque = new OpaqueEnergy(mlp);
            assertTrue(ExactInputGradient.supports(mlp));
            assertTrue(!ExactInputGradient.supports(opaque));
            NDArray x = manager.randomNormal(new Shape(8, 3));

            EnergyScorer exact = new EnergyScorer(mlp);
            EnergyScorer fallback = new EnergyScorer(opaque);
            assertArrayEquals(
                    exact.energies(x).toFloatArray(), fallback.energies(x).toFloatArray(), 1e-6f);
            float[] g1 = exact.energiesAndGradients(x).get(1).toFloatArray();
            float[] g2 = fallback.energiesAndGradients(x).get(1).toFloatArray();
            assertArrayEquals(g1, g2, 1e-5f);
            // The fallback leaves the parameters' gradients untouched.
            mlp.getParameters()
                    .values()
                    .forEach(
                            p ->
                                    assertEquals(
                                            0f,
                                            p.getArray().getGradient().abs().sum().getFloat(),
                                            p.getName()));

            NDArray gradient = exact.energiesAndGradients(x).get(1);
            assertArrayEquals(
                    gradient.square().sum(new int[] {1}).toFloatArray(),
                    exact.squaredGradientNorms(x).toFloatArray(),
                    1e-6f);
            assertArrayEquals(
                    x.mul(gradient).toFloatArray(), exact.attributions(x).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void largeInputsAreScoredInChunksWithTheSameResults() {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            EnergyMlp mlp = EnergyMlp.builder().setInputFeatures(3).optHiddenWidths(16).build();
            mlp.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            NDArray x = manager.randomNormal(new Shape(50, 3));
            EnergyScorer whole = new EnergyScorer(mlp);
            EnergyScorer chunked = new EnergyScorer(mlp, 7); // 8 chunks, the last of 1 point
            float[][] reference;
            try (NDManager scope = manager.newSubManager()) {
                NDArray input = x.duplicate();
                input.attach(scope);
                NDList result = whole.energiesAndGradients(input);
                reference =
                        new float[][] {
                            result.get(0).toFloatArray(),
                            result.get(1).toFloatArray(),
                            whole.energies(input).toFloatArray()
                        };
            }
            int before = manager.getManagedArrays().size();
            try (NDManager caller = manager.newSubManager()) {
                NDArray input = x.duplicate();
                input.attach(caller);
                NDList parts = chunked.energiesAndGradients(input);
                assertEquals(new Shape(50), parts.get(0).getShape());
                assertEquals(new Shape(50, 3), parts.get(1).getShape());
                assertArrayEquals(reference[0], parts.get(0).toFloatArray(), 1e-6f);
                assertArrayEquals(reference[1], parts.get(1).toFloatArray(), 1e-6f);
                assertArrayEquals(reference[2], chunked.energies(input).toFloatArray(), 1e-6f);
            }
            // The results joined the caller's manager and went with it; no chunk was left over.
            assertEquals(before, manager.getManagedArrays().size());
        }
    }

    @Test
    void aBatchOfTheWrongShapeIsNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EnergyMlp mlp = EnergyMlp.builder().setInputFeatures(3).optHiddenWidths(4).build();
            mlp.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    new EnergyScorer(mlp)
                                            .squaredGradientNorms(manager.ones(new Shape(2, 4))));
            assertTrue(e.getMessage().contains("(batch >= 1, 3)"), e.getMessage());
            assertEquals(new Shape(3), new EnergyScorer(mlp).getDataShape());
        }
    }
}
