/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import io.github.energygan.tribuo.EnergyAnomalyModel;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Scores the rows of a Spark DataFrame with a Tribuo {@link EnergyAnomalyModel}: appends {@value
 * #SCORE} (the model's anomaly score) and {@value #ANOMALOUS} (whether the model calls the row
 * {@link Event.EventType#ANOMALOUS}), exactly as {@code model.predict} would in one JVM.
 *
 * <pre>{@code
 * SparkAnomalyScorer scorer =
 *         SparkAnomalyScorer.builder().setModel(EnergyAnomalyModel.load(file)).build();
 * Dataset<Row> scored = scorer.transform(table); // columns named after the model's features
 * }</pre>
 *
 * <p>The model travels as its Tribuo protobuf bytes in one broadcast; each partition deserialises
 * it once, predicts a batch of rows at a time and closes it when it ends. By default each feature
 * is read from the column of the same name; {@link Builder#optVectorColumn} reads them instead
 * from one array or vector column, in the model's feature-ID order. Every feature is required: a
 * null follows the {@link InvalidRows} policy rather than counting as zero.
 */
public final class SparkAnomalyScorer implements Serializable {

    /** The anomaly score column, a double, in the model's {@code AnomalyScore} units. */
    public static final String SCORE = "anomalyScore";

    /** The decision column: {@code true} where the score exceeds the model's threshold. */
    public static final String ANOMALOUS = "anomalous";

    private static final long serialVersionUID = 1L;

    private final byte[] model;
    private final String[] featureNames;
    private final String vectorColumn;
    private final String idColumn;
    private final int batchSize;
    private final InvalidRows invalidRows;

    private SparkAnomalyScorer(Builder b) {
        model = b.model.serialize().toByteArray();
        List<String> names = new ArrayList<>();
        for (VariableInfo info : b.model.getFeatureIDMap()) {
            names.add(info.getName());
        }
        // The ID order: the order of the vector column.
        names.sort(
                (x, y) ->
                        Integer.compare(
                                b.model.getFeatureIDMap().getID(x),
                                b.model.getFeatureIDMap().getID(y)));
        featureNames = names.toArray(new String[0]);
        vectorColumn = b.vectorColumn;
        idColumn = b.idColumn;
        batchSize = b.batchSize;
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
     * Returns the model's feature names in feature-ID order: the columns read by default, and the
     * order of a vector column.
     *
     * @return the names
     */
    public List<String> getFeatureNames() {
        return List.of(featureNames);
    }

    /**
     * Returns the schema {@link #transform} gives a DataFrame of this schema, checking that the
     * columns fit the model.
     *
     * @param input the input schema
     * @return the input's columns followed by {@value #SCORE}, {@value #ANOMALOUS} and, under
     *     {@link InvalidRows#NULL_SCORES}, {@value SparkEnergyScorer#INVALID_REASON}
     * @throws IllegalArgumentException if a feature column is missing or not numeric, or an output
     *     column's name is taken
     */
    public StructType transformSchema(StructType input) {
        columns(input);
        if (idColumn != null && !Arrays.asList(input.fieldNames()).contains(idColumn)) {
            throw new IllegalArgumentException(
                    "The DataFrame has no id column '"
                            + idColumn
                            + "'; its columns are "
                            + Arrays.toString(input.fieldNames()));
        }
        StructType out =
                input.add(SCORE, DataTypes.DoubleType, true)
                        .add(ANOMALOUS, DataTypes.BooleanType, true);
        List<String> added = new ArrayList<>(List.of(SCORE, ANOMALOUS));
        if (invalidRows == InvalidRows.NULL_SCORES) {
            out = out.add(SparkEnergyScorer.INVALID_REASON, DataTypes.StringType, true);
            added.add(SparkEnergyScorer.INVALID_REASON);
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

    private PointColumns columns(StructType schema) {
        return vectorColumn == null
                ? PointColumns.of(
                        schema, List.of(featureNames), null, featureNames.length, false)
                : PointColumns.of(schema, List.of(), vectorColumn, featureNames.length, false);
    }

    /**
     * Scores a DataFrame (lazily, as every Spark transformation).
     *
     * @param data the rows to score
     * @return the rows with the score columns appended
     * @throws IllegalArgumentException if the columns do not fit the model
     */
    public Dataset<Row> transform(Dataset<Row> data) {
        StructType schema = transformSchema(data.schema());
        PointColumns columns = columns(data.schema());
        int id = idColumn == null ? -1 : data.schema().fieldIndex(idColumn);
        Broadcast<byte[]> shared =
                JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext())
                        .broadcast(model);
        String[] names = featureNames;
        InvalidRows policy = invalidRows;
        int batch = batchSize;
        String idName = idColumn;
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
                                        2,
                                        () -> new TribuoScorer(shared.value(), names)),
                Encoders.row(schema));
    }

    /** One partition's deserialised model. */
    private static final class TribuoScorer implements PartitionBatches.BatchScorer {

        private final EnergyAnomalyModel model;
        private final String[] names;
        private final Event unknown = new AnomalyFactory().getUnknownOutput();

        TribuoScorer(byte[] bytes, String[] names) throws IOException {
            Model<?> read = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
            if (!(read instanceof EnergyAnomalyModel energy)) {
                throw new IOException(
                        "The broadcast model is a "
                                + read.getClass().getName()
                                + ", not an EnergyAnomalyModel");
            }
            this.model = energy;
            this.names = names;
        }

        @Override
        public List<Object[]> score(List<double[]> points) {
            List<Example<Event>> examples = new ArrayList<>(points.size());
            for (double[] point : points) {
                examples.add(new ArrayExample<>(unknown, names, point));
            }
            List<Prediction<Event>> predictions = model.predict(examples);
            List<Object[]> out = new ArrayList<>(predictions.size());
            for (Prediction<Event> p : predictions) {
                Event event = p.getOutput();
                out.add(
                        new Object[] {
                            event.getScore(), event.getType() == Event.EventType.ANOMALOUS
                        });
            }
            return out;
        }

        @Override
        public void close() {
            model.close();
        }
    }

    /** The builder for {@link SparkAnomalyScorer}. */
    public static final class Builder {

        private EnergyAnomalyModel model;
        private String vectorColumn;
        private String idColumn;
        private int batchSize = EnergyAnomalyModel.PREDICTION_BATCH;
        private InvalidRows invalidRows = InvalidRows.FAIL;

        Builder() {}

        /**
         * Sets the model; it is serialised when the scorer is built and stays the caller's.
         *
         * @param model the model
         * @return this builder
         */
        public Builder setModel(EnergyAnomalyModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Reads the features from one column holding an array of numbers or a Spark ML vector, in
         * the model's feature-ID order ({@link #getFeatureNames}), instead of one column per
         * feature.
         *
         * @param column the column
         * @return this builder
         */
        public Builder optVectorColumn(String column) {
            this.vectorColumn = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names a column that identifies rows in error messages.
         *
         * @param column the column
         * @return this builder
         */
        public Builder optIdColumn(String column) {
            this.idColumn = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Sets how many rows each {@code predict} call takes; {@value
         * EnergyAnomalyModel#PREDICTION_BATCH} by default.
         *
         * @param batchSize {@code > 0}
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
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
         * Builds the scorer, serialising the model.
         *
         * @return the scorer
         * @throws IllegalArgumentException if the model is missing or the batch size is not
         *     positive
         */
        public SparkAnomalyScorer build() {
            if (model == null) {
                throw new IllegalArgumentException(
                        "Set the model: an EnergyAnomalyModel, e.g. EnergyAnomalyModel.load(file)");
            }
            if (batchSize <= 0) {
                throw new IllegalArgumentException("The batch size must be > 0, got " + batchSize);
            }
            return new SparkAnomalyScorer(this);
        }
    }
}
