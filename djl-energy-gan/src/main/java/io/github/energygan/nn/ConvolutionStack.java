/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import io.github.energygan.gradient.TraceableBlock;
import io.github.energygan.gradient.ConvolutionPullback;
import io.github.energygan.gradient.TracedForward;
import io.github.energygan.util.Convolutions;

import java.util.ArrayList;
import java.util.List;

/**
 * Strided convolutions, each kernel 5, stride 2, padding 2 (the 28×28 reference of Kumar et al. 2019,
 * which halves the side, rounding up: 28 → 14 → 7 → 4) followed by an activation: {@code (batch, C,
 * H, W) → (batch, c_L, h_L, w_L)}.
 *
 * <p>Traceable: the vector-Jacobian product of a convolution is the transposed convolution with the
 * same weight and the output padding that restores the input's size, so {@code ∇_x} of anything
 * built on this stack is exact and differentiable in the weights.
 */
public final class ConvolutionStack extends SignedBlock implements TraceableBlock {

    static final int KERNEL = 5;
    static final int STRIDE = 2;
    static final int PADDING = 2;

    private static final Shape KERNEL_SHAPE = new Shape(KERNEL, KERNEL);
    private static final Shape STRIDE_SHAPE = new Shape(STRIDE, STRIDE);
    private static final Shape PADDING_SHAPE = new Shape(PADDING, PADDING);
    static final Shape NO_DILATION = new Shape(1, 1);

    private final Shape inputShape;
    private final long[] channels;
    private final ActivationFunction activation;
    private final List<Conv2d> convolutions = new ArrayList<>();

    /**
     * Creates the stack.
     *
     * @param inputShape {@code (C, H, W)}, all {@code > 0}
     * @param channels the output channels of each convolution, at least one, all {@code > 0}
     * @param activation the activation after each convolution
     * @throws IllegalArgumentException if a size is not positive
     */
    public ConvolutionStack(Shape inputShape, long[] channels, ActivationFunction activation) {
        super();
        if (inputShape.dimension() != 3 || inputShape.size() <= 0) {
            throw new IllegalArgumentException(
                    "A convolution stack takes images (channels, height, width), got "
                            + inputShape);
        }
        if (channels.length == 0) {
            throw new IllegalArgumentException("A convolution stack needs at least one layer");
        }
        for (long c : channels) {
            if (c <= 0) {
                throw new IllegalArgumentException("Convolution channels must be > 0, got " + c);
            }
        }
        this.inputShape = inputShape;
        this.channels = channels.clone();
        this.activation = activation;
        for (int i = 0; i < channels.length; i++) {
            convolutions.add(
                    addChildBlock(
                            "conv" + i,
                            Conv2d.builder()
                                    .setKernelShape(KERNEL_SHAPE)
                                    .optStride(STRIDE_SHAPE)
                                    .optPadding(PADDING_SHAPE)
                                    .setFilters(Math.toIntExact(channels[i]))
                                    .build()));
        }
    }

    /**
     * The side after one strided convolution: {@code floor((n + 2p − k)/s) + 1}.
     *
     * @param side the input side
     * @return the output side
     */
    static long downsample(long side) {
        return (side + 2 * PADDING - KERNEL) / STRIDE + 1;
    }

    /**
     * Returns the output shape of one sample, {@code (c_L, h_L, w_L)}.
     *
     * @return the shape
     */
    public Shape getOutputShape() {
        long h = inputShape.get(1);
        long w = inputShape.get(2);
        for (int i = 0; i < channels.length; i++) {
            h = downsample(h);
            w = downsample(w);
        }
        return new Shape(channels[channels.length - 1], h, w);
    }

    /**
     * Returns the input shape of one sample.
     *
     * @return {@code (C, H, W)}
     */
    public Shape getInputShape() {
        return inputShape;
    }

    void checkInput(NDArray x, String role) {
        Shape shape = x.getShape();
        if (shape.dimension() != 4 || !shape.slice(1).equals(inputShape) || shape.get(0) == 0) {
            throw new IllegalArgumentException(
                    "The "
                            + role
                            + " expects images of shape (batch >= 1, "
                            + inputShape.toString().replaceAll("[()]", "")
                            + "), got "
                            + shape);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        // The traced pass computes exactly the forward pass; its pullback is built, not run.
        return new NDList(trace(parameterStore, inputs.singletonOrThrow(), training).getOutput());
    }

    /** {@inheritDoc} */
    @Override
    public TracedForward trace(ParameterStore parameterStore, NDArray input, boolean training) {
        Device device = input.getDevice();
        TracedForward traced = null;
        NDArray x = input;
        for (Conv2d conv : convolutions) {
            NDArray weight =
                    parameterStore.getValue(conv.getParameters().get("weight"), device, training);
            NDArray bias =
                    parameterStore.getValue(conv.getParameters().get("bias"), device, training);
            NDArray h = Convolutions.conv2d(x, weight, bias, STRIDE_SHAPE, PADDING_SHAPE);
            NDArray out = activation.apply(h);
            Shape inputSize = x.getShape().slice(2);
            TracedForward step =
                    new TracedForward(
                            out,
                            g ->
                                    ConvolutionPullback.transposed(
                                            g.mul(activation.derivative(h)),
                                            weight,
                                            STRIDE_SHAPE,
                                            PADDING_SHAPE,
                                            NO_DILATION,
                                            inputSize));
            traced = traced == null ? step : traced.andThen(step);
            x = out;
        }
        return traced;
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0)).addAll(getOutputShape())};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        Shape current = new Shape(1).addAll(inputShape);
        for (Conv2d conv : convolutions) {
            conv.initialize(manager, dataType, current);
            current = conv.getOutputShapes(new Shape[] {current})[0];
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("conv");
        text.append(inputShape.get(0));
        for (long c : channels) {
            text.append('→').append(c);
        }
        return text.append(" k5s2 ").append(activation).toString();
    }

    /** {@inheritDoc} */
    @Override
    BlockSignature signature() {
        return new BlockSignature()
                .add("inputShape", inputShape.getShape())
                .add("channels", channels)
                .add("kernel", KERNEL)
                .add("stride", STRIDE)
                .add("padding", PADDING)
                .add("activation", activation);
    }
}
