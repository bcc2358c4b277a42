/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether DJL 0.36's API can run the penalty by PyTorch's create-graph double backward without
 * leaking: trains the penalty of a 2→128→128→1 tanh network on a batch of 256 for many steps and
 * prints the resident set size along the way, for one strategy per process:
 *
 * <ul>
 *   <li>{@code create-graph}: backward with {@code create_graph}, then the penalty's backward;
 *       the parameters' gradients are cleared the way DJL's optimisers clear them ({@code
 *       zeroGrad}, {@code grad().zero_()}), with gradient recording off;
 *   <li>{@code create-graph-recorded}: the same, with the clearing done while gradients are
 *       recorded;
 *   <li>{@code exact}: this library's {@link ExactInputGradient}, one ordinary backward.
 * </ul>
 *
 * <p>Run on this module's test classpath: {@code java -cp "$(cat /tmp/cp.txt):target/classes:
 * target/test-classes" io.github.energygan.gradient.DoubleBackwardLeak create-graph 3000}.
 */
public final class DoubleBackwardLeak {

    private DoubleBackwardLeak() {}

    /**
     * Runs one strategy.
     *
     * @param args the strategy and the number of steps
     * @throws IOException if {@code /proc/self/status} cannot be read
     */
    public static void main(String[] args) throws IOException {
        String strategy = args[0];
        int steps = Integer.parseInt(args[1]);
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock energy =
                    new SequentialBlock()
                            .add(Linear.builder().setUnits(128).build())
                            .add(Activation.tanhBlock())
                            .add(Linear.builder().setUnits(128).build())
                            .add(Activation.tanhBlock())
                            .add(Linear.builder().setUnits(1).build());
            energy.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            NDArray x = manager.randomNormal(new Shape(256, 2));
            long start = System.nanoTime();
            long warm = 0;
            for (int step = 1; step <= steps; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    if ("exact".equals(strategy)) {
                        exactStep(energy, x, scope);
                    } else if ("create-graph-frozen".equals(strategy)) {
                        frozenStep(energy, x, scope);
                    } else {
                        createGraphStep(energy, x, scope, "create-graph-recorded".equals(strategy));
                    }
                }
                if (step == steps / 5) {
                    warm = residentKb();
                }
                if (step % (steps / 10) == 0) {
                    System.out.printf(
                            Locale.ROOT, "%s step %d RSS %d kB%n", strategy, step, residentKb());
                }
            }
            long end = residentKb();
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d steps, %.2f ms/step, RSS growth after the first fifth %+.1f %% (%d →"
                            + " %d kB), %.1f kB per step%n",
                    strategy,
                    steps,
                    (System.nanoTime() - start) / 1e6 / steps,
                    100.0 * (end - warm) / warm,
                    warm,
                    end,
                    (end - warm) / (0.8 * steps));
        }
    }

    private static void exactStep(SequentialBlock energy, NDArray x, NDManager scope) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            ParameterStore store = new ParameterStore(scope, false);
            NDArray input = x.duplicate();
            input.attach(scope);
            NDArray penalty =
                    ExactInputGradient.INSTANCE
                            .energyAndSquaredGradientNorm(energy, store, input, true)
                            .get(1)
                            .mean();
            collector.backward(penalty);
        }
    }

    private static void createGraphStep(
            SequentialBlock energy, NDArray x, NDManager scope, boolean clearRecorded) {
        boolean mode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            NDArray leaf = leafOf(x, scope);
            NDArray total = energy.forward(new ParameterStore(scope, false), new NDList(leaf), true)
                    .singletonOrThrow()
                    .sum();
            backward(total, true);
            NDArray penalty = InputGradient.squaredNorm(leaf.getGradient()).mean();
            backward(penalty, false);
            JniUtils.setGradMode(clearRecorded);
            for (Pair<String, Parameter> p : energy.getParameters()) {
                JniUtils.zeroGrad((PtNDArray) p.getValue().getArray());
            }
        } finally {
            JniUtils.setGradMode(mode);
        }
    }

    /**
     * The create-graph backward with the parameters frozen, so that it writes only the input's
     * gradient, then unfrozen for the penalty's backward; on the first step it prints the
     * relative error of the parameter gradients against the exact strategy's.
     */
    private static void frozenStep(SequentialBlock energy, NDArray x, NDManager scope) {
        boolean mode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            NDArray leaf = leafOf(x, scope);
            NDArray total = energy.forward(new ParameterStore(scope, false), new NDList(leaf), true)
                    .singletonOrThrow()
                    .sum();
            energy.getParameters().forEach(p -> p.getValue().freeze(true));
            backward(total, true);
            energy.getParameters().forEach(p -> p.getValue().freeze(false));
            NDArray penalty = InputGradient.squaredNorm(leaf.getGradient()).mean();
            backward(penalty, false);
            if (!checked) {
                checked = true;
                double[] frozen = gradients(energy, scope);
                exactStep(energy, x, scope);
                double[] both = gradients(energy, scope);
                double[] exact = new double[both.length];
                for (int i = 0; i < both.length; i++) {
                    exact[i] = both[i] - frozen[i];
                }
                System.out.printf(
                        Locale.ROOT,
                        "frozen create-graph vs exact: relative error of θ-gradients %.3g%n",
                        CreateGraphReference.relativeError(frozen, exact));
            }
            JniUtils.setGradMode(false);
            for (Pair<String, Parameter> p : energy.getParameters()) {
                JniUtils.zeroGrad((PtNDArray) p.getValue().getArray());
            }
        } finally {
            JniUtils.setGradMode(mode);
        }
    }

    private static boolean checked;

    private static double[] gradients(SequentialBlock energy, NDManager scope) {
        java.util.List<Double> flat = new java.util.ArrayList<>();
        for (Pair<String, Parameter> p : energy.getParameters()) {
            NDArray g = p.getValue().getArray().getGradient().duplicate();
            g.attach(scope);
            for (double v : g.toType(DataType.FLOAT64, false).toDoubleArray()) {
                flat.add(v);
            }
        }
        return flat.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A copy of {@code x} that collects its gradient. */
    private static NDArray leafOf(NDArray x, NDManager scope) {
        NDArray leaf = x.duplicate();
        leaf.attach(scope);
        leaf.setRequiresGradient(true);
        return leaf;
    }

    /** Backward from a scalar, building the gradients' graph when {@code createGraph}. */
    private static void backward(NDArray output, boolean createGraph) {
        NDArray seed = output.getManager().ones(output.getShape(), output.getDataType());
        JniUtils.backward((PtNDArray) output, (PtNDArray) seed, createGraph, createGraph);
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
