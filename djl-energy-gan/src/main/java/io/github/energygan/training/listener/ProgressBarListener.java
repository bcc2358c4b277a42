/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training.listener;

import ai.djl.training.Trainer;
import ai.djl.training.util.ProgressBar;

/**
 * A console progress bar over iterations (DJL's {@link ProgressBar}), showing the newest energy
 * statistics when given an {@link EnergyStatisticsListener}.
 */
public class ProgressBarListener extends EnergyGanListener {

    private final ProgressBar bar;
    private final EnergyStatisticsListener statistics;

    /**
     * Creates the bar.
     *
     * @param totalIterations the iterations the bar spans, {@code >= 1}
     * @param statistics where to read the status line from, or null for none
     */
    public ProgressBarListener(long totalIterations, EnergyStatisticsListener statistics) {
        if (totalIterations < 1) {
            throw new IllegalArgumentException(
                    "Total iterations must be >= 1, got " + totalIterations);
        }
        this.bar = new ProgressBar("Training", totalIterations);
        this.statistics = statistics;
    }

    /** {@inheritDoc} */
    @Override
    protected void onIterationEnd(Trainer trainer, long iteration) {
        String status =
                statistics == null
                        ? ""
                        : statistics.getLatest().map(EnergyStatistics::summary).orElse("");
        bar.update(iteration, status);
    }

    /** {@inheritDoc} */
    @Override
    public void onTrainingEnd(Trainer trainer) {
        // The trainer that ends the iterations ends the bar.
        if (trainer.getLoss() instanceof io.github.energygan.loss.GeneratorLoss
                || !hasGeneratorSteps()) {
            bar.end();
        }
    }
}
