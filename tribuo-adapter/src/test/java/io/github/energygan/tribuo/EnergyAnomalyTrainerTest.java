/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;

import io.github.energygan.tribuo.evaluation.AnomalyRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.example.GaussianAnomalyDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.TrainerProvenance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Reproducibility, configuration and input checks of {@link EnergyAnomalyTrainer}. */
class EnergyAnomalyTrainerTest {

    @Test
    void twoTrainingsFromTheSameConfigAndSeedGiveIdenticalScores() {
        MutableDataset<Event> train = Fixtures.train();
        MutableDataset<Event> test = Fixtures.test();
        try (EnergyAnomalyModel a = Fixtures.trainer().train(train);
                EnergyAnomalyModel b = Fixtures.trainer().train(train);
                EnergyAnomalyModel c = Fixtures.trainer("seed", "8").train(train)) {
            assertArrayEquals(Fixtures.scores(a, test), Fixtures.scores(b, test));
            assertEquals(a.getThreshold(), b.getThreshold());
            assertFalse(
                    Arrays.equals(Fixtures.scores(a, test), Fixtures.scores(c, test)),
                    "another seed gives another model");
        }
    }

    @Test
    void withTheBaseMeasureTwoTrainingsAreIdenticalToo() {
        // The base measure's term once went through NDArray.mul(Number), whose scalar backward
        // could read after it was freed (see Scalars): two trainings then differed now and then.
        MutableDataset<Event> train = Fixtures.train();
        MutableDataset<Event> test = Fixtures.test();
        try (EnergyAnomalyModel a = Fixtures.trainer("basePrecision", "1").train(train);
                EnergyAnomalyModel b = Fixtures.trainer("basePrecision", "1").train(train)) {
            assertArrayEquals(Fixtures.scores(a, test), Fixtures.scores(b, test));
            assertEquals(a.getThreshold(), b.getThreshold());
        }
    }

    @Test
    void theEnergySplitsIntoBaseMeasureAndNetworkParts() {
        MutableDataset<Event> train = Fixtures.train();
        MutableDataset<Event> test = Fixtures.test();
        try (EnergyAnomalyModel model =
                        Fixtures.trainer("basePrecision", "1", "negativeMalaSteps", "3")
                                .train(train);
                EnergyAnomalyModel plain = Fixtures.trainer("basePrecision", "0").train(train)) {
            double[] energies = Fixtures.scores(model, test);
            EnergyTerms terms = model.energyTerms(test);
            double[] base = terms.base();
            double[] network = terms.network();
            assertEquals(test.size(), base.length);
            double rawBaseAuroc = AnomalyRanking.auroc(test.getData(), base);
            for (int i = 0; i < energies.length; i++) {
                assertTrue(base[i] >= 0, "(ρ/2)·||x||² is never negative");
                assertEquals(energies[i], base[i] + network[i], 1e-4 * (1 + Math.abs(energies[i])));
            }
            assertEquals(
                    AnomalyRanking.evaluate(model, test).auroc(),
                    AnomalyRanking.auroc(test.getData(), energies),
                    1e-12);
            // Tribuo's Gaussian anomalies lie far out: the distance from the mean alone ranks them.
            assertTrue(rawBaseAuroc > 0.9, "base measure alone: " + rawBaseAuroc);
            for (double b : plain.energyTerms(test).base()) {
                assertEquals(0.0, b, "no base measure when ρ = 0");
            }
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> AnomalyRanking.auroc(test.getData(), new double[test.size() - 1]));
    }

    @Test
    void theProvenanceRetrainsAnIdenticalModelThroughItsConfiguration() {
        MutableDataset<Event> train = Fixtures.train();
        MutableDataset<Event> test = Fixtures.test();
        EnergyAnomalyTrainer trainer = Fixtures.trainer();
        try (EnergyAnomalyModel first = trainer.train(train);
                EnergyAnomalyModel second = trainer.train(train)) {
            assertFalse(
                    Arrays.equals(Fixtures.scores(first, test), Fixtures.scores(second, test)),
                    "the second training of one trainer draws the next seeds");
            TrainerProvenance provenance = second.getProvenance().getTrainerProvenance();
            int invocation =
                    ((IntProvenance)
                                    provenance
                                            .getInstanceValues()
                                            .get(TrainerProvenance.TRAIN_INVOCATION_COUNT))
                            .getValue();
            assertEquals(1, invocation);

            List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(provenance);
            ConfigurationManager cm = new ConfigurationManager();
            cm.addConfiguration(config);
            List<EnergyAnomalyTrainer> trainers = cm.lookupAll(EnergyAnomalyTrainer.class);
            assertEquals(1, trainers.size());
            try (EnergyAnomalyModel replayed =
                    trainers.get(0).train(train, Collections.emptyMap(), invocation)) {
                assertArrayEquals(Fixtures.scores(second, test), Fixtures.scores(replayed, test));
            }
        }
    }

    @Test
    void outOfRangeHyperparametersNameTheField() {
        expectBad("latentSize", "0");
        expectBad("energyWidths", "");
        expectBad("generatorWidths", "16,-1");
        expectBad("penaltyLambda", "-0.1");
        expectBad("penaltyLambda", "NaN");
        expectBad("iterations", "0");
        expectBad("criticSteps", "0");
        expectBad("batchSize", "0");
        expectBad("learningRate", "0");
        expectBad("finalLearningRateFactor", "1.5");
        expectBad("basePrecision", "-1");
        expectBad("energyAveraging", "1");
        expectBad("contamination", "1.0");
        expectBad("contamination", "-0.01");
        expectBad("generatorOutputBound", "-1");
        expectBad("score", "LOUDNESS");
        expectBad("loggingInterval", "-1");
        expectBad("negativeMalaSteps", "-1");
        expectBad("negativeBroadFraction", "1");
    }

    private static void expectBad(String field, String value) {
        PropertyException e =
                assertThrows(PropertyException.class, () -> Fixtures.trainer(field, value));
        assertEquals(field, e.getProperty());
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void xmlConfigsWithAnUnknownPropertyOrABadValueAreRefused(@TempDir Path dir) throws Exception {
        Path unknown = dir.resolve("unknown.xml");
        Files.writeString(unknown, config("<property name=\"lattentSize\" value=\"4\"/>"));
        ConfigurationManager unknownCm = new ConfigurationManager(unknown.toString());
        PropertyException e1 =
                assertThrows(PropertyException.class, () -> unknownCm.lookup("trainer"));
        assertTrue(e1.getMessage().contains("lattentSize"), e1.getMessage());

        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, config("<property name=\"contamination\" value=\"1.5\"/>"));
        ConfigurationManager badCm = new ConfigurationManager(bad.toString());
        PropertyException e2 = assertThrows(PropertyException.class, () -> badCm.lookup("trainer"));
        assertTrue(e2.getMessage().contains("contamination"), e2.getMessage());
    }

    private static String config(String property) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config>\n"
                + "  <component name=\"trainer\" type=\""
                + EnergyAnomalyTrainer.class.getName()
                + "\">\n    "
                + property
                + "\n  </component>\n</config>\n";
    }

    @Test
    void anomalousUnknownEmptyOrNonFiniteTrainingDataIsRefused() {
        EnergyAnomalyTrainer trainer = Fixtures.trainer();

        MutableDataset<Event> withAnomalies =
                new MutableDataset<>(new GaussianAnomalyDataSource(100, 0.2f, 3L));
        IllegalArgumentException anomalous =
                assertThrows(IllegalArgumentException.class, () -> trainer.train(withAnomalies));
        assertTrue(anomalous.getMessage().contains("ANOMALOUS"), anomalous.getMessage());

        MutableDataset<Event> unknown = empty();
        unknown.add(example(AnomalyFactory.UNKNOWN_EVENT, 1.0));
        IllegalArgumentException unknownEvents =
                assertThrows(IllegalArgumentException.class, () -> trainer.train(unknown));
        assertTrue(unknownEvents.getMessage().contains("UNKNOWN"), unknownEvents.getMessage());

        IllegalArgumentException emptyData =
                assertThrows(IllegalArgumentException.class, () -> trainer.train(empty()));
        assertTrue(emptyData.getMessage().contains("empty"), emptyData.getMessage());

        MutableDataset<Event> infinite = empty();
        infinite.add(example(AnomalyFactory.EXPECTED_EVENT, 1.0));
        infinite.add(example(AnomalyFactory.EXPECTED_EVENT, Double.POSITIVE_INFINITY));
        IllegalArgumentException nonFinite =
                assertThrows(IllegalArgumentException.class, () -> trainer.train(infinite));
        assertTrue(nonFinite.getMessage().contains("Infinity"), nonFinite.getMessage());
        assertEquals(0, trainer.getInvocationCount(), "refused data does not use up a seed");
    }

    private static MutableDataset<Event> empty() {
        AnomalyFactory factory = new AnomalyFactory();
        return new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
    }

    private static Example<Event> example(Event event, double value) {
        return new ArrayExample<>(event, new String[] {"A", "B"}, new double[] {value, 0.5});
    }
}
