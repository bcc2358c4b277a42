/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;

import io.github.energygan.loss.EnergyLoss;
import io.github.energygan.nn.EnergyMlp;
import io.github.energygan.training.EnergyCritic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The listeners in a user's own DJL pipeline of {@link EnergyLoss} alone, with negatives from a
 * sampler of their own: every energy step is an iteration.
 */
class StockPipelineListenersTest {

    private static Batch batch(NDManager manager, NDArray data, NDArray negatives) {
        return new Batch(
                manager.newSubManager(),
                new NDList(data, negatives),
                new NDList(data),
                (int) data.getShape().get(0),
                Batchifier.STACK,
                Batchifier.STACK,
                0,
                1);
    }

    @Test
    void statisticsAreRecordedAndDivergenceIsReportedAtItsTrueIteration(@TempDir Path dir)
            throws Exception {
        EnergyMlp energy = EnergyMlp.builder().setInputFeatures(2).optHiddenWidths(16).build();
        EnergyStatisticsListener statistics = new EnergyStatisticsListener(1, 0);
        DivergenceGuard guard = new DivergenceGuard();
        try (Model model = Model.newInstance("energy")) {
            model.setBlock(new EnergyCritic(energy));
            CheckpointListener checkpoints = new CheckpointListener(model, dir, 3, 2);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new EnergyLoss(0.1f))
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(1e-3f))
                                            .build())
                            .addTrainingListeners(guard, statistics, checkpoints);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2), new Shape(1, 2));
                NDManager manager = trainer.getManager();
                NDArray data = manager.randomNormal(new Shape(32, 2)).mul(0.1f);
                NDArray negatives = manager.randomUniform(-2f, 2f, new Shape(32, 2));
                NDArray poisoned = data.duplicate();
                poisoned.set(new ai.djl.ndarray.index.NDIndex("0, 0"), Float.NaN);
                // A Batch closes its arrays with it: one batch for the eight steps.
                try (Batch batch = batch(manager, data, negatives)) {
                    for (int step = 1; step <= 8; step++) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                    }
                }
                // Checkpoints of the user's own model, after steps 3 and 6, the newest two kept.
                assertEquals(
                        List.of(dir.resolve("iteration-00000003"), dir.resolve("iteration-00000006")),
                        checkpoints.getCheckpoints());
                try (Model loaded = Model.newInstance("energy")) {
                    loaded.setBlock(
                            new EnergyCritic(
                                    EnergyMlp.builder()
                                            .setInputFeatures(2)
                                            .optHiddenWidths(16)
                                            .build()));
                    loaded.load(dir.resolve("iteration-00000006"), "energy");
                    assertTrue(loaded.getBlock().isInitialized());
                }
                List<EnergyStatistics> history = statistics.getHistory();
                assertEquals(8, history.size(), "one record per energy step");
                assertEquals(8, history.get(7).iteration());
                assertTrue(Double.isFinite(history.get(7).energyData()));
                assertTrue(Double.isNaN(history.get(7).generatorEnergy()), "no generator here");

                // A NaN planted in the ninth step's data is reported as iteration 9.
                try (Batch batch =
                        batch(manager, poisoned, manager.randomUniform(-2f, 2f, new Shape(32, 2)))) {
                    TrainingDivergedException e =
                            assertThrows(
                                    TrainingDivergedException.class,
                                    () -> EasyTrain.trainBatch(trainer, batch));
                    assertEquals(9, e.getIteration(), e.getMessage());
                }
            }
        }
    }
}
