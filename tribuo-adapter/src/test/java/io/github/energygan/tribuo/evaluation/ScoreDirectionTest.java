/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.example.GaussianAnomalyDataSource;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.TransformedModel;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

import java.util.List;

/** A standardised LibSVM model (a TransformedModel) ranks through the same code as a bare one. */
class ScoreDirectionTest {

    @Test
    void aTransformedModelScoresAsTheModelInsideIt() {
        SVMParameters<Event> parameters =
                new SVMParameters<>(
                        new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
        parameters.setGamma(0.2);
        parameters.setNu(0.1);
        TransformTrainer<Event> standardised =
                new TransformTrainer<>(
                        new LibSVMAnomalyTrainer(parameters, 1L),
                        new TransformationMap(List.of(new MeanStdDevTransformation())));
        Model<Event> model =
                standardised.train(
                        new MutableDataset<>(new GaussianAnomalyDataSource(400, 0.0f, 1L)));
        assertTrue(model instanceof TransformedModel, model.getClass().getName());
        assertEquals(ScoreDirection.HIGHER_IS_EXPECTED, ScoreDirection.of(model));

        AnomalyRanking ranking =
                AnomalyRanking.evaluate(
                        model, new MutableDataset<>(new GaussianAnomalyDataSource(400, 0.2f, 2L)));
        assertTrue(ranking.auroc() > 0.9, "the SVM separates the Gaussian anomalies: " + ranking.auroc());
    }
}
