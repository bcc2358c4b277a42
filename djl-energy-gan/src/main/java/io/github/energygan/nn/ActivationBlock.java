/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import io.github.energygan.gradient.TracedForward;
import io.github.energygan.gradient.TraceableBlock;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * An element-wise activation layer whose function is known, unlike DJL's lambda activations, so
 * that its vector-Jacobian product {@code g ⊙ f'(h)} can be written exactly (see {@link
 * TraceableBlock}).
 */
public class ActivationBlock extends SignedBlock implements TraceableBlock {


    private final ActivationFunction function;

    /**
     * Creates an activation layer.
     *
     * @param function the activation to apply
     */
    public ActivationBlock(ActivationFunction function) {
        super();
        this.function = Objects.requireNonNull(function, "function");
    }

    /**
     * Returns the activation applied.
     *
     * @return the function
     */
    public ActivationFunction getFunction() {
        return function;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(function.apply(inputs.singletonOrThrow()));
    }

    /** {@inheritDoc} */
    @Override
    public TracedForward trace(ParameterStore parameterStore, NDArray input, boolean training) {
        NDArray output = function.apply(input);
        return new TracedForward(output, g -> g.mul(function.derivative(input)));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    /** Version-1 files saved the activation's text. */
    @Override
    void loadVersion1(DataInputStream is) throws IOException, MalformedModelException {
        String saved = is.readUTF();
        if (!saved.equals(function.toString())) {
            throw new MalformedModelException(
                    "The weights were saved with activation "
                            + saved
                            + " but this block applies "
                            + function);
        }
    }

    /** {@inheritDoc} */
    @Override
    BlockSignature signature() {
        return new BlockSignature().add("activation", function);
    }

    @Override
    public String toString() {
        return "Activation(" + function + ')';
    }
}
