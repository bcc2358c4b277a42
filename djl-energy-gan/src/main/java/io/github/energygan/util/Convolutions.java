/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A 2-D convolution whose gradient with respect to its input is right on every CPU. Use it instead
 * of {@link Conv2d#conv2d} wherever the input of a float32 convolution may need a gradient: a
 * hidden layer, a generator's layers, the input gradient of an energy.
 *
 * <p>Why: the libtorch 2.7.1 that DJL 0.36 ships computes float32 convolutions with oneDNN 3.7.1,
 * whose JIT kernels for the backward pass with respect to the input ({@code backward_data},
 * {@code jit:avx512_core} and {@code jit:avx2}) return wrong values when the number of output
 * channels is not a multiple of the kernel's channel block (16 floats with AVX-512, 8 with AVX2):
 * measured on an AVX-512 x86-64 CPU, a relative error of 0.1–1 for 1, 2, 3, 8, 15 and 17 output
 * channels, at any stride, kernel size and input channel count, with one thread. With two threads
 * the kernel also leaves part of the result unwritten, so the gradient holds whatever the memory
 * held before: NaN or numbers that change from run to run. The forward result and the gradient
 * with respect to the weight are right; float64 convolutions, which do not use oneDNN, are right
 * too. {@code docs/engine-defects.md} has the reproduction.
 *
 * <p>The fix: the weight is padded with zero filters up to a multiple of 16 output channels, and
 * the extra output channels are dropped. oneDNN pads to its channel block internally in any case,
 * so this costs almost nothing (measured: 30 ms per forward and backward pass either way for 16 →
 * 1 channels on 64 images of 28×28), and the zero filters add nothing to the result or to the
 * weight's gradient.
 */
public final class Convolutions {

    /** The widest oneDNN channel block for float32 (AVX-512), a multiple of the others. */
    static final long CHANNEL_BLOCK = 16;

    private static final Shape NO_DILATION = new Shape(1, 1);

    private Convolutions() {}

    /**
     * Computes a 2-D convolution (cross-correlation, as {@link Conv2d#conv2d}) with a gradient
     * with respect to {@code x} that is right for any number of output channels.
     *
     * @param x the input, {@code (batch, C_in, H, W)}
     * @param weight the filters, {@code (C_out, C_in, k_h, k_w)}
     * @param bias the bias, {@code (C_out)}, or {@code null}
     * @param stride the stride {@code (s_h, s_w)}
     * @param padding the zero padding {@code (p_h, p_w)}
     * @return the output, {@code (batch, C_out, h, w)}
     */
    public static NDArray conv2d(
            NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        return conv2d(x, weight, bias, stride, padding, NO_DILATION);
    }

    /**
     * Computes a dilated 2-D convolution (cross-correlation, as {@link Conv2d#conv2d}) with a
     * gradient with respect to {@code x} that is right for any number of output channels.
     *
     * @param x the input, {@code (batch, C_in, H, W)}
     * @param weight the filters, {@code (C_out, C_in, k_h, k_w)}
     * @param bias the bias, {@code (C_out)}, or {@code null}
     * @param stride the stride {@code (s_h, s_w)}
     * @param padding the zero padding {@code (p_h, p_w)}
     * @param dilation the spacing of the kernel's taps {@code (d_h, d_w)}
     * @return the output, {@code (batch, C_out, h, w)}
     */
    public static NDArray conv2d(
            NDArray x,
            NDArray weight,
            NDArray bias,
            Shape stride,
            Shape padding,
            Shape dilation) {
        Shape w = weight.getShape();
        long filters = w.get(0);
        long padded = (filters + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
        if (padded == filters) {
            return Conv2d.conv2d(x, weight, bias, stride, padding, dilation, 1)
                    .singletonOrThrow();
        }
        // Ops whose first operand is a parameter land in the model's manager: move the padded
        // weight and bias into the input's manager so that they are freed with the step.
        NDArray wide =
                weight.concat(
                        x.getManager()
                                .zeros(
                                        new Shape(padded - filters, w.get(1), w.get(2), w.get(3)),
                                        weight.getDataType()),
                        0);
        wide.attach(x.getManager());
        NDArray wideBias = null;
        if (bias != null) {
            wideBias =
                    bias.concat(
                            x.getManager().zeros(new Shape(padded - filters), bias.getDataType()));
            wideBias.attach(x.getManager());
        }
        NDArray out =
                Conv2d.conv2d(x, wide, wideBias, stride, padding, dilation, 1)
                        .singletonOrThrow();
        return out.get(":, :{}", filters);
    }
}
