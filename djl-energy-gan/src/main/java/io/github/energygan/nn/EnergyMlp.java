/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import io.github.energygan.gradient.TracedForward;
import io.github.energygan.gradient.TraceableBlock;

/**
 * An MLP energy function {@code U(x)}: {@code (batch, d) → (batch)}. The 2-D reference is {@code
 * 2→512→512→512→1} with LeakyReLU(0.2) (DESIGN.md §1), the default here.
 */
public class EnergyMlp extends AbstractBlock implements EnergyNetwork, TraceableBlock {

    private static final byte VERSION = 1;

    private final MultilayerPerceptron mlp;
    private final float dataScale;

    EnergyMlp(Builder builder) {
        super(VERSION);
        dataScale = builder.dataScale;
        mlp =
                addChildBlock(
                        "mlp",
                        builder.mlpBuilder("energy network", builder.inputFeatures, 1, null)
                                .optInputScale(builder.dataScale)
                                .build());
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the underlying perceptron.
     *
     * @return the MLP, with one output
     */
    public MultilayerPerceptron getMlp() {
        return mlp;
    }

    /** {@inheritDoc} */
    @Override
    public float getDataScale() {
        return dataScale;
    }

    /** {@inheritDoc} */
    @Override
    public Shape getDataShape() {
        return new Shape(mlp.getInputFeatures());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray out = mlp.forward(parameterStore, inputs, training, params).singletonOrThrow();
        return new NDList(out.squeeze(1));
    }

    /** {@inheritDoc} */
    @Override
    public TracedForward trace(ParameterStore parameterStore, NDArray input, boolean training) {
        TracedForward inner = mlp.trace(parameterStore, input, training);
        return new TracedForward(
                inner.getOutput().squeeze(1), g -> inner.pullback(g.expandDims(1)));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        mlp.initialize(manager, dataType, new Shape(1, mlp.getInputFeatures()));
    }

    @Override
    public String toString() {
        return mlp.describeArchitecture();
    }

    /** The builder for {@link EnergyMlp}. */
    public static final class Builder extends MlpBuilder<Builder> {

        private long inputFeatures;

        Builder() {
            super(ActivationFunction.leakyRelu(0.2f));
        }

        /**
         * Sets the data dimension {@code d} (required).
         *
         * @param inputFeatures {@code d > 0}
         * @return this builder
         */
        public Builder setInputFeatures(long inputFeatures) {
            this.inputFeatures = inputFeatures;
            return this;
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Builds the network.
         *
         * @return the energy network
         * @throws IllegalArgumentException if a size is not positive
         */
        public EnergyMlp build() {
            return new EnergyMlp(this);
        }
    }
}
