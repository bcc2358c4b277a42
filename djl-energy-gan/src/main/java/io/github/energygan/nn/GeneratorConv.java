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
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import io.github.energygan.gradient.TraceableBlock;
import io.github.energygan.gradient.ConvolutionPullback;
import io.github.energygan.gradient.TracedForward;
import io.github.energygan.util.Convolutions;

import java.util.ArrayList;
import java.util.List;

/**
 * A convolutional generator {@code G(z)}: a linear map to {@code c₀ × s × s}, then transposed
 * convolutions (kernel 5, stride 2, padding 2, each with the output padding that lands on the sides
 * the energy network's convolutions pass through, e.g. 4 → 7 → 14 → 28), ReLU between them and tanh
 * at the end, so images lie in {@code [-1, 1]}: {@code (batch, k) → (batch, C, H, W)}.
 *
 * <p>The reference (Kumar et al. 2019) puts batch normalisation after the linear map and each hidden
 * transposed convolution; this generator leaves it out, so that its exact pullback (needed by
 * latent MCMC) has no batch statistics in it. Traceable: the vector-Jacobian product of a
 * transposed convolution is the convolution with the same weight.
 */
public class GeneratorConv extends SignedBlock implements GeneratorNetwork, TraceableBlock {

    private static final Shape KERNEL = new Shape(ConvolutionStack.KERNEL, ConvolutionStack.KERNEL);
    private static final Shape PADDING =
            new Shape(ConvolutionStack.PADDING, ConvolutionStack.PADDING);
    private static final Shape UNIT_STRIDE = new Shape(1, 1);

    private final long latentFeatures;
    private final Shape dataShape;
    private final long[] channels;
    private final long[][] sides;
    private final Linear project;
    private final List<Conv2d> layers = new ArrayList<>();

    /**
     * Creates the generator.
     *
     * @param latentFeatures {@code k > 0}
     * @param dataShape {@code (C, H, W)}
     * @param channels the channels before each transposed convolution, the first being those of the
     *     projected map; the last layer maps to {@code C}
     * @throws IllegalArgumentException if a size is not positive
     */
    public GeneratorConv(long latentFeatures, Shape dataShape, long[] channels) {
        super();
        if (latentFeatures <= 0 || dataShape.dimension() != 3 || dataShape.size() <= 0) {
            throw new IllegalArgumentException(
                    "The generator needs a latent size > 0 and images (channels, height, width),"
                            + " got "
                            + latentFeatures
                            + " and "
                            + dataShape);
        }
        if (channels.length == 0) {
            throw new IllegalArgumentException("The generator needs at least one channel count");
        }
        for (long c : channels) {
            if (c <= 0) {
                throw new IllegalArgumentException("Generator channels must be > 0, got " + c);
            }
        }
        this.latentFeatures = latentFeatures;
        this.dataShape = dataShape;
        this.channels = channels.clone();
        int n = channels.length;
        // sides[i] = (h, w) before layer i; sides[n] = the image.
        sides = new long[n + 1][2];
        sides[n][0] = dataShape.get(1);
        sides[n][1] = dataShape.get(2);
        for (int i = n - 1; i >= 0; i--) {
            sides[i][0] = ConvolutionStack.downsample(sides[i + 1][0]);
            sides[i][1] = ConvolutionStack.downsample(sides[i + 1][1]);
        }
        project =
                addChildBlock(
                        "project",
                        Linear.builder().setUnits(channels[0] * sides[0][0] * sides[0][1]).build());
        for (int i = 0; i < n; i++) {
            long out = i + 1 < n ? channels[i + 1] : dataShape.get(0);
            layers.add(
                    addChildBlock(
                            "conv" + i,
                            Conv2d.builder()
                                    .setKernelShape(KERNEL)
                                    .optPadding(PADDING)
                                    .setFilters(Math.toIntExact(out))
                                    .build()));
        }
    }

    /** Doubles the side by repeating each pixel, then crops to the target sides. */
    private NDArray upsample(NDArray x, int stage) {
        NDArray up = x.repeat(2, 2).repeat(3, 2);
        long h = sides[stage + 1][0];
        long w = sides[stage + 1][1];
        if (up.getShape().get(2) == h && up.getShape().get(3) == w) {
            return up;
        }
        return up.get(":, :, :{}, :{}", h, w);
    }

    /** The pullback of {@link #upsample}: pad back what was cropped, sum each 2×2 block. */
    private NDArray upsamplePullback(NDArray g, int stage) {
        long h = sides[stage][0] * 2;
        long w = sides[stage][1] * 2;
        NDArray full = g;
        long b = g.getShape().get(0);
        long c = g.getShape().get(1);
        if (full.getShape().get(2) < h) {
            full =
                    full.concat(
                            g.getManager()
                                    .zeros(
                                            new Shape(
                                                    b,
                                                    c,
                                                    h - full.getShape().get(2),
                                                    full.getShape().get(3)),
                                            g.getDataType()),
                            2);
        }
        if (full.getShape().get(3) < w) {
            full =
                    full.concat(
                            g.getManager()
                                    .zeros(
                                            new Shape(b, c, h, w - full.getShape().get(3)),
                                            g.getDataType()),
                            3);
        }
        return full.reshape(b, c, sides[stage][0], 2, sides[stage][1], 2).sum(new int[] {3, 5});
    }

    /** {@inheritDoc} */
    @Override
    public long getLatentFeatures() {
        return latentFeatures;
    }

    /** {@inheritDoc} */
    @Override
    public Shape getDataShape() {
        return dataShape;
    }

    private void checkInput(NDArray z) {
        Shape shape = z.getShape();
        if (shape.dimension() != 2 || shape.get(1) != latentFeatures || shape.get(0) == 0) {
            throw new IllegalArgumentException(
                    "The generator expects latent codes of shape (batch >= 1, "
                            + latentFeatures
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
    public TracedForward trace(ParameterStore parameterStore, NDArray z, boolean training) {
        checkInput(z);
        Device device = z.getDevice();
        NDArray w0 =
                parameterStore.getValue(project.getParameters().get("weight"), device, training);
        NDArray b0 = parameterStore.getValue(project.getParameters().get("bias"), device, training);
        NDArray h0 = Linear.linear(z, w0, b0).singletonOrThrow();
        Shape map = new Shape(z.getShape().get(0), channels[0], sides[0][0], sides[0][1]);
        NDArray x = Activation.relu(h0.reshape(map));
        NDArray firstPre = h0;
        TracedForward traced =
                new TracedForward(
                        x,
                        g ->
                                g.reshape(firstPre.getShape())
                                        .mul(firstPre.gt(0).toType(firstPre.getDataType(), false))
                                        .matMul(w0));
        for (int i = 0; i < layers.size(); i++) {
            Conv2d layer = layers.get(i);
            int stage = i;
            NDArray weight =
                    parameterStore.getValue(layer.getParameters().get("weight"), device, training);
            NDArray bias =
                    parameterStore.getValue(layer.getParameters().get("bias"), device, training);
            NDArray up = upsample(x, stage);
            NDArray h = Convolutions.conv2d(up, weight, bias, UNIT_STRIDE, PADDING);
            boolean last = i + 1 == layers.size();
            NDArray out = last ? h.tanh() : Activation.relu(h);
            TracedForward step =
                    new TracedForward(
                            out,
                            g -> {
                                NDArray local =
                                        last
                                                ? g.mul(out.square().neg().add(1f))
                                                : g.mul(h.gt(0).toType(h.getDataType(), false));
                                NDArray throughConv =
                                        ConvolutionPullback.transposed(
                                                local,
                                                weight,
                                                UNIT_STRIDE,
                                                PADDING,
                                                ConvolutionStack.NO_DILATION,
                                                up.getShape().slice(2));
                                return upsamplePullback(throughConv, stage);
                            });
            traced = traced.andThen(step);
            x = out;
        }
        return traced;
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0)).addAll(dataShape)};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        project.initialize(manager, dataType, new Shape(1, latentFeatures));
        for (int i = 0; i < layers.size(); i++) {
            long in = channels[i];
            layers.get(i)
                    .initialize(
                            manager, dataType, new Shape(1, in, sides[i + 1][0], sides[i + 1][1]));
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("G linear ").append(latentFeatures).append("→");
        text.append(channels[0]).append('×').append(sides[0][0]).append('×').append(sides[0][1]);
        for (int i = 1; i < channels.length; i++) {
            text.append(" up·conv→").append(channels[i]);
        }
        return text.append(" up·conv→").append(dataShape.get(0)).append(" relu, tanh").toString();
    }

    /** {@inheritDoc} */
    @Override
    BlockSignature signature() {
        return new BlockSignature()
                .add("latentFeatures", latentFeatures)
                .add("dataShape", dataShape.getShape())
                .add("channels", channels);
    }
}
