/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Appends score columns to the rows of a DataFrame, a batch of rows at a time in each partition:
 * what {@link SparkEnergyScorer} and {@link SparkAnomalyScorer} share. The schema is checked when
 * {@link #transform} is called, before Spark runs anything; rows that cannot be scored follow the
 * {@link InvalidRows} policy.
 */
public abstract class DataFrameScorer implements Serializable {

    /** Why a row was not scored, present under {@link InvalidRows#NULL_SCORES}. */
    public static final String INVALID_REASON = "invalidReason";

    private static final long serialVersionUID = 1L;

    private final String vectorColumn;
    private final String idColumn;
    private final int batchSize;
    private final InvalidRows invalidRows;

    /**
     * Takes the shared settings.
     *
     * @param builder the builder
     */
    protected DataFrameScorer(BaseBuilder<?> builder) {
        vectorColumn = builder.vectorColumn;
        idColumn = builder.idColumn;
        batchSize = builder.batchSize;
        invalidRows = builder.invalidRows;
    }

    /**
     * Returns the vector column, if one was set.
     *
     * @return the column, or null when the features are read from columns of their own
     */
    String getVectorColumn() {
        return vectorColumn;
    }

    /**
     * Locates the points in a schema, checking it.
     *
     * @param schema the input schema
     * @return the columns
     * @throws IllegalArgumentException if the columns do not fit the model
     */
    abstract PointColumns columns(StructType schema);

    /**
     * Returns the score columns this scorer appends, before {@value #INVALID_REASON}.
     *
     * @return the fields
     */
    abstract List<StructField> scoreFields();

    /**
     * Broadcasts the model and returns how each partition opens its scorer.
     *
     * @param spark the job's Spark context
     * @return the factory, run on the executors
     */
    abstract PartitionBatches.ScorerFactory scorerFactory(JavaSparkContext spark);

    /**
     * Returns the schema {@link #transform} gives a DataFrame of this schema, checking that the
     * columns fit the model.
     *
     * @param input the input schema
     * @return the input's columns followed by the score columns and, under {@link
     *     InvalidRows#NULL_SCORES}, {@value #INVALID_REASON}
     * @throws IllegalArgumentException if a column is missing or of the wrong type, the columns do
     *     not match the model's features, or an output column's name is taken
     */
    public StructType transformSchema(StructType input) {
        columns(input);
        List<String> names = Arrays.asList(input.fieldNames());
        if (idColumn != null && !names.contains(idColumn)) {
            throw new IllegalArgumentException(
                    "The DataFrame has no id column '" + idColumn + "'; its columns are " + names);
        }
        StructType out = input;
        for (StructField field : scoreFields()) {
            out = add(out, names, field);
        }
        if (invalidRows == InvalidRows.NULL_SCORES) {
            out = add(out, names, DataTypes.createStructField(INVALID_REASON, DataTypes.StringType, true));
        }
        return out;
    }

    private static StructType add(StructType schema, List<String> taken, StructField field) {
        if (taken.contains(field.name())) {
            throw new IllegalArgumentException(
                    "The DataFrame already has a column '"
                            + field.name()
                            + "', which scoring adds; rename or drop it first");
        }
        return schema.add(field);
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
        PointColumns columns = columns(data.schema());
        int id = idColumn == null ? -1 : data.schema().fieldIndex(idColumn);
        PartitionBatches.ScorerFactory factory =
                scorerFactory(JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext()));
        int outputs = scoreFields().size();
        String idName = idColumn;
        InvalidRows policy = invalidRows;
        int batch = batchSize;
        return data.mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                        rows ->
                                new PartitionBatches(
                                        rows, columns, id, idName, policy, batch, outputs, factory),
                Encoders.row(schema));
    }

    /**
     * The settings both scorers take.
     *
     * @param <T> the concrete builder
     */
    public abstract static class BaseBuilder<T extends BaseBuilder<T>> {

        private String vectorColumn;
        private String idColumn;
        private int batchSize;
        private InvalidRows invalidRows = InvalidRows.FAIL;

        /**
         * Starts with a batch size.
         *
         * @param batchSize the default batch size
         */
        protected BaseBuilder(int batchSize) {
            this.batchSize = batchSize;
        }

        /**
         * Returns this builder.
         *
         * @return this
         */
        protected abstract T self();

        /**
         * Reads each point from one column holding an array of numbers or a Spark ML vector,
         * instead of one column per feature.
         *
         * @param column the column
         * @return this builder
         */
        public T optVectorColumn(String column) {
            this.vectorColumn = Objects.requireNonNull(column, "column");
            return self();
        }

        /**
         * Names a column that identifies rows in error messages (any type).
         *
         * @param column the column
         * @return this builder
         */
        public T optIdColumn(String column) {
            this.idColumn = Objects.requireNonNull(column, "column");
            return self();
        }

        /**
         * Sets how many rows each call to the model scores; each task holds one batch of rows at
         * a time.
         *
         * @param batchSize {@code > 0}
         * @return this builder
         */
        public T optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return self();
        }

        /**
         * Sets what happens to rows that cannot be scored; {@link InvalidRows#FAIL} by default.
         *
         * @param policy the policy
         * @return this builder
         */
        public T optInvalidRows(InvalidRows policy) {
            this.invalidRows = Objects.requireNonNull(policy, "policy");
            return self();
        }

        /**
         * Returns whether a vector column was set.
         *
         * @return whether the points come from one column
         */
        protected boolean hasVectorColumn() {
            return vectorColumn != null;
        }

        /**
         * Checks the shared settings.
         *
         * @throws IllegalArgumentException if the batch size is not positive
         */
        protected void validate() {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("The batch size must be > 0, got " + batchSize);
            }
        }
    }
}
