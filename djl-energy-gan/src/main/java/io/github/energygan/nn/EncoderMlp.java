/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An MLP InfoGAN encoder {@code Enc(x)}: {@code (batch, d) → (batch, k)}, the mean of {@code p(z
 * | x)}. Same default shape as the statistics network: three hidden layers of 512, LeakyReLU(0.2).
 */
public class EncoderMlp extends AbstractBlock implements EncoderNetwork {

    private static final byte VERSION = 1;

    private final MultilayerPerceptron mlp;

    EncoderMlp(Builder builder) {
        super(VERSION);
        mlp =
                addChildBlock(
                        "mlp",
                        builder.mlpBuilder(
                                        "encoder", builder.dataFeatures, builder.latentFeatures, null)
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

    /** {@inheritDoc} */
    @Override
    public Shape getDataShape() {
        return new Shape(mlp.getInputFeatures());
    }

    /** {@inheritDoc} */
    @Override
    public long getLatentFeatures() {
        return mlp.getOutputFeatures();
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return mlp.forward(parameterStore, inputs, training, params);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return mlp.getOutputShapes(inputShapes);
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

    /** The builder for {@link EncoderMlp}. */
    public static final class Builder extends MlpBuilder<Builder> {

        private long dataFeatures;
        private long latentFeatures;

        Builder() {
            super(ActivationFunction.leakyRelu(0.2f));
        }

        /**
         * Sets the data dimension {@code d} (required).
         *
         * @param dataFeatures {@code d > 0}
         * @return this builder
         */
        public Builder setDataFeatures(long dataFeatures) {
            this.dataFeatures = dataFeatures;
            return this;
        }

        /**
         * Sets the latent dimension {@code k} (required).
         *
         * @param latentFeatures {@code k > 0}
         * @return this builder
         */
        public Builder setLatentFeatures(long latentFeatures) {
            this.latentFeatures = latentFeatures;
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
         * @return the encoder
         * @throws IllegalArgumentException if a size is not positive
         */
        public EncoderMlp build() {
            return new EncoderMlp(this);
        }
    }
}
