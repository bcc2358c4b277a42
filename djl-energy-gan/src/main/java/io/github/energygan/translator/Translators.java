/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import io.github.energygan.gradient.InputGradient;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.sampling.DataEnergy;

/** What the translators share: finding the pair in a model, and scoring a batch. */
final class Translators {

    static final String BATCH = "energy-gan.batch";

    private Translators() {}

    /**
     * Returns the model's pair.
     *
     * @throws IllegalArgumentException if the model's block is not an {@link EnergyGanBlock}
     */
    static EnergyGanBlock pair(Model model) {
        if (!(model.getBlock() instanceof EnergyGanBlock)) {
            throw new IllegalArgumentException(
                    "Model '"
                            + model.getName()
                            + "' has block "
                            + (model.getBlock() == null
                                    ? "null"
                                    : model.getBlock().getClass().getName())
                            + "; the energy-gan translators need an EnergyGanBlock (load it with"
                            + " EnergyGanModel.load or from the energy-gan model zoo)");
        }
        return (EnergyGanBlock) model.getBlock();
    }

    /**
     * Scores a batch: {@code U(x)} from the predictor's forward pass, {@code ||∇_x U(x)||²} from
     * the energy network's input gradient (exact where the layers allow it).
     */
    static EnergyScores score(EnergyGanBlock gan, NDArray batch, NDList forward) {
        NDArray energies = InputGradient.asBatchVector(forward.singletonOrThrow());
        DataEnergy energy = new DataEnergy(gan.getEnergy(), gan.getDataShape(), 1f);
        NDArray gradient = energy.energyAndGradient(batch).get(1);
        return new EnergyScores(
                energies.toFloatArray(), InputGradient.squaredNorm(gradient).toFloatArray());
    }

    /**
     * Checks that a batch holds finite values only.
     *
     * @throws IllegalArgumentException naming how many values are not
     */
    static void requireFinite(NDArray batch) {
        long bad = batch.isNaN().logicalOr(batch.isInfinite()).countNonzero().getLong();
        if (bad > 0) {
            throw new IllegalArgumentException(
                    "The input holds "
                            + bad
                            + " NaN or infinite value(s); energies are defined for finite points"
                            + " only");
        }
    }
}
