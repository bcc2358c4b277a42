/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import ai.djl.inference.Predictor;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.translator.EnergyGanSamplingTranslator;
import io.github.energygan.translator.GeneratedSamples;
import io.github.energygan.util.RandomStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Draws many samples of an energy GAN across Spark's executors: the request's {@code count} is
 * split over {@code partitions} shares, and each share runs the request's chains (raw generator
 * samples, or latent MALA or Langevin) with a seed derived from the request's seed and the share's
 * index. The result depends on the request and the number of partitions only, not on how many
 * executors run them or in what order, so the same seed and partitioning give the same samples.
 *
 * <p>Columns: {@value #INDEX} (0 to count − 1, share by share), {@value #PARTITION}, {@value
 * #SAMPLE} (the point after MCMC, flattened row-major), {@value #ENERGY} ({@code U} of the sample)
 * and {@value #RAW_SAMPLE} (the chain's start {@code G(z₀)}).
 */
public final class SparkSampler {

    /** The sample's index. */
    public static final String INDEX = "index";

    /** The share that drew the sample. */
    public static final String PARTITION = "partition";

    /** The sample, an array of 32-bit floats. */
    public static final String SAMPLE = "sample";

    /** {@code U} of the sample. */
    public static final String ENERGY = "energy";

    /** The raw generator sample the chain started from. */
    public static final String RAW_SAMPLE = "rawSample";

    /** Names the share seeds' streams, apart from any other use of the request's seed. */
    private static final long SHARE_SALT = 0x3C6E_F372_FE94_F82BL;

    private static final StructType SCHEMA =
            new StructType()
                    .add(INDEX, DataTypes.LongType, false)
                    .add(PARTITION, DataTypes.IntegerType, false)
                    .add(SAMPLE, DataTypes.createArrayType(DataTypes.FloatType, false), false)
                    .add(ENERGY, DataTypes.FloatType, false)
                    .add(RAW_SAMPLE, DataTypes.createArrayType(DataTypes.FloatType, false), false);

    private SparkSampler() {}

    /**
     * Returns the request that share {@code partition} of {@code partitions} runs: its part of the
     * count (the first {@code count % partitions} shares take one more) and its own seed.
     *
     * @param request the whole request
     * @param partitions how many shares
     * @param partition the share, {@code 0 ≤ partition < partitions}
     * @return the share's request, or null when the share is empty
     */
    public static SampleRequest share(SampleRequest request, int partitions, int partition) {
        int count =
                request.getCount() / partitions
                        + (partition < request.getCount() % partitions ? 1 : 0);
        if (count == 0) {
            return null;
        }
        int seed = (int) RandomStream.derivedSeed(request.getSeed(), SHARE_SALT, partition);
        return request.toBuilder().setCount(count).optSeed(seed).build();
    }

    /**
     * Draws the samples (lazily: the chains run when the result is written or collected; cache it
     * if it is read more than once).
     *
     * @param spark the session
     * @param model the model's bytes
     * @param request the request; its batch size bounds each share's memory
     * @param partitions how many shares to split the work into, {@code > 0}
     * @return one row per sample
     * @throws IllegalArgumentException if {@code partitions} is not positive or exceeds the count
     */
    public static Dataset<Row> sample(
            SparkSession spark, SparkEnergyModel model, SampleRequest request, int partitions) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(request, "request");
        if (partitions <= 0 || partitions > request.getCount()) {
            throw new IllegalArgumentException(
                    "The number of partitions must be in 1.."
                            + request.getCount()
                            + " (the sample count), got "
                            + partitions);
        }
        Broadcast<SparkEnergyModel> shared =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model);
        return spark.range(0, partitions, 1, partitions)
                .toDF()
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>)
                                ids -> draw(ids, shared.value(), request, partitions),
                        Encoders.row(SCHEMA));
    }

    private static Iterator<Row> draw(
            Iterator<Row> ids, SparkEnergyModel bytes, SampleRequest request, int partitions)
            throws Exception {
        List<Row> rows = new ArrayList<>();
        while (ids.hasNext()) {
            int partition = Math.toIntExact(ids.next().getLong(0));
            SampleRequest share = share(request, partitions, partition);
            if (share == null) {
                continue;
            }
            long first = firstIndex(request.getCount(), partitions, partition);
            TaskSetup.prepare();
            try (EnergyGanModel model = bytes.load();
                    Predictor<SampleRequest, GeneratedSamples> predictor =
                            model.getModel().newPredictor(new EnergyGanSamplingTranslator())) {
                GeneratedSamples samples = predictor.predict(share);
                for (int i = 0; i < share.getCount(); i++) {
                    rows.add(
                            RowFactory.create(
                                    first + i,
                                    partition,
                                    samples.samples()[i],
                                    samples.energies()[i],
                                    samples.rawSamples()[i]));
                }
            }
        }
        return rows.iterator();
    }

    /** The index of a share's first sample. */
    private static long firstIndex(int count, int partitions, int partition) {
        long base = count / partitions;
        return base * partition + Math.min(partition, count % partitions);
    }
}
