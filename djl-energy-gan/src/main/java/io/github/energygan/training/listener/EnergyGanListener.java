/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training.listener;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;

import io.github.energygan.loss.EnergyLoss;
import io.github.energygan.loss.GeneratorLoss;

/**
 * A DJL training listener attached to both trainers of an {@code
 * EnergyGanTrainer}, which tells their events apart by the trainer's
 * loss and counts iterations (one generator step ends an iteration).
 *
 * <p>Subclasses override {@link #onEnergyStep} and {@link #onGeneratorStep}; both are called
 * before the optimiser step of that batch, so throwing from them prevents the step.
 */
public abstract class EnergyGanListener extends TrainingListenerAdapter {

    private long completedIterations;

    /** {@inheritDoc} */
    @Override
    public final void onTrainingBatch(Trainer trainer, BatchData batchData) {
        if (trainer.getLoss() instanceof EnergyLoss) {
            onEnergyStep(trainer, batchData, completedIterations + 1);
        } else if (trainer.getLoss() instanceof GeneratorLoss) {
            onGeneratorStep(trainer, batchData, completedIterations + 1);
            completedIterations++;
        }
    }

    /**
     * Returns how many iterations have completed (generator steps seen).
     *
     * @return the count
     */
    public long getCompletedIterations() {
        return completedIterations;
    }

    /**
     * Called after the forward and backward of each energy step, before its optimiser step.
     * Predictions: {@code [U(x_data), U(x_model), ||∇_x U(x_data)||²]}.
     *
     * @param trainer the energy network's trainer
     * @param batchData the batch, labels and predictions
     * @param iteration the 1-based iteration this step belongs to
     */
    protected void onEnergyStep(Trainer trainer, BatchData batchData, long iteration) {}

    /**
     * Called after the forward and backward of each generator step, before its optimiser step.
     * Predictions: {@code [U(G(z)), ...estimator inputs]}.
     *
     * @param trainer the generator's trainer
     * @param batchData the batch, labels and predictions
     * @param iteration the 1-based iteration this step ends
     */
    protected void onGeneratorStep(Trainer trainer, BatchData batchData, long iteration) {}

    /**
     * Returns the predictions of a batch (the first device's).
     *
     * @param batchData the batch data
     * @return the predictions
     */
    protected static ai.djl.ndarray.NDList predictions(BatchData batchData) {
        return batchData.getPredictions().values().iterator().next();
    }
}
