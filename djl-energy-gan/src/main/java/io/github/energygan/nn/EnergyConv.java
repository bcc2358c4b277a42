/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import io.github.energygan.gradient.TraceableBlock;
import io.github.energygan.gradient.TracedForward;
import io.github.energygan.util.Scalars;

/**
 * A convolutional energy function {@code U(x)} on images: strided convolutions (kernel 5, stride 2,
 * padding 2) with LeakyReLU(0.2), no normalisation, then a linear map to one value, {@code (batch,
 * C, H, W) → (batch)}. The 28×28 reference of Kumar et al. 2019 has channels 64, 128, 256, 512; narrower
 * presets keep the layout. Traceable, so the gradient penalty is exact.
 *
 * <p>Optionally the energy carries a Gaussian base measure, {@code U(x) = f(x) + (ρ/2)·‖x‖²} over
 * all pixels, as {@link EnergyMlp}'s does: the model {@code exp(−U)} is then normalisable whatever
 * the network learns, and the energy grows away from the data however the network extrapolates,
 * which is what an anomaly score on images needs.
 */
public class EnergyConv extends AbstractBlock implements EnergyNetwork, TraceableBlock {

    private static final byte VERSION = 1;

    private final ConvolutionStack features;
    private final Linear head;
    private final float basePrecision;

    /**
     * Creates the network.
     *
     * @param dataShape {@code (C, H, W)}
     * @param channels the channels of each convolution
     * @param activation the activation after each convolution
     * @throws IllegalArgumentException if a size is not positive
     */
    public EnergyConv(Shape dataShape, long[] channels, ActivationFunction activation) {
        this(dataShape, channels, activation, 0f);
    }

    /**
     * Creates the network with a Gaussian base measure.
     *
     * @param dataShape {@code (C, H, W)}
     * @param channels the channels of each convolution
     * @param activation the activation after each convolution
     * @param basePrecision {@code ρ ≥ 0}, finite; 0 for none
     * @throws IllegalArgumentException if a size is not positive or {@code ρ} is out of range
     */
    public EnergyConv(
            Shape dataShape, long[] channels, ActivationFunction activation, float basePrecision) {
        super(VERSION);
        if (!(basePrecision >= 0f) || Float.isInfinite(basePrecision)) {
            throw new IllegalArgumentException(
                    "The energy's base precision must be finite and >= 0, got " + basePrecision);
        }
        this.basePrecision = basePrecision;
        features = addChildBlock("features", new ConvolutionStack(dataShape, channels, activation));
        head = addChildBlock("head", Linear.builder().setUnits(1).build());
    }

    /** {@inheritDoc} */
    @Override
    public Shape getDataShape() {
        return features.getInputShape();
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        features.checkInput(x, "energy network");
        NDArray h = features.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray flat = h.reshape(h.getShape().get(0), -1);
        NDArray energy =
                head.forward(parameterStore, new NDList(flat), training, params)
                        .singletonOrThrow()
                        .squeeze(1);
        return new NDList(basePrecision == 0f ? energy : energy.add(base(x)));
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
    public NDArray baseEnergies(NDArray x) {
        return basePrecision == 0f ? EnergyNetwork.super.baseEnergies(x) : base(x);
    }

    /** {@code (ρ/2)·‖x‖²} per image. */
    private NDArray base(NDArray x) {
        return Scalars.mul(x.square().sum(new int[] {1, 2, 3}), basePrecision / 2f);
    }

    /** {@inheritDoc} */
    @Override
    public TracedForward trace(ParameterStore parameterStore, NDArray input, boolean training) {
        features.checkInput(input, "energy network");
        TracedForward inner = features.trace(parameterStore, input, training);
        NDArray h = inner.getOutput();
        Shape hidden = h.getShape();
        NDArray flat = h.reshape(hidden.get(0), -1);
        Device device = input.getDevice();
        NDArray weight =
                parameterStore.getValue(head.getParameters().get("weight"), device, training);
        NDArray bias = parameterStore.getValue(head.getParameters().get("bias"), device, training);
        NDArray out = Linear.linear(flat, weight, bias).singletonOrThrow().squeeze(1);
        if (basePrecision == 0f) {
            return new TracedForward(
                    out, g -> inner.pullback(g.expandDims(1).matMul(weight).reshape(hidden)));
        }
        // d/dx (ρ/2)‖x‖² = ρ·x, so the pullback of g adds g·ρ·x.
        return new TracedForward(
                out.add(base(input)),
                g ->
                        inner.pullback(g.expandDims(1).matMul(weight).reshape(hidden))
                                .add(
                                        Scalars.mul(
                                                input.mul(g.reshape(g.getShape().get(0), 1, 1, 1)),
                                                basePrecision)));
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
        head.initialize(manager, dataType, new Shape(1, features.getOutputShape().size()));
    }

    @Override
    public String toString() {
        String network = "U " + features + " → linear 1";
        return basePrecision == 0f
                ? network
                : network + " + Gaussian base, precision " + basePrecision;
    }
}
