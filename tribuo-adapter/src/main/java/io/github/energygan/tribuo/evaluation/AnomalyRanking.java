/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.evaluation;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.evaluation.AnomalyEvaluation;
import org.tribuo.anomaly.evaluation.AnomalyEvaluator;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;
import org.tribuo.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An anomaly detector's figures on labelled test data: Tribuo's {@link AnomalyEvaluation} (the
 * confusion counts, precision, recall and F1 of the ANOMALOUS class at the model's own threshold)
 * and the threshold-free ranking figures computed from the scores, with ANOMALOUS as the positive
 * class: the area under the ROC curve and the average precision (the area under the
 * precision–recall curve as scikit-learn defines it), both from Tribuo's {@link
 * LabelEvaluationUtil}.
 *
 * @param evaluation Tribuo's evaluation at the model's threshold
 * @param auroc area under the ROC curve, in {@code [0, 1]}; 0.5 is chance
 * @param auprc average precision, in {@code [0, 1]}; the anomaly fraction is chance
 * @param anomalies how many test events are ANOMALOUS
 * @param expected how many test events are EXPECTED
 */
public record AnomalyRanking(
        AnomalyEvaluation evaluation, double auroc, double auprc, int anomalies, int expected) {

    /**
     * Evaluates a model on a test set, taking the score direction from the model's class.
     *
     * @param model the model
     * @param test labelled test data with both EXPECTED and ANOMALOUS events
     * @return the figures
     * @throws IllegalArgumentException if the test set lacks one of the two classes, holds UNKNOWN
     *     events, or the model's score direction is not known
     */
    public static AnomalyRanking evaluate(Model<Event> model, Dataset<Event> test) {
        return evaluate(model, test, ScoreDirection.of(model));
    }

    /**
     * Evaluates a model on a test set.
     *
     * @param model the model
     * @param test labelled test data with both EXPECTED and ANOMALOUS events
     * @param direction which way the model's scores point
     * @return the figures
     * @throws IllegalArgumentException if the test set lacks one of the two classes or holds
     *     UNKNOWN events
     */
    public static AnomalyRanking evaluate(
            Model<Event> model, Dataset<Event> test, ScoreDirection direction) {
        List<Prediction<Event>> predictions = model.predict(test);
        AnomalyEvaluation evaluation =
                new AnomalyEvaluator().evaluate(model, predictions, test.getProvenance());
        List<Example<Event>> examples = new ArrayList<>(predictions.size());
        double[] scores = new double[predictions.size()];
        for (int i = 0; i < predictions.size(); i++) {
            Prediction<Event> prediction = predictions.get(i);
            examples.add(prediction.getExample());
            scores[i] = direction.anomalyScore(prediction.getOutput().getScore());
        }
        boolean[] positive = anomalous(examples);
        int anomalies = 0;
        for (boolean p : positive) {
            anomalies += p ? 1 : 0;
        }
        return new AnomalyRanking(
                evaluation,
                LabelEvaluationUtil.binaryAUCROC(positive, scores),
                LabelEvaluationUtil.averagedPrecision(positive, scores),
                anomalies,
                predictions.size() - anomalies);
    }

    /**
     * Returns the area under the ROC curve of any anomaly score on labelled examples: how often an
     * ANOMALOUS example outscores an EXPECTED one. Use it to rank by parts of a model's score, such
     * as {@code EnergyAnomalyModel.energyTerms}.
     *
     * @param examples labelled examples with both EXPECTED and ANOMALOUS events
     * @param anomalyScores one score per example, in order, higher meaning more anomalous
     * @return the AUROC, in {@code [0, 1]}; 0.5 is chance
     * @throws IllegalArgumentException if the counts differ, the examples lack one of the two
     *     classes or hold UNKNOWN events
     */
    public static double auroc(List<Example<Event>> examples, double[] anomalyScores) {
        if (examples.size() != anomalyScores.length) {
            throw new IllegalArgumentException(
                    examples.size()
                            + " examples but "
                            + anomalyScores.length
                            + " scores; expected one score per example");
        }
        return LabelEvaluationUtil.binaryAUCROC(anomalous(examples), anomalyScores);
    }

    /**
     * Checks that a test set can be ranked: every event labelled, both EXPECTED and ANOMALOUS
     * present. Call it before training, so that an unusable test set is found before the work.
     *
     * @param test the test set
     * @throws IllegalArgumentException if it holds UNKNOWN events or lacks one of the two classes,
     *     with the counts
     */
    public static void checkRankable(Dataset<Event> test) {
        anomalous(test.getData());
    }

    /** Which examples are ANOMALOUS, checking that both classes occur and none is UNKNOWN. */
    private static boolean[] anomalous(List<Example<Event>> examples) {
        boolean[] positive = new boolean[examples.size()];
        int anomalies = 0;
        for (int i = 0; i < positive.length; i++) {
            Event.EventType truth = examples.get(i).getOutput().getType();
            if (truth == Event.EventType.UNKNOWN) {
                throw new IllegalArgumentException(
                        "Test example " + i + " has an UNKNOWN event; expected labelled events");
            }
            positive[i] = truth == Event.EventType.ANOMALOUS;
            anomalies += positive[i] ? 1 : 0;
        }
        int expected = positive.length - anomalies;
        if (anomalies == 0 || expected == 0) {
            throw new IllegalArgumentException(
                    "The test set has "
                            + anomalies
                            + " ANOMALOUS and "
                            + expected
                            + " EXPECTED events; ranking figures need both");
        }
        return positive;
    }

    /**
     * Returns the figures on one line.
     *
     * @return e.g. {@code AUROC 0.9731, AUPRC 0.9012, precision 0.8123, recall 0.9500, F1 0.8758}
     */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "AUROC %.4f, AUPRC %.4f, precision %.4f, recall %.4f, F1 %.4f (%d anomalous, %d"
                        + " expected)",
                auroc,
                auprc,
                evaluation.getPrecision(),
                evaluation.getRecall(),
                evaluation.getF1(),
                anomalies,
                expected);
    }
}
