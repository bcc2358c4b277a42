/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.inference.Predictor;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.translator.EnergyGanSamplingTranslator;
import io.github.energygan.translator.GeneratedSamples;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Distributed latent MALA: reproducible, and each share equal to the single-JVM draw. */
class SparkSamplerTest {

    private static SparkSession spark;
    private static SparkEnergyModel model;

    private static final SampleRequest REQUEST =
            SampleRequest.builder().setCount(301).optSteps(20).optWarmUpSteps(20).optSeed(7).build();

    @BeforeAll
    static void setUp() throws Exception {
        spark = LocalSpark.session();
        model = SparkEnergyModel.fromZoo("ring-8");
    }

    private static List<Row> draw(SampleRequest request, int partitions) {
        return SparkSampler.sample(spark, model, request, partitions)
                .orderBy(SparkSampler.INDEX)
                .collectAsList();
    }

    @Test
    void theSameSeedAndPartitioningGiveTheSameSamples() {
        List<Row> first = draw(REQUEST, 3);
        List<Row> second = draw(REQUEST, 3);
        assertEquals(301, first.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(i, first.get(i).getLong(0));
            assertEquals(first.get(i).getList(2), second.get(i).getList(2));
            assertEquals(first.get(i).getFloat(3), second.get(i).getFloat(3));
        }
        List<Row> other = draw(REQUEST.toBuilder().optSeed(8).build(), 3);
        assertFalse(first.get(0).getList(2).equals(other.get(0).getList(2)));
    }

    @Test
    void eachShareIsTheSingleJvmDrawOfItsDerivedRequest() throws Exception {
        List<Row> rows = draw(REQUEST, 3);
        int next = 0;
        try (EnergyGanModel gan = model.load();
                Predictor<SampleRequest, GeneratedSamples> predictor =
                        gan.getModel().newPredictor(new EnergyGanSamplingTranslator())) {
            for (int partition = 0; partition < 3; partition++) {
                SampleRequest share = SparkSampler.share(REQUEST, 3, partition);
                assertEquals(partition == 0 ? 101 : 100, share.getCount());
                GeneratedSamples samples = predictor.predict(share);
                for (int i = 0; i < share.getCount(); i++, next++) {
                    Row row = rows.get(next);
                    assertEquals(partition, row.getInt(1));
                    List<Float> sample = row.getList(2);
                    float[] values = new float[sample.size()];
                    for (int j = 0; j < values.length; j++) {
                        values[j] = sample.get(j);
                    }
                    assertArrayEquals(samples.samples()[i], values);
                    assertEquals(samples.energies()[i], row.getFloat(3));
                }
            }
        }
        assertEquals(301, next);
    }

    @Test
    void morePartitionsThanSamplesAreRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SparkSampler.sample(spark, model, SampleRequest.of(4), 5));
        assertEquals(
                "The number of partitions must be in 1..4 (the sample count), got 5",
                e.getMessage());
    }
}
