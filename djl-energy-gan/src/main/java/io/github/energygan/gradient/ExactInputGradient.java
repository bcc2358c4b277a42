/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * The exact input gradient, assembled from each layer's vector-Jacobian product written as
 * differentiable NDArray operations, so that the penalty can be differentiated once more ("double
 * backpropagation", Drucker and LeCun 1992): {@code Linear → g·W}, activation {@code → g ⊙
 * f'(h)}, sequential composition → the pullbacks in reverse order.
 *
 * <p>Because every operation in the assembled gradient is an ordinary recorded operation, the
 * parameter gradient of {@code ||∇_x U||²} comes out of the same first-order backward that
 * trains the network, with no create-graph double backward and nothing leaked.
 *
 * <p>Supported: DJL's {@link SequentialBlock} and {@link Linear}, every {@link TraceableBlock}
 * (which includes this library's networks and {@code ActivationBlock}).
 * Other blocks (DJL's lambda activations, for instance, whose function is opaque) are not; use
 * {@link InputGradient#forBlock(Block)} to fall back to finite differences for them.
 */
public final class ExactInputGradient implements InputGradient {

    /** The shared instance; the strategy has no state. */
    public static final ExactInputGradient INSTANCE = new ExactInputGradient();

    private ExactInputGradient() {}

    /**
     * Whether every layer of the block has a known vector-Jacobian product.
     *
     * @param block the block to inspect
     * @return true if {@link #trace} can handle it
     */
    public static boolean supports(Block block) {
        if (block instanceof TraceableBlock) {
            return ((TraceableBlock) block).isTraceable();
        }
        if (block instanceof Linear) {
            return true;
        }
        if (block instanceof SequentialBlock) {
            for (Block child : block.getChildren().values()) {
                if (!supports(child)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Runs the block forward on a single input and returns the output with its exact pullback.
     *
     * @param block a block for which {@link #supports(Block)} holds
     * @param parameterStore the parameter store to read weights from
     * @param input the input, {@code (batch, ...)}
     * @param training whether this is a training pass
     * @return the traced pass
     * @throws UnsupportedOperationException if some layer has no known vector-Jacobian product
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
        throw new UnsupportedOperationException(
                "No exact input gradient for block "
                        + block.getClass().getName()
                        + "; build it from Linear, SequentialBlock and this library's blocks, implement"
                        + " TraceableBlock, or use FiniteDifferenceInputGradient");
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
