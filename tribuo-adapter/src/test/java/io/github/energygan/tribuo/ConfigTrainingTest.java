/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;

import io.github.energygan.tribuo.evaluation.AnomalyRanking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.DataSource;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tribuo's anomaly-detection tutorial setting (train on 2,000 EXPECTED events of {@code
 * GaussianAnomalyDataSource}, test on 2,000 with 20 % ANOMALOUS), trained from the example XML
 * config as a Tribuo user would, beside the tutorial's one-class SVM (RBF, γ = 1, ν = 0.1).
 */
class ConfigTrainingTest {

    /** Every config this module ships configures its trainer (no data is read). */
    @Test
    void everyShippedConfigConfiguresItsTrainer() throws Exception {
        List<Path> configs;
        try (Stream<Path> files = Files.list(Path.of("configs"))) {
            configs = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        assertTrue(configs.size() >= 6, configs.toString());
        for (Path config : configs) {
            try (ConfigurationManager cm = new ConfigurationManager(config.toString())) {
                EnergyAnomalyTrainer trainer = (EnergyAnomalyTrainer) cm.lookup("trainer");
                assertTrue(trainer.toString().startsWith("EnergyAnomalyTrainer{"), config.toString());
                if (config.getFileName().toString().endsWith("-conv.xml")) {
                    assertTrue(
                            trainer.toString().contains("imageShape=[1, 28, 28]"),
                            trainer.toString());
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGaussianConfigTrainsADetectorThatFindsTheAnomalies(@TempDir Path dir) throws Exception {
        ConfigurationManager cm = new ConfigurationManager("configs/energy-anomaly-gaussian.xml");
        EnergyAnomalyTrainer trainer = (EnergyAnomalyTrainer) cm.lookup("trainer");
        MutableDataset<Event> train = new MutableDataset<>((DataSource<Event>) cm.lookup("train"));
        MutableDataset<Event> test = new MutableDataset<>((DataSource<Event>) cm.lookup("test"));

        SVMParameters<Event> parameters =
                new SVMParameters<>(
                        new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
        parameters.setGamma(1.0);
        parameters.setNu(0.1);
        Model<Event> svm = new LibSVMAnomalyTrainer(parameters).train(train);
        AnomalyRanking svmRanking = AnomalyRanking.evaluate(svm, test);

        try (EnergyAnomalyModel model = trainer.train(train)) {
            AnomalyRanking ranking = AnomalyRanking.evaluate(model, test);
            System.out.println("energy GAN:      " + ranking.summary());
            System.out.println(ranking.evaluation().confusionString());
            System.out.println("one-class SVM:   " + svmRanking.summary());
            assertEquals(2000, ranking.anomalies() + ranking.expected());
            // The anomalies sit 3 to 15 standard deviations out on every feature: a density
            // model must rank every one of them above every expected event, or nearly so.
            assertTrue(ranking.auroc() > 0.99, ranking.summary());
            // contamination 0.1 puts the threshold at the training set's 90th percentile: about
            // 10 % of the expected test events are flagged, and (nearly) no anomaly is missed.
            assertTrue(ranking.evaluation().getRecall() > 0.95, ranking.summary());
            double falsePositiveRate =
                    ranking.evaluation().getFalsePositives() / (double) ranking.expected();
            assertTrue(
                    falsePositiveRate > 0.05 && falsePositiveRate < 0.15,
                    "false positive rate " + falsePositiveRate);

            Path file = dir.resolve("model.tribuo");
            model.serializeToFile(file);
            try (EnergyAnomalyModel loaded = EnergyAnomalyModel.load(file)) {
                assertArrayEquals(Fixtures.scores(model, test), Fixtures.scores(loaded, test));
            }
        }
    }
}
