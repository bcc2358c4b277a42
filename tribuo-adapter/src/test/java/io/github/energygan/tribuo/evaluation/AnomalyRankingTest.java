/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.impl.EmptyDatasetProvenance;
import org.tribuo.provenance.impl.EmptyTrainerProvenance;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** AUROC and average precision on constructed scores whose answers are known. */
class AnomalyRankingTest {

    private static final AnomalyFactory FACTORY = new AnomalyFactory();

    /** Scores each example by its feature "s"; anomalous above 0.5. */
    private static final class FeatureScoreModel extends Model<Event> {
        private static final long serialVersionUID = 1L;

        FeatureScoreModel(ImmutableFeatureMap features, ImmutableOutputInfo<Event> outputs) {
            super(
                    "feature-score",
                    new ModelProvenance(
                            FeatureScoreModel.class.getName(),
                            OffsetDateTime.now(),
                            new EmptyDatasetProvenance(),
                            new EmptyTrainerProvenance()),
                    features,
                    outputs,
                    false);
        }

        @Override
        public Prediction<Event> predict(Example<Event> example) {
            double s = example.lookup("s").getValue();
            Event.EventType type = s > 0.5 ? Event.EventType.ANOMALOUS : Event.EventType.EXPECTED;
            return new Prediction<>(new Event(type, s), 1, example);
        }

        @Override
        public Map<String, List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>>>
                getTopFeatures(int n) {
            return Collections.emptyMap();
        }

        @Override
        public Optional<Excuse<Event>> getExcuse(Example<Event> example) {
            return Optional.empty();
        }

        @Override
        protected Model<Event> copy(String newName, ModelProvenance newProvenance) {
            return this;
        }
    }

    private static MutableDataset<Event> data(double[] scores, boolean[] anomalous) {
        MutableDataset<Event> dataset =
                new MutableDataset<>(
                        new SimpleDataSourceProvenance("constructed", FACTORY), FACTORY);
        for (int i = 0; i < scores.length; i++) {
            dataset.add(
                    new ArrayExample<>(
                            anomalous[i]
                                    ? AnomalyFactory.ANOMALOUS_EVENT
                                    : AnomalyFactory.EXPECTED_EVENT,
                            new String[] {"s"},
                            new double[] {scores[i]}));
        }
        return dataset;
    }

    private static AnomalyRanking rank(
            double[] scores, boolean[] anomalous, ScoreDirection direction) {
        MutableDataset<Event> data = data(scores, anomalous);
        return AnomalyRanking.evaluate(
                new FeatureScoreModel(data.getFeatureIDMap(), data.getOutputIDInfo()),
                data,
                direction);
    }

    @Test
    void aPerfectRankingScoresOneAndItsReverseZero() {
        double[] scores = {0.1, 0.2, 0.3, 0.8, 0.9};
        boolean[] anomalous = {false, false, false, true, true};
        AnomalyRanking perfect = rank(scores, anomalous, ScoreDirection.HIGHER_IS_ANOMALOUS);
        assertEquals(1.0, perfect.auroc(), 1e-12);
        assertEquals(1.0, perfect.auprc(), 1e-12);
        assertEquals(1.0, perfect.evaluation().getF1(), 1e-12);
        AnomalyRanking reversed = rank(scores, anomalous, ScoreDirection.HIGHER_IS_EXPECTED);
        assertEquals(0.0, reversed.auroc(), 1e-12);
    }

    @Test
    void aMixedRankingMatchesTheHandCount() {
        // Anomalies at 0.9 and 0.35, normals at 0.1, 0.4, 0.6: of the 6 (anomaly, normal) pairs
        // 4 are ordered right (0.9 beats all three, 0.35 beats 0.1): AUROC = 4/6.
        // Average precision: ranks 0.9 (hit, P=1), 0.6, 0.4, 0.35 (hit, P=2/4): (1 + 0.5)/2.
        double[] scores = {0.9, 0.1, 0.4, 0.6, 0.35};
        boolean[] anomalous = {true, false, false, false, true};
        AnomalyRanking ranking = rank(scores, anomalous, ScoreDirection.HIGHER_IS_ANOMALOUS);
        assertEquals(4.0 / 6.0, ranking.auroc(), 1e-12);
        assertEquals(0.75, ranking.auprc(), 1e-12);
        assertEquals(2, ranking.anomalies());
        assertEquals(3, ranking.expected());
    }

    @Test
    void aTestSetWithoutAnomaliesIsRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                rank(
                                        new double[] {0.1, 0.2},
                                        new boolean[] {false, false},
                                        ScoreDirection.HIGHER_IS_ANOMALOUS));
        assertEquals(true, e.getMessage().contains("0 ANOMALOUS"), e.getMessage());
    }
}
