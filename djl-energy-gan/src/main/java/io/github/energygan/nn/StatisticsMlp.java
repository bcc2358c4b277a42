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

import io.github.energygan.util.Scalars;

/**
 * An MLP statistics network {@code T(x, z)}: inputs {@code [x (batch, d), z (batch, k)]},
 * concatenated, to a logit {@code (batch)}. The 2-D reference is {@code (2+2)→512→512→512→1} with
 * LeakyReLU(0.2) (Kumar et al. 2019), the default here.
 */
public class StatisticsMlp extends AbstractBlock implements StatisticsNetwork {

    private static final byte VERSION = 1;

    private final long dataFeatures;
    private final long latentFeatures;
    private final float dataScale;
    private final MultilayerPerceptron mlp;

    StatisticsMlp(Builder builder) {
        super(VERSION);
        dataFeatures = builder.dataFeatures;
        latentFeatures = builder.latentFeatures;
        dataScale = builder.dataScale;
        if (!(dataScale > 0f) || Float.isInfinite(dataScale)) {
            throw new IllegalArgumentException(
                    "The statistics network's data scale must be positive and finite, got "
                            + dataScale);
        }
        if (dataFeatures <= 0 || latentFeatures <= 0) {
            throw new IllegalArgumentException(
                    "The statistics network needs data and latent features > 0, got "
                            + dataFeatures
                            + " and "
                            + latentFeatures);
        }
        mlp =
                addChildBlock(
                        "mlp",
                        builder.buildMlp(
                                "statistics network", dataFeatures + latentFeatures, 1, null));
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
        return new Shape(dataFeatures);
    }

    /** {@inheritDoc} */
    @Override
    public long getLatentFeatures() {
        return latentFeatures;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException(
                    "The statistics network takes two inputs [x, z], got " + inputs.size());
        }
        NDArray x = inputs.get(0);
        NDArray z = inputs.get(1);
        if (x.getShape().dimension() != 2
                || z.getShape().dimension() != 2
                || x.getShape().get(0) != z.getShape().get(0)) {
            throw new IllegalArgumentException(
                    "The statistics network expects x (batch, "
                            + dataFeatures
                            + ") and z (batch, "
                            + latentFeatures
                            + ") with the same batch, got "
                            + x.getShape()
                            + " and "
                            + z.getShape());
        }
        NDArray joint = (dataScale == 1f ? x : Scalars.div(x, dataScale)).concat(z, 1);
        NDArray out =
                mlp.forward(parameterStore, new NDList(joint), training, params).singletonOrThrow();
        return new NDList(out.squeeze(1));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        mlp.initialize(manager, dataType, new Shape(1, dataFeatures + latentFeatures));
    }

    @Override
    public String toString() {
        return mlp.describeArchitecture();
    }

    /** The builder for {@link StatisticsMlp}. */
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
         * @return the statistics network
         * @throws IllegalArgumentException if a size is not positive
         */
        public StatisticsMlp build() {
            return new StatisticsMlp(this);
        }
    }
}
