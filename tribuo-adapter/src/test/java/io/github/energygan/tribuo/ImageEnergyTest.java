/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;

import io.github.energygan.tribuo.data.DigitsDataSource;
import io.github.energygan.tribuo.data.SplitUsage;
import io.github.energygan.tribuo.evaluation.AnomalyRanking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.Event;

import java.nio.file.Path;

/**
 * Convolutional energies on pixel features ({@code imageShape}): the 8×8 digits as 1×8×8 images,
 * digit 0 normal.
 */
class ImageEnergyTest {

    private static final Path FILE = Path.of(DigitsDataSource.DEFAULT_FILE);

    private static MutableDataset<Event> digits(SplitUsage usage, int[] classes) {
        return new MutableDataset<>(
                new DigitsDataSource(FILE, usage, classes, new int[] {0}, 0.5, 0));
    }

    /** A small convolutional trainer: 8×8 → 4×4 → 2×2, a few hundred iterations. */
    private static EnergyAnomalyTrainer trainer(String... overrides) {
        String[] settings = {
            "imageShape", "1,8,8",
            "scaling", "BOUNDED",
            "energyWidths", "8,16",
            "generatorWidths", "16,8",
            "estimatorWidths", "8,16",
            "iterations", "300",
            "batchSize", "32"
        };
        String[] all = new String[settings.length + overrides.length];
        System.arraycopy(settings, 0, all, 0, settings.length);
        System.arraycopy(overrides, 0, all, settings.length, overrides.length);
        return Fixtures.trainer(all);
    }

    @Test
    void aConvolutionalEnergyTrainsOnPixelsRanksOtherDigitsAndRoundTrips(@TempDir Path dir)
            throws Exception {
        MutableDataset<Event> train = digits(SplitUsage.TRAIN, new int[] {0});
        MutableDataset<Event> test = digits(SplitUsage.TEST, new int[] {});
        assertEquals(64, train.getFeatureIDMap().size());
        try (EnergyAnomalyModel model = trainer().train(train)) {
            AnomalyRanking ranking = AnomalyRanking.evaluate(model, test);
            // Digit 0 against the nine others; the pixels' distance to the mean alone scores
            // about 0.97 here, and a broken image path (pixels shuffled by a wrong reshape, a
            // base measure missing) falls far below.
            assertTrue(ranking.auroc() > 0.9, ranking.summary());
            Path file = dir.resolve("image.tribuo");
            model.serializeToFile(file);
            try (EnergyAnomalyModel loaded = EnergyAnomalyModel.load(file)) {
                assertArrayEquals(Fixtures.scores(model, test), Fixtures.scores(loaded, test));
            }
            EnergyTerms terms = model.energyTerms(test);
            assertTrue(terms.base()[0] > 0, "the base measure is on by default");
            assertEquals(
                    "pixel-",
                    model.getExcuse(test.getExample(0))
                            .orElseThrow()
                            .getScores()
                            .values()
                            .iterator()
                            .next()
                            .get(0)
                            .getA()
                            .substring(0, 6));
        }
    }

    @Test
    void anImageShapeThatDoesNotMatchTheFeaturesIsRefusedBeforeTraining() {
        MutableDataset<Event> train = digits(SplitUsage.TRAIN, new int[] {0});
        EnergyAnomalyTrainer trainer = trainer("imageShape", "1,8,9");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> trainer.train(train));
        assertTrue(e.getMessage().contains("has 64 features"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 72"), e.getMessage());
        assertEquals(0, trainer.getInvocationCount(), "nothing was drawn from the seed");
    }

    @Test
    void invalidImageSettingsAreRefusedWhenConfigured() {
        PropertyException shape =
                assertThrows(PropertyException.class, () -> trainer("imageShape", "8,8"));
        assertTrue(shape.getMessage().contains("imageShape"), shape.getMessage());
        PropertyException infogan =
                assertThrows(PropertyException.class, () -> trainer("estimator", "INFOGAN"));
        assertTrue(infogan.getMessage().contains("INFOGAN"), infogan.getMessage());
        PropertyException bound =
                assertThrows(
                        PropertyException.class, () -> trainer("generatorOutputBound", "2"));
        assertTrue(bound.getMessage().contains("BOUNDED"), bound.getMessage());
    }
}
