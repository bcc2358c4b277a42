/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A convolutional statistics network {@code T(x, z)} for the JSD mutual-information estimator on
 * images: strided convolutions of {@code x} (kernel 5, stride 2, LeakyReLU(0.2)), flattened and
 * joined with {@code z}, then a hidden layer and a linear map to one value: {@code [(batch, C, H,
 * W), (batch, k)] → (batch)}. The hidden layer after the join lets {@code T} model how {@code x}
 * and {@code z} interact, which the estimate needs.
 */
public class StatisticsConv extends SignedBlock implements StatisticsNetwork {


    private final long latentFeatures;
    private final long hiddenWidth;
    private final ConvolutionStack features;
    private final Linear hidden;
    private final Linear head;
    private final ActivationFunction activation;

    /**
     * Creates the network.
     *
     * @param dataShape {@code (C, H, W)}
     * @param latentFeatures {@code k > 0}
     * @param channels the channels of each convolution
     * @param hiddenWidth the width of the layer after the join, {@code > 0}
     * @param activation the activation after each layer
     * @throws IllegalArgumentException if a size is not positive
     */
    public StatisticsConv(
            Shape dataShape,
            long latentFeatures,
            long[] channels,
            long hiddenWidth,
            ActivationFunction activation) {
        super();
        if (latentFeatures <= 0 || hiddenWidth <= 0) {
            throw new IllegalArgumentException(
                    "The statistics network needs latent and hidden sizes > 0, got "
                            + latentFeatures
                            + " and "
                            + hiddenWidth);
        }
        this.latentFeatures = latentFeatures;
        this.hiddenWidth = hiddenWidth;
        this.activation = activation;
        features = addChildBlock("features", new ConvolutionStack(dataShape, channels, activation));
        hidden = addChildBlock("hidden", Linear.builder().setUnits(hiddenWidth).build());
        head = addChildBlock("head", Linear.builder().setUnits(1).build());
    }

    /** {@inheritDoc} */
    @Override
    public Shape getDataShape() {
        return features.getInputShape();
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
        features.checkInput(x, "statistics network");
        if (z.getShape().dimension() != 2
                || z.getShape().get(1) != latentFeatures
                || z.getShape().get(0) != x.getShape().get(0)) {
            throw new IllegalArgumentException(
                    "The statistics network expects z of shape ("
                            + x.getShape().get(0)
                            + ", "
                            + latentFeatures
                            + "), got "
                            + z.getShape());
        }
        NDArray h =
                features.forward(parameterStore, new NDList(x), training, params)
                        .singletonOrThrow();
        NDArray joint = h.reshape(h.getShape().get(0), -1).concat(z, 1);
        NDArray a =
                activation.apply(
                        hidden.forward(parameterStore, new NDList(joint), training, params)
                                .singletonOrThrow());
        return new NDList(
                head.forward(parameterStore, new NDList(a), training, params)
                        .singletonOrThrow()
                        .squeeze(1));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        features.initialize(manager, dataType, new Shape(1).addAll(getDataShape()));
        hidden.initialize(
                manager, dataType, new Shape(1, features.getOutputShape().size() + latentFeatures));
        head.initialize(
                manager, dataType, hidden.getOutputShapes(new Shape[] {new Shape(1, 1)})[0]);
    }

    @Override
    public String toString() {
        return "T "
                + features
                + " ⊕ z → "
                + hidden.getOutputShapes(new Shape[] {new Shape(1, 1)})[0].get(1)
                + " → 1";
    }

    /** {@inheritDoc} */
    @Override
    BlockSignature signature() {
        return new BlockSignature()
                .add("latentFeatures", latentFeatures)
                .add("hiddenWidth", hiddenWidth);
    }
}
