/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The autograd calls of the PyTorch engine that DJL's engine-neutral API does not offer: the
 * global gradient mode, a backward pass outside a {@link ai.djl.training.GradientCollector}, and
 * zeroing one array's gradient in place. Every call to PyTorch's JNI layer in this library goes
 * through here.
 */
public final class PyTorchAutograd {

    private PyTorchAutograd() {}

    /**
     * Returns whether libtorch records operations for autograd on this thread.
     *
     * @return the gradient mode
     */
    public static boolean isGradMode() {
        return JniUtils.isGradMode();
    }

    /**
     * Turns libtorch's recording of operations for autograd on or off for this thread.
     *
     * @param enabled the gradient mode
     */
    public static void setGradMode(boolean enabled) {
        JniUtils.setGradMode(enabled);
    }

    /**
     * Runs backward from {@code output} with the upstream gradient {@code seed}, neither keeping
     * the graph nor building one for the gradients: they accumulate in the leaves' gradients.
     *
     * @param output the array to differentiate
     * @param seed the upstream gradient, shaped like {@code output}
     * @throws IllegalArgumentException if an array is not a PyTorch engine array
     */
    public static void backward(NDArray output, NDArray seed) {
        JniUtils.backward(pytorch(output), pytorch(seed), false, false);
    }

    /**
     * Sets an array's accumulated gradient to zero, in place.
     *
     * @param array an array that has a gradient
     * @throws IllegalArgumentException if it is not a PyTorch engine array
     */
    public static void zeroGradient(NDArray array) {
        JniUtils.zeroGrad(pytorch(array));
    }

    private static PtNDArray pytorch(NDArray array) {
        if (!(array instanceof PtNDArray pt)) {
            throw new IllegalArgumentException(
                    "energy-gan needs DJL's PyTorch engine; got an array of "
                            + array.getClass().getName());
        }
        return pt;
    }
}
