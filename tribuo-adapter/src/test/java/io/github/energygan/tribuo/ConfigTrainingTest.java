/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;

import io.github.energygan.tribuo.evaluation.AnomalyRanking;

import org.junit.jupiter.api.Test;
import org.tribuo.DataSource;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.Event;

/** Trains from the example XML config, as a Tribuo user would. */
class ConfigTrainingTest {

    @Test
    @SuppressWarnings("unchecked")
    void theGaussianConfigTrainsADetectorThatFindsTheAnomalies() {
        ConfigurationManager cm = new ConfigurationManager("configs/energy-anomaly-gaussian.xml");
        EnergyAnomalyTrainer trainer = (EnergyAnomalyTrainer) cm.lookup("trainer");
        MutableDataset<Event> train = new MutableDataset<>((DataSource<Event>) cm.lookup("train"));
        MutableDataset<Event> test = new MutableDataset<>((DataSource<Event>) cm.lookup("test"));
        long begin = System.nanoTime();
        try (EnergyAnomalyModel model = trainer.train(train)) {
            System.out.println("trained in " + (System.nanoTime() - begin) / 1e9 + " s");
            AnomalyRanking ranking = AnomalyRanking.evaluate(model, test);
            System.out.println(ranking.summary());
            System.out.println(ranking.evaluation().confusionString());
            assertTrue(ranking.auroc() > 0.99, ranking.summary());
            assertEquals(2000, ranking.anomalies() + ranking.expected());
        }
    }
}
