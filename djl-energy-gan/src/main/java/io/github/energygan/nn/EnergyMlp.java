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
import io.github.energygan.util.Scalars;

/**
 * An MLP energy function {@code U(x)}: {@code (batch, d) → (batch)}. The 2-D reference is {@code
 * 2→512→512→512→1} with LeakyReLU(0.2) (Kumar et al. 2019), the default here.
 *
 * <p>Optionally the energy carries a Gaussian base measure: {@code U(x) = f(x) + (ρ/2)·‖x/s‖²},
 * {@code f} the perceptron, {@code s} the data scale, {@code ρ ≥ 0} the base precision ({@link
 * Builder#optBasePrecision}). The model {@code exp(−U)} is then a product of {@code N(0, s²/ρ·I)}
 * and {@code exp(−f)}: normalisable whatever {@code f} learns, and growing away from the data
 * however the perceptron extrapolates, which is what an anomaly score needs in high dimension. Both
 * the forward pass and the exact input gradient ({@link #trace}) include the term, so the gradient
 * penalty holds the training data at stationary points of the whole energy.
 */
public class EnergyMlp extends AbstractBlock implements EnergyNetwork, TraceableBlock {

    private static final byte VERSION = 1;

    private final MultilayerPerceptron mlp;
    private final float dataScale;
    private final float basePrecision;

    EnergyMlp(Builder builder) {
        super(VERSION);
        if (!(builder.basePrecision >= 0f) || Float.isInfinite(builder.basePrecision)) {
            throw new IllegalArgumentException(
                    "The energy's base precision must be finite and >= 0, got "
                            + builder.basePrecision);
        }
        dataScale = builder.dataScale;
        basePrecision = builder.basePrecision;
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

    /**
     * Returns the precision {@code ρ} of the Gaussian base measure; 0 if there is none.
     *
     * @return {@code ρ ≥ 0}
     */
    public float getBasePrecision() {
        return basePrecision;
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
        NDArray energy = out.squeeze(1);
        return new NDList(basePrecision == 0f ? energy : energy.add(base(inputs.head())));
    }

    /** {@inheritDoc} */
    @Override
    public NDArray baseEnergies(NDArray x) {
        return basePrecision == 0f ? EnergyNetwork.super.baseEnergies(x) : base(x);
    }

    /** {@code (ρ/2)·‖x/s‖²} per row. */
    private NDArray base(NDArray x) {
        return Scalars.mul(
                x.square().sum(new int[] {1}), basePrecision / (2f * dataScale * dataScale));
    }

    /** {@inheritDoc} */
    @Override
    public TracedForward trace(ParameterStore parameterStore, NDArray input, boolean training) {
        TracedForward inner = mlp.trace(parameterStore, input, training);
        if (basePrecision == 0f) {
            return new TracedForward(
                    inner.getOutput().squeeze(1), g -> inner.pullback(g.expandDims(1)));
        }
        // d/dx (ρ/2)‖x/s‖² = (ρ/s²)·x, so the pullback of g adds g·(ρ/s²)·x.
        float slope = basePrecision / (dataScale * dataScale);
        return new TracedForward(
                inner.getOutput().squeeze(1).add(base(input)),
                g -> {
                    NDArray column = g.expandDims(1);
                    return inner.pullback(column).add(Scalars.mul(input.mul(column), slope));
                });
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
        mlp.initialize(manager, dataType, new Shape(1, mlp.getInputFeatures()));
    }

    @Override
    public String toString() {
        return basePrecision == 0f
                ? mlp.describeArchitecture()
                : mlp.describeArchitecture() + " + Gaussian base, precision " + basePrecision;
    }

    /** The builder for {@link EnergyMlp}. */
    public static final class Builder extends MlpBuilder<Builder> {

        private long inputFeatures;
        private float basePrecision;

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

        /**
         * Adds a Gaussian base measure {@code (ρ/2)·‖x/s‖²} to the energy; 0 (none, the article's
         * energy) by default.
         *
         * @param basePrecision {@code ρ ≥ 0}, finite
         * @return this builder
         */
        public Builder optBasePrecision(float basePrecision) {
            this.basePrecision = basePrecision;
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
