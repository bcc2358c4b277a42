/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import ai.djl.inference.Predictor;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.translator.EnergyScore;
import io.github.energygan.translator.EnergyScoringTranslator;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Scores the rows of a Spark DataFrame with an energy model: appends {@value #ENERGY} ({@code
 * U(x)}), {@value #GRAD_NORM_SQ} ({@code ‖∇ₓU(x)‖²}) and, when a threshold is set, {@value
 * #ANOMALY} ({@code U(x) > threshold}).
 *
 * <pre>{@code
 * SparkEnergyScorer scorer =
 *         SparkEnergyScorer.builder()
 *                 .setModel(SparkEnergyModel.fromZoo("grid-25"))
 *                 .optFeatureColumns("x", "y")
 *                 .optThreshold(3.0)
 *                 .build();
 * Dataset<Row> scored = scorer.transform(points);
 * }</pre>
 *
 * <p>The model's bytes are broadcast once; each partition loads one model and one predictor when
 * its first valid row arrives, scores its rows with {@code Predictor.batchPredict} a batch at a
 * time, and closes both when it ends. The scores equal those of the same model's {@code
 * batchPredict} in a single JVM.
 *
 * <p>The schema is checked when {@link #transform} is called, before Spark runs anything; rows with
 * a null, a NaN or a vector of the wrong length follow the {@link InvalidRows} policy.
 */
public final class SparkEnergyScorer implements Serializable {

    /** The energy column, {@code U(x)} as a 32-bit float. */
    public static final String ENERGY = "energy";

    /** The squared norm of the energy's input gradient, a 32-bit float. */
    public static final String GRAD_NORM_SQ = "gradNormSq";

    /** The anomaly flag, present when a threshold is set. */
    public static final String ANOMALY = "anomaly";

    /** Why a row was not scored, present under {@link InvalidRows#NULL_SCORES}. */
    public static final String INVALID_REASON = "invalidReason";

    /** Rows scored per {@code batchPredict} call by default. */
    public static final int DEFAULT_BATCH_SIZE = 4096;

    private static final long serialVersionUID = 1L;

    private final SparkEnergyModel model;
    private final List<String> featureColumns;
    private final String vectorColumn;
    private final String idColumn;
    private final int batchSize;
    private final Double threshold;
    private final InvalidRows invalidRows;

    private SparkEnergyScorer(Builder b) {
        model = b.model;
        featureColumns = List.copyOf(b.featureColumns);
        vectorColumn = b.vectorColumn;
        idColumn = b.idColumn;
        batchSize = b.batchSize;
        threshold = b.threshold;
        invalidRows = b.invalidRows;
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the schema {@link #transform} gives a DataFrame of this schema, checking that the
     * columns fit the model.
     *
     * @param input the input schema
     * @return the input's columns followed by the score columns
     * @throws IllegalArgumentException if a column is missing or of the wrong type, the feature
     *     columns do not match the model's data size, or an output column's name is taken
     */
    public StructType transformSchema(StructType input) {
        PointColumns.of(input, featureColumns, vectorColumn, model.getDataSize(), true);
        if (idColumn != null && !Arrays.asList(input.fieldNames()).contains(idColumn)) {
            throw new IllegalArgumentException(
                    "The DataFrame has no id column '"
                            + idColumn
                            + "'; its columns are "
                            + Arrays.toString(input.fieldNames()));
        }
        List<String> added = new ArrayList<>(List.of(ENERGY, GRAD_NORM_SQ));
        StructType out =
                input.add(ENERGY, DataTypes.FloatType, true)
                        .add(GRAD_NORM_SQ, DataTypes.FloatType, true);
        if (threshold != null) {
            added.add(ANOMALY);
            out = out.add(ANOMALY, DataTypes.BooleanType, true);
        }
        if (invalidRows == InvalidRows.NULL_SCORES) {
            added.add(INVALID_REASON);
            out = out.add(INVALID_REASON, DataTypes.StringType, true);
        }
        for (String name : added) {
            if (Arrays.asList(input.fieldNames()).contains(name)) {
                throw new IllegalArgumentException(
                        "The DataFrame already has a column '"
                                + name
                                + "', which scoring adds; rename or drop it first");
            }
        }
        return out;
    }

    /**
     * Scores a DataFrame. Lazy, as every Spark transformation: the work runs when the result is
     * written, counted or collected.
     *
     * @param data the rows to score
     * @return the rows, in their partitions and order, with the score columns appended
     * @throws IllegalArgumentException if the columns do not fit the model (see {@link
     *     #transformSchema})
     */
    public Dataset<Row> transform(Dataset<Row> data) {
        StructType schema = transformSchema(data.schema());
        PointColumns columns =
                PointColumns.of(
                        data.schema(), featureColumns, vectorColumn, model.getDataSize(), true);
        int id = idColumn == null ? -1 : data.schema().fieldIndex(idColumn);
        Broadcast<SparkEnergyModel> shared =
                JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext())
                        .broadcast(model);
        Double limit = threshold;
        InvalidRows policy = invalidRows;
        int batch = batchSize;
        String idName = idColumn;
        int outputs = limit == null ? 2 : 3;
        return data.mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                        rows ->
                        new PartitionBatches(
                                rows,
                                columns,
                                id,
                                idName,
                                policy,
                                batch,
                                outputs,
                                () -> new PointScorer(shared.value(), limit)),
                Encoders.row(schema));
    }

    /** One partition's model and predictor. */
    private static final class PointScorer implements PartitionBatches.BatchScorer {

        private final EnergyGanModel model;
        private final Predictor<float[], EnergyScore> predictor;
        private final Double threshold;

        PointScorer(SparkEnergyModel bytes, Double threshold) throws Exception {
            this.model = bytes.load();
            this.predictor = model.getModel().newPredictor(new EnergyScoringTranslator());
            this.threshold = threshold;
        }

        @Override
        public List<Object[]> score(List<double[]> points) throws Exception {
            List<float[]> vectors = new ArrayList<>(points.size());
            for (double[] point : points) {
                float[] vector = new float[point.length];
                for (int j = 0; j < point.length; j++) {
                    vector[j] = (float) point[j];
                }
                vectors.add(vector);
            }
            List<EnergyScore> scores = predictor.batchPredict(vectors);
            List<Object[]> out = new ArrayList<>(scores.size());
            for (EnergyScore s : scores) {
                out.add(
                        threshold == null
                                ? new Object[] {s.energy(), s.squaredGradientNorm()}
                                : new Object[] {
                                    s.energy(), s.squaredGradientNorm(), s.energy() > threshold
                                });
            }
            return out;
        }

        @Override
        public void close() {
            try {
                predictor.close();
            } finally {
                model.close();
            }
        }
    }

    /** The builder for {@link SparkEnergyScorer}. */
    public static final class Builder {

        private SparkEnergyModel model;
        private List<String> featureColumns = List.of();
        private String vectorColumn;
        private String idColumn;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Double threshold;
        private InvalidRows invalidRows = InvalidRows.FAIL;

        Builder() {}

        /**
         * Sets the model.
         *
         * @param model the model's bytes
         * @return this builder
         */
        public Builder setModel(SparkEnergyModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Reads each point from numeric columns, one per feature, in the model's feature order.
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder optFeatureColumns(String... columns) {
            this.featureColumns = List.of(columns);
            return this;
        }

        /**
         * Reads each point from one column holding an array of numbers or a Spark ML vector.
         *
         * @param column the column
         * @return this builder
         */
        public Builder optVectorColumn(String column) {
            this.vectorColumn = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names a column that identifies rows in error messages (any type).
         *
         * @param column the column
         * @return this builder
         */
        public Builder optIdColumn(String column) {
            this.idColumn = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Sets how many rows each {@code batchPredict} call scores; {@value #DEFAULT_BATCH_SIZE}
         * by default. Each task holds one batch of rows and points at a time.
         *
         * @param batchSize {@code > 0}
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Adds the {@value #ANOMALY} column: {@code true} where {@code U(x) > threshold}.
         *
         * @param threshold a finite energy
         * @return this builder
         */
        public Builder optThreshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /**
         * Sets what happens to rows that cannot be scored; {@link InvalidRows#FAIL} by default.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder optInvalidRows(InvalidRows policy) {
            this.invalidRows = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Builds the scorer.
         *
         * @return the scorer
         * @throws IllegalArgumentException if the model is missing, both or neither of feature and
         *     vector columns are set, the batch size is not positive, or the threshold is not
         *     finite
         */
        public SparkEnergyScorer build() {
            if (model == null) {
                throw new IllegalArgumentException(
                        "Set the model: SparkEnergyModel.fromZoo(...) or fromDirectory(...)");
            }
            if (featureColumns.isEmpty() == (vectorColumn == null)) {
                throw new IllegalArgumentException(
                        "Set either the feature columns or one vector column, not "
                                + (vectorColumn == null ? "neither" : "both"));
            }
            if (batchSize <= 0) {
                throw new IllegalArgumentException("The batch size must be > 0, got " + batchSize);
            }
            if (threshold != null && !Double.isFinite(threshold)) {
                throw new IllegalArgumentException(
                        "The threshold must be a finite energy, got " + threshold);
            }
            return new SparkEnergyScorer(this);
        }
    }
}
