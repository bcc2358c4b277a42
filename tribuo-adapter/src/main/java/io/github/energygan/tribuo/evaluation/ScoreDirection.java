/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.evaluation;

import io.github.energygan.tribuo.EnergyAnomalyModel;

import org.tribuo.Model;
import org.tribuo.anomaly.Event;
import org.tribuo.transform.TransformedModel;

/**
 * Which way an anomaly model's {@link Event} scores point. Tribuo leaves the meaning of the score
 * to each model: ours is an energy (higher = more anomalous), LibSVM's is the one-class SVM's
 * decision value (higher = more normal).
 */
public enum ScoreDirection {

    /** Higher scores are more anomalous ({@link EnergyAnomalyModel}). */
    HIGHER_IS_ANOMALOUS,

    /** Higher scores are more normal (Tribuo's {@code LibSVMAnomalyModel}: decision values). */
    HIGHER_IS_EXPECTED;

    private static final String LIBSVM_ANOMALY_MODEL = "org.tribuo.anomaly.libsvm.LibSVMAnomalyModel";

    /**
     * Turns a model's score into an anomaly score: higher = more anomalous.
     *
     * @param score the event's score
     * @return the anomaly score
     */
    public double anomalyScore(double score) {
        return this == HIGHER_IS_ANOMALOUS ? score : -score;
    }

    /**
     * Returns the direction of a model's scores, for the models whose direction is known. A
     * Tribuo {@link TransformedModel} (a model trained behind a {@code TransformTrainer}, say on
     * standardised features) scores as the model inside it.
     *
     * @param model the model
     * @return its direction
     * @throws IllegalArgumentException for any other model; pass the direction explicitly then
     */
    public static ScoreDirection of(Model<Event> model) {
        if (model instanceof TransformedModel<Event> transformed) {
            return of(transformed.getInnerModel());
        }
        if (model instanceof EnergyAnomalyModel) {
            return HIGHER_IS_ANOMALOUS;
        }
        // By name: this module does not depend on Tribuo's LibSVM.
        if (LIBSVM_ANOMALY_MODEL.equals(model.getClass().getName())) {
            return HIGHER_IS_EXPECTED;
        }
        throw new IllegalArgumentException(
                "The direction of "
                        + model.getClass().getName()
                        + "'s scores is not known; give a ScoreDirection explicitly");
    }
}
