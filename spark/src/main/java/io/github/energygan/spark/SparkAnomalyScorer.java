/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import io.github.energygan.tribuo.EnergyAnomalyModel;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
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
public final class SparkAnomalyScorer extends DataFrameScorer {

    /** The anomaly score column, a double, in the model's {@code AnomalyScore} units. */
    public static final String SCORE = "anomalyScore";

    /** The decision column: {@code true} where the score exceeds the model's threshold. */
    public static final String ANOMALOUS = "anomalous";

    private static final long serialVersionUID = 1L;

    private final byte[] model;
    private final String[] featureNames;

    private SparkAnomalyScorer(Builder b) {
        super(b);
        model = b.model.serialize().toByteArray();
        ImmutableFeatureMap features = b.model.getFeatureIDMap();
        featureNames = new String[features.size()];
        for (VariableInfo info : features) {
            featureNames[features.getID(info.getName())] = info.getName();
        }
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

    @Override
    PointColumns columns(StructType schema) {
        return getVectorColumn() == null
                ? PointColumns.of(
                        schema, List.of(featureNames), null, featureNames.length, false)
                : PointColumns.of(schema, List.of(), getVectorColumn(), featureNames.length, false);
    }

    @Override
    List<StructField> scoreFields() {
        return List.of(
                DataTypes.createStructField(SCORE, DataTypes.DoubleType, true),
                DataTypes.createStructField(ANOMALOUS, DataTypes.BooleanType, true));
    }

    @Override
    PartitionBatches.ScorerFactory scorerFactory(JavaSparkContext spark) {
        Broadcast<byte[]> shared = spark.broadcast(model);
        String[] names = featureNames;
        return () -> new TribuoScorer(shared.value(), names);
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

    /**
     * The builder for {@link SparkAnomalyScorer}; {@value EnergyAnomalyModel#PREDICTION_BATCH}
     * rows per batch by default. A vector column ({@link #optVectorColumn}) holds the features in
     * the model's feature-ID order ({@link SparkAnomalyScorer#getFeatureNames}).
     */
    public static final class Builder extends BaseBuilder<Builder> {

        private EnergyAnomalyModel model;

        Builder() {
            super(EnergyAnomalyModel.PREDICTION_BATCH);
        }

        @Override
        protected Builder self() {
            return this;
        }

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
         * Builds the scorer, serialising the model.
         *
         * @return the scorer
         * @throws IllegalArgumentException if the model is missing or the batch size is not
         *     positive
         */
        public SparkAnomalyScorer build() {
            validate();
            if (model == null) {
                throw new IllegalArgumentException(
                        "Set the model: an EnergyAnomalyModel, e.g. EnergyAnomalyModel.load(file)");
            }
            return new SparkAnomalyScorer(this);
        }
    }
}
