/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.energygan.tribuo.EnergyAnomalyModel;
import io.github.energygan.tribuo.EnergyAnomalyTrainer;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.example.GaussianAnomalyDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Tribuo energy anomaly model, broadcast as protobuf bytes, scores as model.predict does. */
class SparkAnomalyScorerTest {

    private static SparkSession spark;
    private static EnergyAnomalyModel model;
    private static List<Example<Event>> test;

    @BeforeAll
    static void setUp() {
        spark = LocalSpark.session();
        Map<String, String> small =
                Map.of(
                        "latentSize", "4",
                        "energyWidths", "32,32",
                        "generatorWidths", "32,32",
                        "estimatorWidths", "32,32",
                        "iterations", "100",
                        "batchSize", "64",
                        "seed", "7");
        model =
                (EnergyAnomalyModel)
                        EnergyAnomalyTrainer.configured(small)
                                .train(
                                        new MutableDataset<>(
                                                new GaussianAnomalyDataSource(600, 0.0f, 1L)));
        test = new ArrayList<>();
        new MutableDataset<>(new GaussianAnomalyDataSource(400, 0.2f, 2L)).forEach(test::add);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    /** The test events as a table: an id, then one column per feature. */
    private static Dataset<Row> table(List<String> names, int nullRow) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType, false);
        for (String name : names) {
            schema = schema.add(name, DataTypes.DoubleType, true);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            Object[] values = new Object[names.size() + 1];
            values[0] = i;
            for (Feature f : test.get(i)) {
                values[names.indexOf(f.getName()) + 1] = f.getValue();
            }
            if (i == nullRow) {
                values[2] = null;
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema).repartition(2);
    }

    @Test
    void sparkScoresAreTheModelsOwnPredictions() {
        SparkAnomalyScorer scorer = SparkAnomalyScorer.builder().setModel(model).build();
        List<String> names = scorer.getFeatureNames();
        List<Prediction<Event>> expected = model.predict(test);
        List<Row> rows = scorer.transform(table(names, -1)).collectAsList();
        assertEquals(test.size(), rows.size());
        int anomalous = 0;
        for (Row row : rows) {
            Event want = expected.get(row.getInt(0)).getOutput();
            assertEquals(want.getScore(), row.getDouble(names.size() + 1), 1e-6);
            boolean flagged = row.getBoolean(names.size() + 2);
            assertEquals(want.getType() == Event.EventType.ANOMALOUS, flagged);
            anomalous += flagged ? 1 : 0;
        }
        assertTrue(anomalous > 0, "the test set is 20 % anomalous");
    }

    @Test
    void aMissingFeatureIsNeverScoredAsZero() {
        SparkAnomalyScorer failing =
                SparkAnomalyScorer.builder().setModel(model).optIdColumn("id").build();
        List<String> names = failing.getFeatureNames();
        Exception e =
                assertThrows(
                        Exception.class, () -> failing.transform(table(names, 42)).collect());
        String message = SparkEnergyScorerTest.rootMessage(e);
        assertTrue(
                message.contains("id = 42")
                        && message.contains("column '" + names.get(1) + "' is null"),
                message);

        SparkAnomalyScorer lenient =
                SparkAnomalyScorer.builder()
                        .setModel(model)
                        .optInvalidRows(InvalidRows.NULL_SCORES)
                        .build();
        for (Row row : lenient.transform(table(names, 42)).collectAsList()) {
            boolean bad = row.getInt(0) == 42;
            assertEquals(bad, row.isNullAt(names.size() + 1));
            assertEquals(bad, !row.isNullAt(names.size() + 3));
        }
    }
}
