/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.metrics.ImageClassifier;

import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * The image-quality classifier the zoo ships: its weights match its manifest, and its test
 * accuracy, measured again here on Debian's Fashion-MNIST test set, is the one the manifest states
 * (at least 90 %).
 */
class ShippedClassifierTest {

    @Test
    void theShippedClassifierHasTheAccuracyItsManifestStates()
            throws IOException, MalformedModelException {
        try (ImageClassifier classifier = EnergyGanModelZoo.classifier("fashion-mnist");
                NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier.Manifest manifest = classifier.getManifest();
            assertEquals(60_000, manifest.trainingImages());
            assertEquals(ImageClassifier.Settings.DEFAULT, manifest.settings());
            assertTrue(manifest.testAccuracy() >= 0.90, manifest.toString());
            FashionMnist test =
                    FashionMnist.builder()
                            .setManager(manager)
                            .optUsage(FashionMnist.Usage.TEST)
                            .build();
            assertEquals(
                    manifest.testAccuracy(),
                    classifier.accuracy(test.getImages(), test.getLabels()),
                    1e-4);
        }
        IllegalArgumentException unknown =
                assertThrows(
                        IllegalArgumentException.class, () -> EnergyGanModelZoo.classifier("mnist"));
        assertTrue(unknown.getMessage().contains("fashion-mnist"), unknown.getMessage());
    }
}
