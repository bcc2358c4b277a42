/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.Trainer;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.dataset.ToyDataset2d;
import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.preset.EnergyGanPreset;
import io.github.energygan.sampling.LatentSampling;
import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.scoring.EnergyScorer;
import io.github.energygan.training.EnergyGanTrainer;
import io.github.energygan.training.EnergyGanTrainingConfig;
import io.github.energygan.training.listener.EnergyGanListener;
import io.github.energygan.util.ResidentMemory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * Measures training: milliseconds per iteration ({@code nCritic} energy steps with the gradient
 * penalty plus one generator step), peak resident memory, and resident memory growth between the
 * end of the warm-up and the end of a long run, on a 2-D data set or on Fashion-MNIST images; then
 * the trained model's sampling (chain-steps/s) and scoring (points/s) throughput. With {@code --pytorch-rounds}, it then times the
 * PyTorch reference of the same setting and itself again, interleaved, and prints the ratio.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Time training iterations and watch resident memory over a long run:",
            "prints ms/iteration, peak RSS, and RSS growth after warm-up, then the trained",
            "model's sampling (chain-steps/s) and scoring (points/s) throughput; with",
            "--pytorch-rounds, also the PyTorch reference, interleaved, and the ratio."
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

    @Option(
            names = "--pytorch-rounds",
            defaultValue = "0",
            description =
                    "With --preset reference-2d: after the run, this many rounds of the PyTorch"
                            + " reference at 1 and 2 threads and of this bench again, interleaved;"
                            + " prints the best times' ratio (default: ${DEFAULT-VALUE}).")
    int pytorchRounds;

    @Option(
            names = "--python",
            description =
                    "The Python with PyTorch for --pytorch-rounds (default: python3, else"
                            + " /usr/bin/python3).")
    String python;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws Exception {
        if (training.iterations == null) {
            training.iterations = 5000;
        }
        training.validate();
        int iterations = training.trainingConfig().build().iterations();
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
        if (pytorchRounds < 0) {
            throw new IllegalArgumentException(
                    "--pytorch-rounds must be >= 0, got " + pytorchRounds);
        }
        PyTorchReference peer = null;
        if (pytorchRounds > 0) {
            if (training.preset() != EnergyGanPreset.REFERENCE_2D
                    || !"grid-25".equals(training.dataset)) {
                throw new IllegalArgumentException(
                        "The PyTorch reference times the reference-2d setting on grid-25; use"
                                + " --preset reference-2d with --pytorch-rounds");
            }
            peer = PyTorchReference.find(python, Files.createTempDirectory("energy-gan-bench"));
        }
        training.useThreads();
        PrintStream out = System.out;
        List<Double> ours = new ArrayList<>();
        ours.add(timeTraining(iterations, out, true));
        if (peer != null) {
            compare(peer, ours, iterations - warmup, iterations, out);
        }
        return 0;
    }

    /** Rounds of PyTorch at 1 and 2 threads and of this bench, interleaved; prints the ratio. */
    private void compare(
            PyTorchReference peer, List<Double> ours, int timed, int iterations, PrintStream out)
            throws Exception {
        out.printf(
                Locale.ROOT,
                "%n  interleaved with the PyTorch reference (%d timed iterations each):%n"
                        + "    round 0  energy-gan %.2f ms%n",
                timed,
                ours.get(0));
        List<PyTorchReference.Result> theirs = new ArrayList<>();
        for (int round = 1; round <= pytorchRounds; round++) {
            PyTorchReference.Result one = peer.run(timed, 1);
            PyTorchReference.Result two = peer.run(timed, 2);
            theirs.add(one);
            theirs.add(two);
            ours.add(timeTraining(iterations, out, false));
            out.printf(
                    Locale.ROOT,
                    "    round %d  PyTorch %s: 1 thread %.2f ms, 2 threads %.2f ms;"
                            + " energy-gan %.2f ms%n",
                    round,
                    one.version(),
                    one.msPerIteration(),
                    two.msPerIteration(),
                    ours.get(round));
        }
        double bestOurs = ours.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        PyTorchReference.Result best =
                theirs.stream()
                        .min(Comparator.comparingDouble(PyTorchReference.Result::msPerIteration))
                        .orElseThrow();
        out.printf(
                Locale.ROOT,
                "  best energy-gan %.2f ms, best PyTorch %.2f ms (%d thread%s): ratio %.3f"
                        + " (below 1: energy-gan is faster)%n",
                bestOurs,
                best.msPerIteration(),
                best.threads(),
                best.threads() == 1 ? "" : "s",
                bestOurs / best.msPerIteration());
    }

    /**
     * Trains a fresh model from the seed and returns the milliseconds per iteration after the
     * warm-up; the first run also prints the full report.
     */
    private double timeTraining(int iterations, PrintStream out, boolean report) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            EnergyGanTrainingConfig.Builder builder = training.trainingConfig();
            int batchSize = builder.build().batchSize();
            RandomAccessDataset dataset;
            EnergyGanArchitecture architecture;
            if (training.isImage()) {
                FashionMnist images = ImageExperiment.trainingImages(training, manager, batchSize);
                dataset = ImageExperiment.trainingSet(training, images, batchSize);
                architecture = training.architecture(1f);
            } else {
                ToyDataset2d points =
                        ToyDataset2d.byName(
                                training.dataset,
                                manager,
                                training.dataSize,
                                training.seed,
                                batchSize);
                dataset = points;
                architecture = training.architecture(points.getStandardDeviation());
            }
            try (EnergyGanModel model = EnergyGanModel.newModel(architecture, training.seed)) {
                Probe meter = new Probe(warmup, iterations, samples);
                EnergyGanTrainingConfig config = builder.addTrainingListeners(meter).build();
                if (report) {
                    out.printf(
                            Locale.ROOT,
                            "bench: %s, %s%n  model    %s%n  training %s%n  machine  %s%n",
                            training.dataset,
                            training.preset().getName(),
                            model.getArchitecture(),
                            config,
                            ToyExperiment.machine());
                }
                long start = System.nanoTime();
                new EnergyGanTrainer(model, config).fit(dataset);
                double total = (System.nanoTime() - start) / 1e9;
                double msPerIteration =
                        (meter.endNanos - meter.warmNanos) / 1e6 / (iterations - warmup);
                if (report) {
                    report(meter, config, msPerIteration, total, iterations, out);
                    throughput(model, manager, out);
                }
                return msPerIteration;
            }
        }
    }

    private void report(
            Probe meter,
            EnergyGanTrainingConfig config,
            double msPerIteration,
            double total,
            int iterations,
            PrintStream out) {
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
                msPerIteration,
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

    /**
     * Times the trained model's two other workloads: latent MALA sampling (the {@code sample}
     * command's defaults: 2,500 chains for points, 500 for images, the data's default steps) and
     * energy scoring ({@code U(x)} of generated points through {@link EnergyScorer}, 100,000
     * points or 10,000 images). Each result is read back, so that the timing holds the whole
     * computation.
     */
    private void throughput(EnergyGanModel model, NDManager manager, PrintStream out) {
        boolean images = model.getArchitecture().dataShape().dimension() == 3;
        try (NDManager scope = manager.newSubManager()) {
            SampleRequest request =
                    SampleRequest.builder()
                            .setCount(images ? 500 : 2500)
                            .optSeed(training.seed)
                            .build()
                            .forData(model.getArchitecture().dataShape());
            long start = System.nanoTime();
            LatentSampling.sample(model.getBlock(), scope, request).samples().toFloatArray();
            double seconds = (System.nanoTime() - start) / 1e9;
            long chainSteps =
                    (long) request.getCount() * (request.getWarmUpSteps() + request.getSteps());
            out.printf(
                    Locale.ROOT,
                    "  sampling             %.0f chain-steps/s (latent %s, %d chains × %d steps in"
                            + " %.2f s); peak RSS %s%n",
                    chainSteps / seconds,
                    request.getMethod(),
                    request.getCount(),
                    request.getWarmUpSteps() + request.getSteps(),
                    seconds,
                    ResidentMemory.megabytes(ResidentMemory.peak()));
        }
        try (NDManager scope = manager.newSubManager()) {
            int points = images ? 10_000 : 100_000;
            NDArray x = model.generate(scope, points, training.seed + 1);
            EnergyScorer scorer = EnergyScorer.of(model.getBlock());
            long start = System.nanoTime();
            scorer.energies(x).toFloatArray();
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "  scoring              %.0f points/s (U(x) of %d generated %s in %.2f s);"
                            + " peak RSS %s%n",
                    points / seconds,
                    points,
                    images ? "images" : "points",
                    seconds,
                    ResidentMemory.megabytes(ResidentMemory.peak()));
        }
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
