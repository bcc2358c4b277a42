/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import io.github.energygan.loss.EnergyLoss;
import io.github.energygan.training.EnergyCritic;
import io.github.energygan.training.listener.CheckpointListener;
import io.github.energygan.training.listener.DivergenceGuard;
import io.github.energygan.training.listener.EnergyStatisticsListener;
import io.github.energygan.training.listener.ProgressBarListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A DJL user's own pipeline, trained for many steps with our loss and listeners: their {@code
 * SequentialBlock} of {@code Linear} and {@code Activation.reluBlock()} in an {@link
 * EnergyCritic}, {@link EnergyLoss} in a stock {@code DefaultTrainingConfig}, {@code
 * EasyTrain.fit} on an {@code ArrayDataset} of data and negatives, with {@link
 * EnergyStatisticsListener}, {@link ProgressBarListener}, {@link DivergenceGuard} and {@link
 * CheckpointListener}. After every epoch it records the resident set size and the number of
 * NDArrays the model's manager holds.
 *
 * <p>Run it on this module's test classpath ({@code mvn -q -pl tests dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt}): {@code java -cp "$(cat
 * /tmp/cp.txt):tests/target/test-classes" io.github.energygan.it.UserPipelineSoak 5000 DIR}
 * prints RSS after warm-up (the first fifth of the run) and at the end, and its growth.
 */
public final class UserPipelineSoak {

    /** Steps per epoch: 12,800 points in batches of 128. */
    static final int STEPS_PER_EPOCH = 100;

    private static final int BATCH = 128;

    private UserPipelineSoak() {}

    /** What a run left: per-epoch readings and what the listeners produced. */
    record Result(
            List<Long> rssKb,
            List<Integer> liveArrays,
            int statistics,
            long lastStatisticsIteration,
            List<Path> checkpoints) {}

    /**
     * Trains for {@code steps} energy steps.
     *
     * @param steps a multiple of {@link #STEPS_PER_EPOCH}
     * @param checkpoints where the checkpoints go
     * @param every checkpoint interval in steps
     * @return the readings
     * @throws IOException if a checkpoint cannot be written
     */
    static Result run(int steps, Path checkpoints, int every) throws IOException {
        int epochs = steps / STEPS_PER_EPOCH;
        Engine.getInstance().setRandomSeed(0);
        SequentialBlock energy =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(64).build())
                        .add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(64).build())
                        .add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(1).build());
        EnergyStatisticsListener statistics = new EnergyStatisticsListener(1, 0);
        List<Long> rss = new ArrayList<>();
        List<Integer> live = new ArrayList<>();
        try (Model model = Model.newInstance("energy")) {
            model.setBlock(new EnergyCritic(energy));
            CheckpointListener checkpointer = new CheckpointListener(model, checkpoints, every, 2);
            TrainingListenerAdapter readings =
                    new TrainingListenerAdapter() {
                        @Override
                        public void onEpoch(Trainer trainer) {
                            rss.add(residentKb());
                            live.add(model.getNDManager().getManagedArrays().size());
                        }
                    };
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new EnergyLoss(0.1f))
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(1e-3f))
                                            .build())
                            .addTrainingListeners(
                                    new DivergenceGuard(),
                                    statistics,
                                    new ProgressBarListener(steps, statistics),
                                    checkpointer,
                                    readings);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2), new Shape(1, 2));
                NDManager manager = trainer.getManager();
                int size = STEPS_PER_EPOCH * BATCH;
                NDArray data = manager.randomNormal(new Shape(size, 2)).mul(0.1f);
                NDArray negatives = manager.randomUniform(-2f, 2f, new Shape(size, 2));
                ArrayDataset dataset =
                        new ArrayDataset.Builder()
                                .setData(data, negatives)
                                .optLabels(data)
                                .setSampling(BATCH, true)
                                .build();
                EasyTrain.fit(trainer, epochs, dataset, null);
            } catch (ai.djl.translate.TranslateException e) {
                throw new IOException(e);
            }
            return new Result(
                    rss,
                    live,
                    statistics.getHistory().size(),
                    statistics.getLatest().map(s -> s.iteration()).orElse(-1L),
                    checkpointer.getCheckpoints());
        }
    }

    /** The resident set size, from {@code /proc/self/status}; -1 where there is none. */
    static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Runs the soak and prints its readings.
     *
     * @param args the number of steps (a multiple of 100) and the checkpoint directory
     * @throws IOException if a checkpoint cannot be written
     */
    public static void main(String[] args) throws IOException {
        int steps = Integer.parseInt(args[0]);
        long start = System.nanoTime();
        Result result = run(steps, Path.of(args[1]), steps / 5);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Warm-up: the first fifth of the run, as `bench` counts it (Adam's moments, the
        // allocator's pools, JIT compilation and the Java heap's growth to its working size).
        int warm = Math.max(1, result.rssKb().size() / 5) - 1;
        long warmRss = result.rssKb().get(warm);
        long endRss = result.rssKb().get(result.rssKb().size() - 1);
        System.out.printf(
                Locale.ROOT,
                "%d steps in %.1f s (%.2f ms/step); statistics records %d (last iteration %d);"
                        + " checkpoints %s%n",
                steps,
                seconds,
                1000 * seconds / steps,
                result.statistics(),
                result.lastStatisticsIteration(),
                result.checkpoints());
        System.out.printf(
                Locale.ROOT,
                "RSS after warm-up (step %d) %d kB, at the end %d kB, growth %+.2f %%;"
                        + " live NDArrays %d then %d%n",
                (warm + 1) * STEPS_PER_EPOCH,
                warmRss,
                endRss,
                100.0 * (endRss - warmRss) / warmRss,
                result.liveArrays().get(warm),
                result.liveArrays().get(result.liveArrays().size() - 1));
        System.out.println("RSS per epoch of " + STEPS_PER_EPOCH + " steps (kB): " + result.rssKb());
    }
}
