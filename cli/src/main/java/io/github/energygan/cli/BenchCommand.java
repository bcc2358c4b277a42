/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;

import io.github.energygan.dataset.ToyDataset2d;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.training.EnergyGanTrainer;
import io.github.energygan.training.EnergyGanTrainingConfig;
import io.github.energygan.training.listener.EnergyGanListener;
import io.github.energygan.util.ResidentMemory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * Measures training: milliseconds per iteration ({@code nCritic} energy steps with the gradient
 * penalty plus one generator step), peak resident memory, and resident memory growth between the
 * end of the warm-up and the end of a long run.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Time training iterations and watch resident memory over a long run:",
            "prints ms/iteration, peak RSS, and RSS growth after warm-up."
        })
public final class BenchCommand implements Callable<Integer> {

    @Mixin TrainingOptions training = new TrainingOptions();

    @Option(
            names = "--warmup",
            description =
                    "Iterations before timing and the RSS baseline (default: 500, or a fifth of a"
                            + " shorter run).")
    Integer warmup;

    @Option(
            names = "--samples",
            defaultValue = "10",
            description = "How many RSS readings to print along the run (default: ${DEFAULT-VALUE}).")
    int samples;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws Exception {
        if (training.iterations == null) {
            training.iterations = 5000;
        }
        training.validate();
        EnergyGanTrainingConfig.Builder builder = training.trainingConfig();
        EnergyGanTrainingConfig probe = builder.build();
        int iterations = probe.iterations();
        if (warmup == null) {
            warmup = Math.max(1, Math.min(500, iterations / 5));
        }
        if (warmup < 1 || warmup >= iterations) {
            throw new IllegalArgumentException(
                    "--warmup must be in [1, iterations), got " + warmup + " for " + iterations);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("--samples must be >= 2, got " + samples);
        }
        PrintStream out = System.out;
        try (NDManager manager = NDManager.newBaseManager()) {
            ToyDataset2d dataset =
                    ToyDataset2d.byName(
                            training.dataset, manager, training.dataSize, training.seed, probe.batchSize());
            try (EnergyGanModel model =
                    EnergyGanModel.newModel(
                            training.architecture(dataset.getStandardDeviation()), training.seed)) {
                Probe meter = new Probe(warmup, iterations, samples);
                EnergyGanTrainingConfig config = builder.addTrainingListeners(meter).build();
                out.printf(
                        Locale.ROOT,
                        "bench: %s, %s%n  model    %s%n  training %s%n  machine  %s%n",
                        training.dataset,
                        training.preset().getName(),
                        model.getArchitecture(),
                        config,
                        ToyExperiment.machine());
                long start = System.nanoTime();
                new EnergyGanTrainer(model, config).fit(dataset);
                double total = (System.nanoTime() - start) / 1e9;

                double timed = (meter.endNanos - meter.warmNanos) / 1e6;
                int timedIterations = iterations - warmup;
                out.printf(Locale.ROOT, "%n  RSS along the run:%n");
                for (long[] reading : meter.readings) {
                    out.printf(
                            Locale.ROOT,
                            "    iteration %7d  RSS %s%n",
                            reading[0],
                            ResidentMemory.megabytes(OptionalLong.of(reading[1])));
                }
                out.printf(
                        Locale.ROOT,
                        "%n  time per iteration   %.2f ms (iterations %d-%d; nCritic=%d energy steps"
                                + " with penalty + 1 generator step)%n",
                        timed / timedIterations,
                        warmup + 1,
                        iterations,
                        config.criticSteps());
                out.printf(Locale.ROOT, "  total wall time      %.1f s for %d iterations%n", total, iterations);
                out.printf(Locale.ROOT, "  peak RSS             %s%n", ResidentMemory.megabytes(ResidentMemory.peak()));
                if (meter.warmRss > 0 && meter.endRss > 0) {
                    out.printf(
                            Locale.ROOT,
                            "  RSS growth           %+.2f %% (%s at iteration %d → %s at iteration %d)%n",
                            100.0 * (meter.endRss - meter.warmRss) / meter.warmRss,
                            ResidentMemory.megabytes(OptionalLong.of(meter.warmRss)),
                            warmup,
                            ResidentMemory.megabytes(OptionalLong.of(meter.endRss)),
                            iterations);
                } else {
                    out.println("  RSS growth           n/a (no /proc/self/status on this system)");
                }
            }
        }
        return 0;
    }

    /** Records time and RSS at the end of warm-up, along the run, and at the end. */
    private static final class Probe extends EnergyGanListener {

        private final int warmup;
        private final int iterations;
        private final int every;
        final List<long[]> readings = new ArrayList<>();
        long warmNanos;
        long endNanos;
        long warmRss;
        long endRss;

        Probe(int warmup, int iterations, int samples) {
            this.warmup = warmup;
            this.iterations = iterations;
            this.every = Math.max(1, (iterations - warmup) / (samples - 1));
        }

        @Override
        protected void onGeneratorStep(Trainer trainer, BatchData batchData, long iteration) {
            long now = System.nanoTime();
            if (iteration == warmup) {
                warmNanos = now;
                warmRss = ResidentMemory.current().orElse(0);
                readings.add(new long[] {iteration, warmRss});
            } else if (iteration == iterations) {
                endNanos = now;
                endRss = ResidentMemory.current().orElse(0);
                readings.add(new long[] {iteration, endRss});
            } else if (iteration > warmup && (iteration - warmup) % every == 0) {
                readings.add(new long[] {iteration, ResidentMemory.current().orElse(0)});
            }
        }
    }
}
