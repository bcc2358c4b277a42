/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import io.github.energygan.gradient.ExactInputGradient;
import io.github.energygan.gradient.FiniteDifferenceInputGradient;
import io.github.energygan.gradient.InputGradient;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.nn.EnergyNetwork;
import io.github.energygan.util.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scores data with a trained energy network, in inference mode: the energy {@code U(x)}, its input
 * gradient {@code ∇_x U(x)}, the squared gradient norm and the attribution {@code x ⊙ ∇_x U(x)}
 * (gradient × input). The one place these are computed for the translators, the Tribuo model and
 * the MCMC targets.
 *
 * <p>The gradient is exact ({@link ExactInputGradient}) when the network's layers allow it, and
 * otherwise comes from one first-order backward that leaves the parameters' gradients untouched.
 * Every array returned joins the input's manager.
 *
 * <p>Large inputs are scored in chunks of {@value #DEFAULT_CHUNK} points, each in a sub-manager
 * closed before the next, so the memory a call holds beyond its results is that of one chunk's
 * pass, however many points it scores.
 */
public final class EnergyScorer {

    /** The points scored at once. */
    public static final int DEFAULT_CHUNK = 8192;

    private final EnergyNetwork energy;
    private final Shape dataShape;
    private final boolean exact;
    private final int chunk;

    /**
     * Creates a scorer of an energy network.
     *
     * @param energy the energy network {@code U}
     */
    public EnergyScorer(EnergyNetwork energy) {
        this(energy, DEFAULT_CHUNK);
    }

    /**
     * Creates a scorer that scores at most {@code chunk} points at once.
     *
     * @param energy the energy network {@code U}
     * @param chunk the points per pass, {@code >= 1}
     * @throws IllegalArgumentException if {@code chunk < 1}
     */
    public EnergyScorer(EnergyNetwork energy, int chunk) {
        this.energy = Objects.requireNonNull(energy, "energy");
        this.dataShape = energy.getDataShape();
        this.exact = ExactInputGradient.supports(energy);
        Checks.positive("chunk", chunk);
        this.chunk = chunk;
    }

    /**
     * Creates a scorer of a trained pair's energy network.
     *
     * @param gan the pair
     * @return the scorer
     */
    public static EnergyScorer of(EnergyGanBlock gan) {
        return new EnergyScorer(gan.getEnergy());
    }

    /**
     * Returns the shape of one data point.
     *
     * @return the shape, without the batch axis
     */
    public Shape getDataShape() {
        return dataShape;
    }

    /**
     * Checks that a batch holds points of the network's shape.
     *
     * @param x the batch
     * @throws IllegalArgumentException naming both shapes when it does not
     */
    public void checkBatch(NDArray x) {
        Checks.batchOf(dataShape, x, "the energy U(x)");
    }

    /**
     * Returns {@code U(x)}.
     *
     * @param x {@code (batch, ...dataShape)}
     * @return {@code (batch)}
     */
    public NDArray energies(NDArray x) {
        return inChunks(x, this::energiesAtOnce).singletonOrThrow();
    }

    private NDList energiesAtOnce(NDArray x) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        return new NDList(
                InputGradient.asBatchVector(
                        energy.forward(store, new NDList(x), false).singletonOrThrow()));
    }

    /**
     * Returns the base measure's part of {@code U(x)} (see {@link EnergyNetwork#baseEnergies});
     * {@code U(x)} minus it is the learned network's part.
     *
     * @param x {@code (batch, ...dataShape)}
     * @return {@code (batch)}; zeros when the energy has no base measure
     * @throws IllegalArgumentException if {@code x} does not have the network's point shape
     */
    public NDArray baseEnergies(NDArray x) {
        checkBatch(x);
        return energy.baseEnergies(x);
    }

    /**
     * Returns {@code U(x)} and {@code ∇_x U(x)}.
     *
     * @param x {@code (batch, ...dataShape)}
     * @return {@code [U(x) (batch), ∇_x U(x) (batch, ...dataShape)]}
     * @throws IllegalArgumentException if {@code x} does not have the network's point shape
     */
    public NDList energiesAndGradients(NDArray x) {
        checkBatch(x);
        return inChunks(x, this::energiesAndGradientsAtOnce);
    }

    private NDList energiesAndGradientsAtOnce(NDArray x) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        if (exact) {
            return ExactInputGradient.INSTANCE.energyAndGradient(energy, store, x, false);
        }
        NDArray gradient = FiniteDifferenceInputGradient.probeGradient(energy, store, x, false);
        return new NDList(energiesAtOnce(x).singletonOrThrow(), gradient);
    }

    /**
     * Applies a row-wise computation chunk by chunk, each chunk's work in a sub-manager that is
     * closed once its results are copied out; the results are concatenated along the batch axis
     * and join {@code x}'s manager.
     */
    private NDList inChunks(NDArray x, Function<NDArray, NDList> compute) {
        long rows = x.getShape().get(0);
        if (rows <= chunk) {
            return compute.apply(x);
        }
        NDManager manager = x.getManager();
        List<NDList> parts = new ArrayList<>();
        try (NDManager all = manager.newSubManager()) {
            for (long start = 0; start < rows; start += chunk) {
                long end = Math.min(rows, start + chunk);
                try (NDManager scope = all.newSubManager()) {
                    NDArray slice = x.get(new NDIndex("{}:{}", start, end));
                    slice.attach(scope);
                    NDList results = compute.apply(slice);
                    results.attach(all);
                    parts.add(results);
                }
            }
            NDList joined = new NDList();
            for (int i = 0; i < parts.get(0).size(); i++) {
                NDList column = new NDList();
                for (NDList part : parts) {
                    column.add(part.get(i));
                }
                joined.add(NDArrays.concat(column, 0));
            }
            joined.attach(manager);
            return joined;
        }
    }

    /**
     * Returns {@code ||∇_x U(x)||²} over each point's values.
     *
     * @param x {@code (batch, ...dataShape)}
     * @return {@code (batch)}
     * @throws IllegalArgumentException if {@code x} does not have the network's point shape
     */
    public NDArray squaredGradientNorms(NDArray x) {
        return InputGradient.squaredNorm(energiesAndGradients(x).get(1));
    }

    /**
     * Returns the attributions {@code x ⊙ ∇_x U(x)}: how much each value raises the energy, to
     * first order, against the origin.
     *
     * @param x {@code (batch, ...dataShape)}
     * @return same shape as {@code x}
     * @throws IllegalArgumentException if {@code x} does not have the network's point shape
     */
    public NDArray attributions(NDArray x) {
        return x.mul(energiesAndGradients(x).get(1));
    }
}
