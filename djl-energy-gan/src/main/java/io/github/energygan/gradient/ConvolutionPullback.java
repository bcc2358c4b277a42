/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.util.Convolutions;

/**
 * The vector-Jacobian product of a 2-D convolution with respect to its input: the transposed
 * convolution with the same weight, {@code g ↦ convᵀ(g; W, s, p, d)}.
 *
 * <p>DJL's PyTorch engine does not implement transposed convolution (its {@code deconvolution}
 * throws), so it is written with an ordinary convolution, the textbook identity (Dumoulin &amp;
 * Visin 2016, "A guide to convolution arithmetic", §4), per spatial axis: insert {@code s − 1}
 * zeros between the cotangent's entries, add the rows or columns the forward pass never reached
 * at the end, pad by {@code d(k − 1) − p} (crop where that is negative), and convolve with stride
 * 1 and dilation {@code d}, with the weight flipped in space and its two channel axes swapped.
 * Every step is a differentiable NDArray operation, so the result carries the weight's gradient
 * for the penalty's backward pass. One group only.
 */
public final class ConvolutionPullback {

    private ConvolutionPullback() {}

    /**
     * Computes {@code gᵀ ∂conv(x)/∂x}.
     *
     * @param g the cotangent of the convolution's output, {@code (batch, C_out, h, w)}
     * @param weight the convolution's weight, {@code (C_out, C_in, k_h, k_w)}
     * @param stride the stride {@code (s_h, s_w)}
     * @param padding the zero padding {@code (p_h, p_w)}
     * @param dilation the dilation {@code (d_h, d_w)}
     * @param inputSize the spatial size of the forward pass's input {@code (H, W)}
     * @return the cotangent of the input, {@code (batch, C_in, H, W)}
     */
    public static NDArray transposed(
            NDArray g,
            NDArray weight,
            Shape stride,
            Shape padding,
            Shape dilation,
            Shape inputSize) {
        Shape kernel = weight.getShape().slice(2);
        long[] pad = new long[2];
        long[] extra = new long[2];
        for (int axis = 0; axis < 2; axis++) {
            long reach = dilation.get(axis) * (kernel.get(axis) - 1);
            long outputSize = g.getShape().get(axis + 2);
            extra[axis] =
                    inputSize.get(axis)
                            + 2 * padding.get(axis)
                            - reach
                            - 1
                            - (outputSize - 1) * stride.get(axis);
            pad[axis] = reach - padding.get(axis);
        }
        NDArray spread = g;
        if (stride.get(0) != 1 || stride.get(1) != 1) {
            spread = dilate(dilate(spread, 3, stride.get(1)), 2, stride.get(0));
        }
        if (extra[0] > 0) {
            spread = spread.concat(zeros(spread, 2, extra[0]), 2);
        }
        if (extra[1] > 0) {
            spread = spread.concat(zeros(spread, 3, extra[1]), 3);
        }
        // An op whose first operand is a parameter lands in the model's manager and would live
        // as long as the model: move the flipped weight into the step's manager at once.
        NDArray spatiallyFlipped = weight.flip(2, 3);
        spatiallyFlipped.attach(g.getManager());
        NDArray flipped = spatiallyFlipped.transpose(1, 0, 2, 3);
        NDArray full =
                Convolutions.conv2d(
                        spread,
                        flipped,
                        null,
                        new Shape(1, 1),
                        new Shape(Math.max(pad[0], 0), Math.max(pad[1], 0)),
                        dilation);
        if (pad[0] >= 0 && pad[1] >= 0) {
            return full;
        }
        // Padding wider than the kernel's reach: the forward pass saw only zeros there, so the
        // pullback drops those rows and columns.
        long cropRows = Math.max(-pad[0], 0);
        long cropColumns = Math.max(-pad[1], 0);
        return full.get(
                ":, :, {}:{}, {}:{}",
                cropRows,
                cropRows + inputSize.get(0),
                cropColumns,
                cropColumns + inputSize.get(1));
    }

    /** Inserts {@code stride − 1} zeros between consecutive entries along an axis. */
    private static NDArray dilate(NDArray x, int axis, long stride) {
        if (stride == 1) {
            return x;
        }
        NDList parts = new NDList(x);
        NDArray zero = x.zerosLike();
        for (long i = 1; i < stride; i++) {
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
