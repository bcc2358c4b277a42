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
 * An MLP generator {@code G(z)}: {@code (batch, k) → (batch, d)}. The 2-D reference is {@code
 * 2→512→512→512→2} with ReLU (Kumar et al. 2019), the default here. Traceable, so that Langevin
 * sampling in latent space can pull {@code ∇_x U} back to {@code ∇_z U(G(z))} exactly.
 */
public class GeneratorMlp extends AbstractBlock implements GeneratorNetwork, TraceableBlock {

    private static final byte VERSION = 1;

    private final MultilayerPerceptron mlp;

    GeneratorMlp(Builder builder) {
        super(VERSION);
        mlp =
                addChildBlock(
                        "mlp",
                        builder.mlpBuilder(
                                        "generator",
                                        builder.latentFeatures,
                                        builder.outputFeatures,
                                        builder.outputBound > 0f
                                                ? ActivationFunction.tanh()
                                                : builder.outputActivation)
                                .optOutputScale(
                                        builder.outputBound > 0f
                                                ? builder.dataScale * builder.outputBound
                                                : builder.dataScale)
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
     * @return the MLP
     */
    public MultilayerPerceptron getMlp() {
        return mlp;
    }

    /** {@inheritDoc} */
    @Override
    public long getLatentFeatures() {
        return mlp.getInputFeatures();
    }

    /** {@inheritDoc} */
    @Override
    public Shape getDataShape() {
        return new Shape(mlp.getOutputFeatures());
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
    public TracedForward trace(ParameterStore parameterStore, NDArray input, boolean training) {
        return mlp.trace(parameterStore, input, training);
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

    /** The builder for {@link GeneratorMlp}. */
    public static final class Builder extends MlpBuilder<Builder> {

        private long latentFeatures;
        private long outputFeatures;
        private ActivationFunction outputActivation;
        private float outputBound;

        Builder() {
            super(ActivationFunction.relu());
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

        /**
         * Sets the data dimension {@code d} (required).
         *
         * @param outputFeatures {@code d > 0}
         * @return this builder
         */
        public Builder setOutputFeatures(long outputFeatures) {
            this.outputFeatures = outputFeatures;
            return this;
        }

        /**
         * Sets an activation on the output, e.g. tanh for data in {@code [-1, 1]}; none by default.
         *
         * @param outputActivation the activation, or null
         * @return this builder
         */
        public Builder optOutputActivation(ActivationFunction outputActivation) {
            this.outputActivation = outputActivation;
            return this;
        }

        /**
         * Bounds the output to {@code ±bound} data scales: {@code x = s · bound · tanh(h)}, so
         * that no sample can land arbitrarily far from the data, where the energy is unconstrained
         * and a large learning rate can make it run away. 0 (unbounded, the reference) by
         * default; replaces {@link #optOutputActivation}.
         *
         * @param bound {@code >= 0}, in units of the data scale
         * @return this builder
         */
        public Builder optOutputBound(float bound) {
            this.outputBound = bound;
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
         * @return the generator
         * @throws IllegalArgumentException if a size is not positive
         */
        public GeneratorMlp build() {
            if (!(outputBound >= 0f) || Float.isInfinite(outputBound)) {
                throw new IllegalArgumentException(
                        "The generator's output bound must be finite and >= 0, got " + outputBound);
            }
            return new GeneratorMlp(this);
        }
    }
}
