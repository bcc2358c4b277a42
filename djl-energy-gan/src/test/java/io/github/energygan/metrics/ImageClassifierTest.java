/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.dataset.FashionMnist;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image-quality classifier on a slice of Fashion-MNIST (Debian's package, which CI installs):
 * it learns, it is reproducible from its seed, and a saved one loads back exactly or not at all.
 */
class ImageClassifierTest {

    private static final ImageClassifier.Settings ONE_EPOCH =
            ImageClassifier.Settings.DEFAULT.withEpochs(1).withSeed(1);

    private static NDManager manager;
    private static FashionMnist train;
    private static FashionMnist test;

    @BeforeAll
    static void readData() throws IOException {
        manager = NDManager.newBaseManager();
        train = FashionMnist.builder().setManager(manager).optLimit(3000).build();
        test =
                FashionMnist.builder()
                        .setManager(manager)
                        .optUsage(FashionMnist.Usage.TEST)
                        .optLimit(1000)
                        .build();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static ImageClassifier train(ImageClassifier.Settings settings) {
        return ImageClassifier.train(
                train.getImages(),
                train.getLabels(),
                test.getImages(),
                test.getLabels(),
                10,
                settings,
                null);
    }

    @Test
    void learnsAndIsReproducibleFromItsSeed(@TempDir Path dir)
            throws IOException, MalformedModelException {
        try (ImageClassifier first = train(ONE_EPOCH);
                ImageClassifier again = train(ONE_EPOCH);
                ImageClassifier other = train(ONE_EPOCH.withSeed(2))) {
            double accuracy = first.getManifest().testAccuracy();
            assertTrue(accuracy > 0.6, "accuracy after one epoch on 3,000 images: " + accuracy);
            assertEquals(accuracy, first.accuracy(test.getImages(), test.getLabels()), 1e-12);
            assertEquals(first.getDigest(), again.getDigest());
            assertNotEquals(first.getDigest(), other.getDigest());

            NDArray features = first.features(test.getImages().get(":50"));
            assertEquals(new Shape(50, ImageClassifier.FEATURES), features.getShape());
            first.save(dir.resolve("classifier"));
            try (ImageClassifier loaded = ImageClassifier.load(dir.resolve("classifier"))) {
                assertEquals(first.getManifest(), loaded.getManifest());
                assertArrayEquals(
                        features.toFloatArray(),
                        loaded.features(test.getImages().get(":50")).toFloatArray());
            }
        }
    }

    @Test
    void damagedOrMissingFilesAreRefused(@TempDir Path dir) throws IOException {
        try (ImageClassifier classifier = train(ONE_EPOCH)) {
            Path saved = dir.resolve("classifier");
            classifier.save(saved);
            Path weights = saved.resolve(ImageClassifier.PARAMETER_FILE);
            byte[] bytes = Files.readAllBytes(weights);
            bytes[bytes.length / 2] ^= 1;
            Files.write(weights, bytes);
            MalformedModelException damaged =
                    assertThrows(MalformedModelException.class, () -> ImageClassifier.load(saved));
            assertTrue(damaged.getMessage().contains("SHA-256"), damaged.getMessage());
            Files.delete(saved.resolve(ImageClassifier.MANIFEST_FILE));
            IOException missing =
                    assertThrows(IOException.class, () -> ImageClassifier.load(saved));
            assertTrue(missing.getMessage().contains(ImageClassifier.MANIFEST_FILE));
        }
    }

    @Test
    void badInputIsRefusedBeforeTraining() {
        NDArray images = train.getImages().get(":10");
        NDArray labels = train.getLabels().get(":10");
        IllegalArgumentException range =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ImageClassifier.train(
                                        images, labels.add(5), null, null, 10, ONE_EPOCH, null));
        assertTrue(range.getMessage().contains("0..9"), range.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        ImageClassifier.train(
                                images.repeat(1, 3), labels, null, null, 10, ONE_EPOCH, null));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        ImageClassifier.train(
                                images, labels.get(":5"), null, null, 10, ONE_EPOCH, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> ImageClassifier.Settings.DEFAULT.withEpochs(0));
    }
}
