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

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trained pair of an energy-based GAN in one block, so that one DJL {@code Model} (one
 * parameter file) holds it: the energy network {@code U}, the generator {@code G}, and the
 * entropy estimator used to train {@code G} (an {@link EntropyEstimator}, or none).
 *
 * <p>{@link #forward} scores data: {@code [x (batch, ...dataShape)] → [U(x) (batch)]}. Sampling
 * uses {@link #getGenerator()} (and MCMC on top of it).
 */
public class EnergyGanBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final EnergyNetwork energy;
    private final GeneratorNetwork generator;
    private final EntropyEstimator estimator;

    /**
     * Assembles the pair.
     *
     * @param energy the energy network
     * @param generator the generator; its data shape must equal the energy network's
     * @param estimator the entropy estimator, or null for none
     * @throws IllegalArgumentException if the shapes of the parts disagree
     */
    public EnergyGanBlock(
            EnergyNetwork energy, GeneratorNetwork generator, EntropyEstimator estimator) {
        super(VERSION);
        this.energy = Objects.requireNonNull(energy, "energy");
        this.generator = Objects.requireNonNull(generator, "generator");
        if (!energy.getDataShape().equals(generator.getDataShape())) {
            throw new IllegalArgumentException(
                    "The generator produces samples of shape "
                            + generator.getDataShape()
                            + " but the energy network scores samples of shape "
                            + energy.getDataShape());
        }
        if (estimator != null) {
            checkEstimator(estimator, generator);
        }
        this.estimator = estimator;
        addChildBlock("energy", energy);
        addChildBlock("generator", generator);
        if (estimator != null) {
            addChildBlock("estimator", estimator);
        }
    }

    private static void checkEstimator(EntropyEstimator estimator, GeneratorNetwork generator) {
        if (!estimator.getDataShape().equals(generator.getDataShape())
                || estimator.getLatentFeatures() != generator.getLatentFeatures()) {
            throw new IllegalArgumentException(
                    "The estimator "
                            + estimator.getClass().getSimpleName()
                            + " takes data "
                            + estimator.getDataShape()
                            + " and latent "
                            + estimator.getLatentFeatures()
                            + ", but the generator maps latent "
                            + generator.getLatentFeatures()
                            + " to data "
                            + generator.getDataShape());
        }
    }

    /**
     * Returns the energy network {@code U}.
     *
     * @return {@code U}
     */
    public EnergyNetwork getEnergy() {
        return energy;
    }

    /**
     * Returns the generator {@code G}.
     *
     * @return {@code G}
     */
    public GeneratorNetwork getGenerator() {
        return generator;
    }

    /**
     * Returns the entropy estimator, if any.
     *
     * @return the estimator, or empty
     */
    public Optional<EntropyEstimator> getEstimator() {
        return Optional.ofNullable(estimator);
    }

    /**
     * Returns the shape of one sample.
     *
     * @return the data shape
     */
    public Shape getDataShape() {
        return energy.getDataShape();
    }

    /**
     * Returns the latent dimension.
     *
     * @return {@code k}
     */
    public long getLatentFeatures() {
        return generator.getLatentFeatures();
    }

    /**
     * Returns the shape of a batch of one sample, {@code (1, ...dataShape)}.
     *
     * @return the shape used to initialise the energy network
     */
    public Shape getSingleSampleShape() {
        return new Shape(1).addAll(getDataShape());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return energy.forward(parameterStore, inputs, training, params);
    }

    /** {@inheritDoc} */
    /**
     * {@inheritDoc}
     *
     * <p>DJL's loader restores the input shapes of a block it did not initialise but not their
     * names, and {@code Model.save} then fails pairing the two; the names are those {@code
     * initialize} gives ({@code data0}, …), so that a loaded model saves again, to the same bytes.
     */
    @Override
    protected void readInputShapes(DataInputStream is) throws IOException {
        super.readInputShapes(is);
        if (inputNames.isEmpty() && inputShapes != null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < inputShapes.length; i++) {
                names.add("data" + i);
            }
            inputNames = names;
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return energy.getOutputShapes(inputShapes);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape data = getSingleSampleShape();
        Shape latent = new Shape(1, getLatentFeatures());
        energy.initialize(manager, dataType, data);
        generator.initialize(manager, dataType, latent);
        if (estimator != null) {
            estimator.initializeEstimator(manager, dataType, data, latent);
        }
    }
}
