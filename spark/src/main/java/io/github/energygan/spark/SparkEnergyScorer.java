/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import ai.djl.inference.Predictor;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.translator.EnergyScore;
import io.github.energygan.translator.EnergyScoringTranslator;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
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
 * a null, a NaN or a vector of the wrong length follow the {@link InvalidRows} policy. Set either
 * the feature columns or, with {@link Builder#optVectorColumn}, one column holding the points.
 */
public final class SparkEnergyScorer extends DataFrameScorer {

    /** The energy column, {@code U(x)} as a 32-bit float. */
    public static final String ENERGY = "energy";

    /** The squared norm of the energy's input gradient, a 32-bit float. */
    public static final String GRAD_NORM_SQ = "gradNormSq";

    /** The anomaly flag, present when a threshold is set. */
    public static final String ANOMALY = "anomaly";

    /** Rows scored per {@code batchPredict} call by default. */
    public static final int DEFAULT_BATCH_SIZE = 4096;

    private static final long serialVersionUID = 1L;

    private final SparkEnergyModel model;
    private final List<String> featureColumns;
    private final Double threshold;

    private SparkEnergyScorer(Builder b) {
        super(b);
        model = b.model;
        featureColumns = List.copyOf(b.featureColumns);
        threshold = b.threshold;
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    PointColumns columns(StructType schema) {
        return PointColumns.of(
                schema, featureColumns, getVectorColumn(), model.getDataSize(), true);
    }

    @Override
    List<StructField> scoreFields() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(ENERGY, DataTypes.FloatType, true));
        fields.add(DataTypes.createStructField(GRAD_NORM_SQ, DataTypes.FloatType, true));
        if (threshold != null) {
            fields.add(DataTypes.createStructField(ANOMALY, DataTypes.BooleanType, true));
        }
        return fields;
    }

    @Override
    PartitionBatches.ScorerFactory scorerFactory(JavaSparkContext spark) {
        Broadcast<SparkEnergyModel> shared = spark.broadcast(model);
        Double limit = threshold;
        return () -> new PointScorer(shared.value(), limit);
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

    /** The builder for {@link SparkEnergyScorer}; {@value #DEFAULT_BATCH_SIZE} rows per batch. */
    public static final class Builder extends BaseBuilder<Builder> {

        private SparkEnergyModel model;
        private List<String> featureColumns = List.of();
        private Double threshold;

        Builder() {
            super(DEFAULT_BATCH_SIZE);
        }

        @Override
        protected Builder self() {
            return this;
        }

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
         * Builds the scorer.
         *
         * @return the scorer
         * @throws IllegalArgumentException if the model is missing, both or neither of feature and
         *     vector columns are set, the batch size is not positive, or the threshold is not
         *     finite
         */
        public SparkEnergyScorer build() {
            validate();
            if (model == null) {
                throw new IllegalArgumentException(
                        "Set the model: SparkEnergyModel.fromZoo(...) or fromDirectory(...)");
            }
            if (featureColumns.isEmpty() != hasVectorColumn()) {
                throw new IllegalArgumentException(
                        "Set either the feature columns or one vector column, not "
                                + (hasVectorColumn() ? "both" : "neither"));
            }
            if (threshold != null && !Double.isFinite(threshold)) {
                throw new IllegalArgumentException(
                        "The threshold must be a finite energy, got " + threshold);
            }
            return new SparkEnergyScorer(this);
        }
    }
}
