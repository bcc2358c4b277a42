/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.util.Convolutions;

/**
 * The vector-Jacobian product of a 2-D convolution with respect to its input: the transposed
 * convolution with the same weight, {@code g ↦ convᵀ(g; W, s, p, op)}.
 *
 * <p>DJL's PyTorch engine does not implement transposed convolution (its {@code deconvolution}
 * throws), so it is written with an ordinary convolution, the textbook identity (Dumoulin &amp;
 * Visin 2016, "A guide to convolution arithmetic", §4): insert {@code s − 1} zeros between the
 * cotangent's entries, pad by {@code k − 1 − p} (plus the output padding on the bottom and right),
 * and convolve with stride 1 with the weight flipped in space and with its two channel axes
 * swapped. Every step is a differentiable NDArray operation, so the result carries the weight's
 * gradient for the penalty's backward pass.
 */
final class ConvolutionPullback {

    private ConvolutionPullback() {}

    /**
     * Computes {@code gᵀ ∂conv(x)/∂x}.
     *
     * @param g the cotangent of the convolution's output, {@code (batch, C_out, h, w)}
     * @param weight the convolution's weight, {@code (C_out, C_in, k, k)}
     * @param stride the stride {@code s}
     * @param padding the padding {@code p}, with {@code p <= k − 1}
     * @param outPadding the rows and columns of the input the forward pass never reached
     * @return the cotangent of the input, {@code (batch, C_in, H, W)}
     */
    static NDArray transposed(
            NDArray g, NDArray weight, int stride, int padding, Shape outPadding) {
        long kernel = weight.getShape().get(2);
        NDArray spread = stride == 1 ? g : dilate(dilate(g, 3, stride), 2, stride);
        long extraRows = outPadding.get(0);
        long extraColumns = outPadding.get(1);
        if (extraRows > 0) {
            spread = spread.concat(zeros(spread, 2, extraRows), 2);
        }
        if (extraColumns > 0) {
            spread = spread.concat(zeros(spread, 3, extraColumns), 3);
        }
        // An op whose first operand is a parameter lands in the model's manager and would live
        // as long as the model: move the flipped weight into the step's manager at once.
        NDArray spatiallyFlipped = weight.flip(2, 3);
        spatiallyFlipped.attach(g.getManager());
        NDArray flipped = spatiallyFlipped.transpose(1, 0, 2, 3);
        long pad = kernel - 1 - padding;
        return Convolutions.conv2d(spread, flipped, null, new Shape(1, 1), new Shape(pad, pad));
    }

    /** Inserts {@code stride − 1} zeros between consecutive entries along an axis. */
    private static NDArray dilate(NDArray x, int axis, int stride) {
        NDList parts = new NDList(x);
        NDArray zero = x.zerosLike();
        for (int i = 1; i < stride; i++) {
            parts.add(zero);
        }
        // Interleave: stack after the axis, merge the two, drop the trailing zeros.
        NDArray stacked = NDArrays.stack(parts, axis + 1);
        Shape shape = x.getShape();
        long[] merged = shape.getShape().clone();
        merged[axis] = shape.get(axis) * stride;
        NDArray interleaved = stacked.reshape(new Shape(merged));
        long keep = (shape.get(axis) - 1) * stride + 1;
        return axis == 2
                ? interleaved.get(":, :, :{}, :", keep)
                : interleaved.get(":, :, :, :{}", keep);
    }

    private static NDArray zeros(NDArray like, int axis, long size) {
        long[] dims = like.getShape().getShape().clone();
        dims[axis] = size;
        return like.getManager().zeros(new Shape(dims), like.getDataType());
    }
}
