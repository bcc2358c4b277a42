/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import java.util.Optional;

/**
 * The exact input gradient, assembled from each layer's vector-Jacobian product written as
 * differentiable NDArray operations, so that the penalty can be differentiated once more ("double
 * backpropagation", Drucker and LeCun 1992): {@code Linear → g·W}, activation {@code → g ⊙
 * f'(h)}, convolution → the transposed convolution, sequential composition → the pullbacks in
 * reverse order.
 *
 * <p>Because every operation in the assembled gradient is an ordinary recorded operation, the
 * parameter gradient of {@code ||∇_x U||²} comes out of the same first-order backward that
 * trains the network, with no create-graph double backward and nothing leaked.
 *
 * <p>Supported: every {@link TraceableBlock} (this library's networks among them) and these DJL
 * blocks, in any nesting: {@link SequentialBlock}; {@code ParallelBlock} whose join sums or
 * concatenates its branches; {@link Linear}; {@code Conv1d} and {@code Conv2d} (any kernel,
 * stride, padding and dilation, one group); {@code LayerNorm}; {@code Dropout}; the activation
 * lambdas of {@code ai.djl.nn.Activation} (relu, relu6, leakyRelu, elu, selu, gelu, swish, mish,
 * tanh, sigmoid, softPlus, softSign) and {@code Blocks.batchFlattenBlock()} / {@code
 * identityBlock()}. DJL builds the last group as {@code LambdaBlock}s whose function is opaque:
 * they are recognised by name and confirmed by evaluating them, so a lambda that carries a DJL
 * name but computes something else is refused rather than traced wrongly. {@link
 * #unsupportedPart(Block)} names the first part of a network that is not covered.
 */
public final class ExactInputGradient implements InputGradient {

    /** The shared instance; the strategy has no state. */
    public static final ExactInputGradient INSTANCE = new ExactInputGradient();

    private ExactInputGradient() {}

    /**
     * Whether every part of the block has a known, exact vector-Jacobian product.
     *
     * @param block the block to inspect
     * @return true if {@link #trace} can handle it
     */
    public static boolean supports(Block block) {
        return unsupportedPart(block).isEmpty();
    }

    /**
     * Describes the first part of a block, in depth-first order, that has no exact
     * vector-Jacobian product, with its path from the top and the reason.
     *
     * @param block the block to inspect
     * @return the description, or empty if the whole block is supported
     */
    public static Optional<String> unsupportedPart(Block block) {
        return Optional.ofNullable(unsupportedPart(block, StockBlocks.describe(block)));
    }

    private static String unsupportedPart(Block block, String path) {
        if (block instanceof TraceableBlock) {
            return ((TraceableBlock) block).isTraceable()
                    ? null
                    : path + ": the block reports that it cannot be traced as configured";
        }
        if (block instanceof Linear) {
            return null;
        }
        if (block instanceof SequentialBlock || block instanceof ParallelBlock) {
            for (Pair<String, Block> child : block.getChildren()) {
                String part =
                        unsupportedPart(
                                child.getValue(),
                                path + " → " + child.getKey() + " (" + StockBlocks.describe(child.getValue()) + ")");
                if (part != null) {
                    return part;
                }
            }
            return null;
        }
        String problem = StockBlocks.problem(block);
        return problem == null ? null : path + ": " + problem;
    }

    /**
     * Runs the block forward on a single input and returns the output with its exact pullback.
     *
     * @param block a block for which {@link #supports(Block)} holds
     * @param parameterStore the parameter store to read weights from
     * @param input the input, {@code (batch, ...)}
     * @param training whether this is a training pass
     * @return the traced pass
     * @throws UnsupportedOperationException if some part has no known vector-Jacobian product
     */
    public static TracedForward trace(
            Block block, ParameterStore parameterStore, NDArray input, boolean training) {
        if (block instanceof TraceableBlock) {
            return ((TraceableBlock) block).trace(parameterStore, input, training);
        }
        if (block instanceof Linear) {
            return traceLinear((Linear) block, parameterStore, input, training);
        }
        if (block instanceof SequentialBlock) {
            TracedForward traced = null;
            NDArray current = input;
            for (Block child : block.getChildren().values()) {
                TracedForward step = trace(child, parameterStore, current, training);
                traced = traced == null ? step : traced.andThen(step);
                current = step.getOutput();
            }
            return traced != null ? traced : new TracedForward(input, g -> g);
        }
        if (StockBlocks.handles(block)) {
            return StockBlocks.trace(block, parameterStore, input, training);
        }
        throw new UnsupportedOperationException(
                "No exact input gradient for "
                        + StockBlocks.describe(block)
                        + " ("
                        + block.getClass().getName()
                        + ")"
                        + StockBlocks.howToProceed());
    }

    private static TracedForward traceLinear(
            Linear linear, ParameterStore parameterStore, NDArray input, boolean training) {
        Device device = input.getDevice();
        Parameter weightParameter = linear.getParameters().get("weight");
        NDArray weight = parameterStore.getValue(weightParameter, device, training);
        NDArray bias =
                linear.getParameters().contains("bias")
                        ? parameterStore.getValue(
                                linear.getParameters().get("bias"), device, training)
                        : null;
        NDArray output = Linear.linear(input, weight, bias).singletonOrThrow();
        // y = x Wᵀ + b, so gᵀ ∂y/∂x = g W; g comes first so the product joins the step's manager.
        return new TracedForward(output, g -> g.matMul(weight));
    }

    /**
     * Computes the energy and its exact input gradient.
     *
     * @param energy the energy network
     * @param parameterStore the parameter store to read weights from
     * @param x the input, {@code (batch, ...)}
     * @param training whether this is a training pass
     * @return {@code [U(x) (batch), ∇_x U(x) (batch, ...)]}; the gradient is differentiable with
     *     respect to the network's parameters
     * @throws UnsupportedOperationException if some layer has no known vector-Jacobian product
     */
    public NDList energyAndGradient(
            Block energy, ParameterStore parameterStore, NDArray x, boolean training) {
        TracedForward traced = trace(energy, parameterStore, x, training);
        NDArray output = traced.getOutput();
        NDArray u = InputGradient.asBatchVector(output);
        // d(sum_b U_b)/dx gives every row its own gradient, since rows do not interact.
        NDArray seed = x.getManager().ones(output.getShape(), output.getDataType());
        return new NDList(u, traced.pullback(seed));
    }

    /** {@inheritDoc} */
    @Override
    public NDList energyAndSquaredGradientNorm(
            Block energy, ParameterStore parameterStore, NDArray x, boolean training) {
        NDList energyAndGradient = energyAndGradient(energy, parameterStore, x, training);
        return new NDList(
                energyAndGradient.get(0), InputGradient.squaredNorm(energyAndGradient.get(1)));
    }

    @Override
    public String toString() {
        return "exact";
    }
}
