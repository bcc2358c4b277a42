/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * The penalty and its parameter gradient by PyTorch's create-graph double backward: the leaky
 * reference every strategy is checked against. Only ever run for a few steps on tiny nets.
 */
final class CreateGraphReference {

    private CreateGraphReference() {}

    /** The penalty value {@code mean ||∇_x U||²} and the flattened parameter gradients. */
    record Result(double penalty, double[] parameterGradient) {}

    static Result penalty(Block energy, NDArray x) {
        return penalty(energy, x, true);
    }

    static Result penalty(Block energy, NDArray x, boolean training) {
        zeroGradients(energy);
        try (NDManager scope = x.getManager().newSubManager();
                GradientCollector ignored = Engine.getInstance().newGradientCollector()) {
            ParameterStore store = new ParameterStore(scope, false);
            NDArray leaf = x.duplicate();
            leaf.attach(scope);
            leaf.setRequiresGradient(true);
            NDArray u = energy.forward(store, new NDList(leaf), training).singletonOrThrow();
            NDArray total = u.sum();
            JniUtils.backward(
                    (PtNDArray) total, (PtNDArray) scope.ones(total.getShape(), total.getDataType()), true, true);
            NDArray gradient = leaf.getGradient();
            List<NDArray> firstOrder = new ArrayList<>();
            for (Pair<String, Parameter> p : energy.getParameters()) {
                NDArray g = p.getValue().getArray().getGradient().duplicate().stopGradient();
                g.attach(scope);
                firstOrder.add(g);
            }
            NDArray penalty = InputGradient.squaredNorm(gradient).mean();
            double value = penalty.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
            JniUtils.backward(
                    (PtNDArray) penalty, (PtNDArray) scope.ones(penalty.getShape(), penalty.getDataType()), false, false);
            List<Double> flat = new ArrayList<>();
            int i = 0;
            for (Pair<String, Parameter> p : energy.getParameters()) {
                NDArray total2 = p.getValue().getArray().getGradient();
                NDArray second = total2.sub(firstOrder.get(i++));
                second.attach(scope);
                for (double f : second.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray()) {
                    flat.add(f);
                }
            }
            zeroGradients(energy);
            double[] out = new double[flat.size()];
            for (int j = 0; j < out.length; j++) {
                out[j] = flat.get(j);
            }
            return new Result(value, out);
        }
    }

    /** The same quantities from a leak-free strategy, with one ordinary backward. */
    static Result penalty(Block energy, NDArray x, InputGradient strategy) {
        return penalty(energy, x, strategy, true);
    }

    static Result penalty(Block energy, NDArray x, InputGradient strategy, boolean training) {
        zeroGradients(energy);
        try (NDManager scope = x.getManager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            ParameterStore store = new ParameterStore(scope, false);
            NDArray input = x.duplicate();
            input.attach(scope);
            NDArray penalty =
                    strategy.energyAndSquaredGradientNorm(energy, store, input, training)
                            .get(1)
                            .mean();
            double value = penalty.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
            collector.backward(penalty);
            List<Double> flat = new ArrayList<>();
            for (Pair<String, Parameter> p : energy.getParameters()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scope);
                for (double f : g.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray()) {
                    flat.add(f);
                }
            }
            zeroGradients(energy);
            double[] out = new double[flat.size()];
            for (int j = 0; j < out.length; j++) {
                out[j] = flat.get(j);
            }
            return new Result(value, out);
        }
    }

    static void zeroGradients(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (array.hasGradient()) {
                try (NDArray g = array.getGradient()) {
                    g.subi(g);
                }
            }
        }
    }

    /**
     * Asserts that a strategy's penalty and θ-gradients match the create-graph reference: the
     * penalty within a relative 1e-4 (and not trivially zero), the θ-gradients within {@code
     * gradientTolerance} relative error.
     *
     * @param energy the energy block
     * @param x the batch
     * @param strategy the input-gradient strategy under test
     * @param gradientTolerance the largest relative error of the θ-gradients
     * @param label what is tested, for the failure message
     */
    static void assertMatchesReference(
            Block energy,
            NDArray x,
            InputGradient strategy,
            double gradientTolerance,
            String label) {
        assertMatchesReference(energy, x, strategy, gradientTolerance, label, true);
    }

    /** As above, with the forward passes in training or inference mode. */
    static void assertMatchesReference(
            Block energy,
            NDArray x,
            InputGradient strategy,
            double gradientTolerance,
            String label,
            boolean training) {
        Result reference = penalty(energy, x, training);
        Result tested = penalty(energy, x, strategy, training);
        assertTrue(reference.penalty() > 0f, label + ": the reference penalty is not trivial");
        assertEquals(reference.penalty(), tested.penalty(), 1e-4 * reference.penalty(), label);
        double error = relativeError(tested.parameterGradient(), reference.parameterGradient());
        assertTrue(
                error < gradientTolerance, label + ": relative error of θ-gradients " + error);
    }

    static double relativeError(double[] actual, double[] expected) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = actual[i] - expected[i];
            num += d * d;
            den += expected[i] * expected[i];
        }
        return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-30);
    }
}
