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
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import io.github.energygan.gradient.InputGradient;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.nn.EntropyEstimator;
import io.github.energygan.nn.GeneratorNetwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The generator and its entropy estimator as the block of a DJL training {@code Model}: it lays
 * out exactly what {@link io.github.energygan.loss.GeneratorLoss} reads.
 *
 * <p>Input: {@code [z (batch, k)]} or {@code [z, z_marginal (batch, k)]}; {@code z_marginal} pairs
 * samples with the wrong codes for the JSD estimator (a row permutation of {@code z}; drawn from
 * the engine's random generator when not given). Output, with {@code x = G(z)}:
 *
 * <ul>
 *   <li>JSD estimator: {@code [U(x), T(x, z), T(x, z_marginal)]}, each {@code (batch)};
 *   <li>InfoGAN estimator: {@code [U(x), ||z - Enc(x)||²]}, each {@code (batch)};
 *   <li>no estimator: {@code [U(x)]}.
 * </ul>
 *
 * <p>The generator and estimator are this block's children, so a {@code Trainer} on it updates
 * them together (the reference trains {@code T} on the generator's loss). The energy network is
 * not a child: it is read through a parameter store of its own and its parameters are frozen
 * while the graph is built, so no gradient from this phase reaches {@code U}.
 */
public class GeneratorObjective extends AbstractBlock {

    private static final byte VERSION = 1;

    private final GeneratorNetwork generator;
    private final EntropyEstimator estimator;
    private final Block energy;
    private final ParameterStore energyStore;

    /**
     * Assembles the generator phase of an energy GAN.
     *
     * @param gan the energy GAN block whose generator, estimator and energy network to use
     * @param manager the manager for the energy network's read-only parameter store
     */
    public GeneratorObjective(EnergyGanBlock gan, NDManager manager) {
        super(VERSION);
        Objects.requireNonNull(gan, "gan");
        this.generator = addChildBlock("generator", gan.getGenerator());
        this.estimator = gan.getEstimator().orElse(null);
        if (estimator != null) {
            addChildBlock("estimator", estimator);
        }
        this.energy = gan.getEnergy();
        this.energyStore = new ParameterStore(manager, false);
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        if (inputs.isEmpty() || inputs.size() > 2) {
            throw new IllegalArgumentException(
                    "GeneratorObjective takes [z] or [z, z_marginal], got "
                            + inputs.size()
                            + " inputs");
        }
        NDArray z = inputs.get(0);
        long k = generator.getLatentFeatures();
        if (z.getShape().dimension() != 2 || z.getShape().get(1) != k || z.getShape().get(0) == 0) {
            throw new IllegalArgumentException(
                    "GeneratorObjective expects z of shape (batch, " + k + "), got " + z.getShape());
        }
        NDArray x = generator.forward(parameterStore, new NDList(z), training, params).singletonOrThrow();
        NDList out = new NDList(frozenEnergy(x, training));
        if (estimator != null) {
            NDArray marginal = null;
            if (estimator.needsMarginalCodes()) {
                marginal = inputs.size() == 2 ? inputs.get(1) : permuteRows(z);
            }
            out.addAll(estimator.estimate(parameterStore, x, z, marginal, training));
        }
        return out;
    }

    private static NDArray permuteRows(NDArray z) {
        NDArray permutation = z.getManager().randomPermutation(z.getShape().get(0));
        return z.get(permutation);
    }

    /**
     * Evaluates {@code U(x)} with the energy network's parameters frozen while the graph is
     * built, so that a later backward writes nothing into them.
     */
    private NDArray frozenEnergy(NDArray x, boolean training) {
        List<Parameter> frozen = new ArrayList<>();
        for (Pair<String, Parameter> pair : energy.getParameters()) {
            if (pair.getValue().requiresGradient()) {
                pair.getValue().freeze(true);
                frozen.add(pair.getValue());
            }
        }
        try {
            return InputGradient.asBatchVector(
                    energy.forward(energyStore, new NDList(x), training).singletonOrThrow());
        } finally {
            for (Parameter parameter : frozen) {
                parameter.freeze(false);
            }
        }
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = new Shape[1 + (estimator == null ? 0 : estimator.outputCount())];
        Arrays.fill(shapes, new Shape(inputShapes[0].get(0)));
        return shapes;
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape latent = new Shape(1, generator.getLatentFeatures());
        Shape data = new Shape(1).addAll(generator.getDataShape());
        generator.initialize(manager, dataType, latent);
        if (estimator != null) {
            estimator.initializeEstimator(manager, dataType, data, latent);
        }
    }
}
