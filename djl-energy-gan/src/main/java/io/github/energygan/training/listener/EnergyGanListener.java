/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training.listener;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;

import io.github.energygan.loss.EnergyLoss;
import io.github.energygan.loss.GeneratorLoss;

/**
 * A DJL training listener that tells energy steps ({@link EnergyLoss}) from generator steps
 * ({@link GeneratorLoss}) by the trainer's loss, and counts iterations.
 *
 * <p>Attached to both trainers of an {@code EnergyGanTrainer}, a generator step ends each
 * iteration. Attached to a trainer of {@link EnergyLoss} alone (a user's own pipeline, with
 * negatives from a sampler of their own), every energy step is an iteration. Which of the two
 * holds is known once the trainers exist: DJL announces each in {@link #onTrainingBegin}.
 *
 * <p>Subclasses override {@link #onEnergyStep}, {@link #onGeneratorStep} and {@link
 * #onIterationEnd}; all are called before the optimiser step of that batch, so throwing from them
 * prevents the step.
 */
public abstract class EnergyGanListener extends TrainingListenerAdapter {

    private long completedIterations;
    private boolean generatorSteps;

    /**
     * {@inheritDoc}
     *
     * <p>Notes whether a generator trainer takes part; subclasses that override this call it.
     */
    @Override
    public void onTrainingBegin(Trainer trainer) {
        if (trainer.getLoss() instanceof GeneratorLoss) {
            generatorSteps = true;
        }
    }

    /** {@inheritDoc} */
    @Override
    public final void onTrainingBatch(Trainer trainer, BatchData batchData) {
        if (trainer.getLoss() instanceof EnergyLoss) {
            onEnergyStep(trainer, batchData, completedIterations + 1);
            if (!generatorSteps) {
                completedIterations++;
                onIterationEnd(trainer, completedIterations);
            }
        } else if (trainer.getLoss() instanceof GeneratorLoss) {
            onGeneratorStep(trainer, batchData, completedIterations + 1);
            completedIterations++;
            onIterationEnd(trainer, completedIterations);
        }
    }

    /**
     * Whether a generator trainer takes part, so that its steps end the iterations; false in a
     * pipeline of {@link EnergyLoss} alone, where every energy step is an iteration.
     *
     * @return true with generator steps
     */
    protected boolean hasGeneratorSteps() {
        return generatorSteps;
    }

    /**
     * Continues the count of a resumed run: the next iteration is {@code completed + 1}.
     *
     * @param completed the iterations the run had completed
     */
    public void resumeAt(long completed) {
        completedIterations = completed;
    }

    /**
     * Returns how many iterations have completed (generator steps seen, or energy steps where
     * there are none).
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
     * Called when an iteration ends: after its generator step, or after each energy step where
     * there are no generator steps.
     *
     * @param trainer the trainer whose step ended the iteration
     * @param iteration the 1-based iteration that ended
     */
    protected void onIterationEnd(Trainer trainer, long iteration) {}

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
