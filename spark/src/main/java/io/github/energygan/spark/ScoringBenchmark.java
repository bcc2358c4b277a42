/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import ai.djl.inference.Predictor;
import ai.djl.pytorch.jni.JniUtils;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.translator.EnergyScore;
import io.github.energygan.translator.EnergyScoringTranslator;
import io.github.energygan.util.ResidentMemory;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code bench}: scoring throughput of uniformly drawn 2-D points, on Spark beside one JVM with one
 * libtorch thread running {@code batchPredict} in the same process, with the process's peak RSS
 * during each. In local mode the executors are threads of this JVM, so its peak RSS is the
 * executors' memory.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Scores N random points on Spark and in a single JVM (one libtorch thread); prints"
                        + " rows/s, the ratio and peak RSS.")
final class ScoringBenchmark extends EnergyGanSpark.SparkCommand {

    @ArgGroup(multiplicity = "0..1")
    EnergyGanSpark.ModelChoice model;

    @Option(
            names = "--points",
            defaultValue = "10000000",
            description = "Points scored on Spark (default: ${DEFAULT-VALUE}).")
    long points;

    @Option(
            names = "--single-points",
            defaultValue = "2000000",
            description = "Points scored in the single JVM (default: ${DEFAULT-VALUE}).")
    long singlePoints;

    @Option(
            names = "--partitions",
            defaultValue = "8",
            description = "Spark partitions of the points (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--batch-size",
            defaultValue = "4096",
            description = "Rows per batchPredict call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws Exception {
        SparkEnergyModel bytes =
                model == null ? SparkEnergyModel.fromZoo("grid-25") : model.load();
        if (bytes.getDataSize() != 2) {
            throw new IllegalArgumentException(
                    "The benchmark scores 2-D points; " + bytes + " takes " + bytes.getDataSize());
        }
        System.out.printf(
                Locale.ROOT,
                "Model %s; %d points on Spark in %d partitions, %d in one JVM; batches of %d%n",
                bytes.getSource(),
                points,
                partitions,
                singlePoints,
                batchSize);

        ResidentMemory.resetPeak();
        double single = singleJvm(bytes);
        String singlePeak = ResidentMemory.megabytes(ResidentMemory.peak());
        System.out.printf(
                Locale.ROOT,
                "single JVM, 1 thread   %,12.0f rows/s   peak RSS %s%n",
                single,
                singlePeak);

        SparkSession spark = session("energy-gan bench");
        SparkEnergyScorer scorer =
                SparkEnergyScorer.builder()
                        .setModel(bytes)
                        .optFeatureColumns("x", "y")
                        .optBatchSize(batchSize)
                        .build();
        run(spark, scorer, Math.min(points, 200_000)); // warm-up: session, JIT, model loads
        ResidentMemory.resetPeak();
        long start = System.nanoTime();
        Row total = run(spark, scorer, points);
        double seconds = (System.nanoTime() - start) / 1e9;
        double distributed = points / seconds;
        System.out.printf(
                Locale.ROOT,
                "Spark %-16s %,12.0f rows/s   peak RSS %s (%.1f s; %d rows, mean energy %.4f)%n",
                spark.sparkContext().master(),
                distributed,
                ResidentMemory.megabytes(ResidentMemory.peak()),
                seconds,
                total.getLong(0),
                total.getDouble(1));
        System.out.printf(
                Locale.ROOT,
                "ratio Spark / single JVM: %.2f; JVM max heap %.0f MiB%n",
                distributed / single,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        return 0;
    }

    private Row run(SparkSession spark, SparkEnergyScorer scorer, long n) {
        Dataset<Row> data =
                spark.range(0, n, 1, partitions)
                        .select(
                                functions.rand(1).multiply(10).minus(5).as("x"),
                                functions.rand(2).multiply(10).minus(5).as("y"));
        return scorer.transform(data)
                .agg(
                        functions.count(SparkEnergyScorer.ENERGY),
                        functions.avg(SparkEnergyScorer.ENERGY))
                .first();
    }

    /** Rows per second of one JVM's batchPredict with one libtorch thread. */
    private double singleJvm(SparkEnergyModel bytes) throws Exception {
        int threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        SplittableRandom random = new SplittableRandom(1);
        try (EnergyGanModel gan = bytes.load();
                Predictor<float[], EnergyScore> predictor =
                        gan.getModel().newPredictor(new EnergyScoringTranslator())) {
            score(predictor, random, Math.min(singlePoints, 100_000)); // warm-up
            long start = System.nanoTime();
            score(predictor, random, singlePoints);
            return singlePoints / ((System.nanoTime() - start) / 1e9);
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }

    private void score(Predictor<float[], EnergyScore> predictor, SplittableRandom random, long n)
            throws Exception {
        double sum = 0;
        for (long done = 0; done < n; ) {
            int size = (int) Math.min(batchSize, n - done);
            List<float[]> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(
                        new float[] {
                            (float) random.nextDouble(-5, 5), (float) random.nextDouble(-5, 5)
                        });
            }
            for (EnergyScore s : predictor.batchPredict(batch)) {
                sum += s.energy();
            }
            done += size;
        }
        if (Double.isNaN(sum)) {
            throw new IllegalStateException("A NaN energy in the benchmark");
        }
    }
}
