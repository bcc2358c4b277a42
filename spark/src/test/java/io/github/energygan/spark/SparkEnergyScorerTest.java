/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.translator.EnergyScore;
import io.github.energygan.translator.EnergyScoringTranslator;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Scoring a DataFrame on {@code local[2]} against the same model's single-JVM batchPredict. */
class SparkEnergyScorerTest {

    private static final int ROWS = 20_000;
    private static final StructType SCHEMA =
            new StructType()
                    .add("id", DataTypes.LongType, false)
                    .add("x", DataTypes.DoubleType, true)
                    .add("y", DataTypes.DoubleType, true)
                    .add("xy", DataTypes.createArrayType(DataTypes.DoubleType, true), true)
                    .add("features", SQLDataTypes.VectorType(), true);

    private static SparkSession spark;
    private static SparkEnergyModel model;
    private static double[][] points;
    private static float[][] expected;

    @BeforeAll
    static void setUp() throws Exception {
        spark = LocalSpark.session();
        model = SparkEnergyModel.fromZoo("grid-25");
        SplittableRandom random = new SplittableRandom(11);
        points = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            points[i] = new double[] {random.nextDouble(-5, 5), random.nextDouble(-5, 5)};
        }
        expected = singleJvm(points);
    }

    /** The reference: the same model's batchPredict in this JVM, in batches of 4096. */
    private static float[][] singleJvm(double[][] xs) throws Exception {
        float[][] out = new float[xs.length][];
        try (EnergyGanModel gan = model.load();
                Predictor<float[], EnergyScore> predictor =
                        gan.getModel().newPredictor(new EnergyScoringTranslator())) {
            for (int start = 0; start < xs.length; start += 4096) {
                List<float[]> batch = new ArrayList<>();
                for (int i = start; i < Math.min(xs.length, start + 4096); i++) {
                    batch.add(new float[] {(float) xs[i][0], (float) xs[i][1]});
                }
                List<EnergyScore> scores = predictor.batchPredict(batch);
                for (int i = 0; i < scores.size(); i++) {
                    EnergyScore s = scores.get(i);
                    out[start + i] = new float[] {s.energy(), s.squaredGradientNorm()};
                }
            }
        }
        return out;
    }

    private static Dataset<Row> table(double[][] xs, int partitions) {
        List<Row> rows = new ArrayList<>(xs.length);
        for (int i = 0; i < xs.length; i++) {
            double[] p = xs[i];
            Double x = p == null ? null : p[0];
            Double y = p == null ? null : p[1];
            rows.add(
                    RowFactory.create(
                            (long) i,
                            x,
                            y,
                            p == null ? null : Arrays.asList(x, y),
                            p == null ? null : Vectors.dense(p)));
        }
        return spark.createDataFrame(rows, SCHEMA).repartition(partitions);
    }

    private static void assertMatchesSingleJvm(List<Row> rows, int firstScoreColumn) {
        assertEquals(ROWS, rows.size());
        int identical = 0;
        for (Row row : rows) {
            int id = Math.toIntExact(row.getLong(0));
            float energy = row.getFloat(firstScoreColumn);
            float gradient = row.getFloat(firstScoreColumn + 1);
            assertClose(expected[id][0], energy, "energy of row " + id);
            assertClose(expected[id][1], gradient, "gradNormSq of row " + id);
            if (energy == expected[id][0] && gradient == expected[id][1]) {
                identical++;
            }
        }
        System.out.printf("%d of %d rows bit-identical to the single JVM%n", identical, ROWS);
    }

    private static void assertClose(float want, float got, String what) {
        double tolerance = 1e-6 * Math.max(1.0, Math.abs(want));
        assertTrue(Math.abs(want - got) <= tolerance, what + ": " + got + " vs " + want);
    }

    @Test
    void featureColumnsScoreAsTheSingleJvmDoes() {
        SparkEnergyScorer scorer =
                SparkEnergyScorer.builder().setModel(model).optFeatureColumns("x", "y").build();
        Dataset<Row> scored = scorer.transform(table(points, 3));
        assertEquals(SparkEnergyScorer.ENERGY, scored.schema().fieldNames()[5]);
        assertMatchesSingleJvm(scored.collectAsList(), 5);
    }

    @Test
    void arrayAndVectorColumnsScoreAsTheFeatureColumns() {
        for (String column : List.of("xy", "features")) {
            SparkEnergyScorer scorer =
                    SparkEnergyScorer.builder()
                            .setModel(model)
                            .optVectorColumn(column)
                            .optBatchSize(1000)
                            .build();
            assertMatchesSingleJvm(scorer.transform(table(points, 4)).collectAsList(), 5);
        }
    }

    @Test
    void aThresholdFlagsTheRowsAboveIt() {
        SparkEnergyScorer scorer =
                SparkEnergyScorer.builder()
                        .setModel(model)
                        .optFeatureColumns("x", "y")
                        .optThreshold(5.0)
                        .build();
        int flagged = 0;
        for (Row row : scorer.transform(table(points, 2)).collectAsList()) {
            boolean anomaly = row.getBoolean(7);
            assertEquals(row.getFloat(5) > 5.0, anomaly);
            flagged += anomaly ? 1 : 0;
        }
        assertTrue(flagged > 0 && flagged < ROWS, "threshold 5 splits the plane: " + flagged);
    }

    @Test
    void aNullFeatureStopsTheJobNamingTheRowAndColumn() {
        double[][] xs = points.clone();
        xs[123] = null;
        SparkEnergyScorer scorer =
                SparkEnergyScorer.builder()
                        .setModel(model)
                        .optFeatureColumns("x", "y")
                        .optIdColumn("id")
                        .build();
        Exception e =
                assertThrows(Exception.class, () -> scorer.transform(table(xs, 2)).collect());
        String message = rootMessage(e);
        assertTrue(message.contains("id = 123"), message);
        assertTrue(message.contains("column 'x' is null"), message);
    }

    @Test
    void aNaNOrAShortVectorStopsTheJob() {
        double[][] xs = points.clone();
        xs[7] = new double[] {0.5, Double.NaN};
        SparkEnergyScorer columns =
                SparkEnergyScorer.builder()
                        .setModel(model)
                        .optFeatureColumns("x", "y")
                        .optIdColumn("id")
                        .build();
        String message =
                rootMessage(
                        assertThrows(
                                Exception.class, () -> columns.transform(table(xs, 2)).collect()));
        assertTrue(message.contains("id = 7") && message.contains("column 'y' is NaN"), message);

        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(0L, null, null, Arrays.asList(1.0, 2.0, 3.0), null));
        Dataset<Row> shortVectors = spark.createDataFrame(rows, SCHEMA);
        SparkEnergyScorer vectors =
                SparkEnergyScorer.builder().setModel(model).optVectorColumn("xy").build();
        message =
                rootMessage(
                        assertThrows(
                                Exception.class,
                                () -> vectors.transform(shortVectors).collect()));
        assertTrue(message.contains("holds 3 numbers; expected 2"), message);
    }

    @Test
    void nullScoresKeepTheBadRowsWithAReasonAndScoreTheRest() {
        double[][] xs = points.clone();
        xs[5] = null;
        xs[6] = new double[] {Double.POSITIVE_INFINITY, 0};
        SparkEnergyScorer scorer =
                SparkEnergyScorer.builder()
                        .setModel(model)
                        .optFeatureColumns("x", "y")
                        .optInvalidRows(InvalidRows.NULL_SCORES)
                        .build();
        int invalid = 0;
        for (Row row : scorer.transform(table(xs, 3)).collectAsList()) {
            int id = Math.toIntExact(row.getLong(0));
            if (id == 5 || id == 6) {
                assertTrue(row.isNullAt(5) && row.isNullAt(6));
                assertTrue(row.getString(7).startsWith("column 'x' is"), row.getString(7));
                invalid++;
            } else {
                assertNull(row.get(7));
                assertClose(expected[id][0], row.getFloat(5), "energy of row " + id);
            }
        }
        assertEquals(2, invalid);
    }

    @Test
    void columnsThatDoNotFitTheModelAreRefusedBeforeAnyWork() {
        Dataset<Row> data = table(points, 2);
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SparkEnergyScorer.builder()
                                        .setModel(model)
                                        .optFeatureColumns("x", "z")
                                        .build()
                                        .transform(data));
        assertTrue(missing.getMessage().contains("no column 'z'"), missing.getMessage());
        IllegalArgumentException count =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SparkEnergyScorer.builder()
                                        .setModel(model)
                                        .optFeatureColumns("x")
                                        .build()
                                        .transform(data));
        assertTrue(count.getMessage().contains("points of 2 numbers"), count.getMessage());
        IllegalArgumentException taken =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SparkEnergyScorer.builder()
                                        .setModel(model)
                                        .optFeatureColumns("x", "y")
                                        .build()
                                        .transform(data.withColumnRenamed("id", "energy")));
        assertTrue(taken.getMessage().contains("already has a column 'energy'"));
    }

    static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
