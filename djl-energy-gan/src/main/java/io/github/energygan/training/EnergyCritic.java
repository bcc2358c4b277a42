/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import io.github.energygan.gradient.InputGradient;
import io.github.energygan.nn.EnergyNetwork;
import io.github.energygan.util.Scalars;

import java.util.Objects;

/**
 * The energy network as the block of a DJL training {@code Model}: it lays out exactly what {@link
 * io.github.energygan.loss.EnergyLoss} reads.
 *
 * <p>Input: {@code [x_data (batch, ...), x_model (batch', ...)]}. Output: {@code [U(x_data)
 * (batch), U(x_model) (batch'), ||∇_x U(x_data)||² (batch)]}. The model samples are detached, so no
 * gradient reaches whatever produced them; the squared norms come from an {@link InputGradient},
 * so one ordinary backward gives the penalty's parameter gradient. For an {@link EnergyNetwork} with data scale {@code s} the norms
 * are those of the gradient with respect to the standardised input {@code x / s} ({@code s² ||∇_x
 * U||²}), so the penalty coefficient keeps the reference meaning whatever the data's units.
 *
 * <p>The energy network is this block's only child: a {@code Trainer} on it updates {@code U} and
 * nothing else.
 *
 * <p>This is the one adapter between a user's energy network and {@link
 * io.github.energygan.loss.EnergyLoss}: a DJL {@code Loss} sees only the block's outputs, and the
 * penalty needs the network's input gradient, which only a block that holds the network can
 * compute. The user's network itself stays an ordinary block with output {@code U(x)}.
 */
public class EnergyCritic extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block energy;
    private final InputGradient inputGradient;
    private final float penaltyScale;

    /**
     * Wraps an energy network with the exact input gradient ({@link InputGradient#forBlock(Block)}).
     * A network built from this library's blocks or from DJL's common ones (see {@link
     * io.github.energygan.gradient.ExactInputGradient}) qualifies.
     *
     * @param energy the energy network, {@code (batch, ...) → (batch)} or {@code (batch, 1)}
     * @throws IllegalArgumentException if some part of the network has no exact input gradient;
     *     the message names it and says how to proceed (implement {@code TraceableBlock}, or opt
     *     in to finite differences with {@link #EnergyCritic(Block, InputGradient)})
     */
    public EnergyCritic(Block energy) {
        this(energy, InputGradient.forBlock(energy));
    }

    /**
     * Wraps an energy network with a given input-gradient strategy.
     *
     * @param energy the energy network
     * @param inputGradient how to compute {@code ||∇_x U||²}
     */
    public EnergyCritic(Block energy, InputGradient inputGradient) {
        super(VERSION);
        this.energy = addChildBlock("energy", Objects.requireNonNull(energy, "energy"));
        this.inputGradient = Objects.requireNonNull(inputGradient, "inputGradient");
        float scale =
                energy instanceof EnergyNetwork ? ((EnergyNetwork) energy).getDataScale() : 1f;
        this.penaltyScale = scale * scale;
    }

    /**
     * Returns the energy network.
     *
     * @return {@code U}
     */
    public Block getEnergy() {
        return energy;
    }

    /**
     * Returns the input-gradient strategy in use.
     *
     * @return the strategy
     */
    public InputGradient getInputGradient() {
        return inputGradient;
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
                    "EnergyCritic takes [x_data, x_model], got " + inputs.size() + " inputs");
        }
        NDArray data = inputs.get(0);
        NDArray model = inputs.get(1);
        Shape dataShape = data.getShape();
        Shape modelShape = model.getShape();
        if (dataShape.dimension() < 2
                || !dataShape.slice(1).equals(modelShape.slice(1))
                || dataShape.get(0) == 0
                || modelShape.get(0) == 0) {
            throw new IllegalArgumentException(
                    "EnergyCritic expects x_data and x_model as non-empty batches of samples of"
                            + " the same shape, got "
                            + dataShape
                            + " and "
                            + modelShape);
        }
        NDList energyAndNorm =
                inputGradient.energyAndSquaredGradientNorm(energy, parameterStore, data, training);
        NDArray modelEnergy =
                InputGradient.asBatchVector(
                        energy.forward(parameterStore, new NDList(model.stopGradient()), training)
                                .singletonOrThrow());
        NDArray squaredNorm = energyAndNorm.get(1);
        if (penaltyScale != 1f) {
            squaredNorm = Scalars.mul(squaredNorm, penaltyScale);
        }
        return new NDList(energyAndNorm.get(0), modelEnergy, squaredNorm);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch), new Shape(inputShapes[1].get(0)), new Shape(batch)};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        energy.initialize(manager, dataType, inputShapes[0]);
    }
}
