/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.util.RandomStream;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

/**
 * The image metrics on sets whose ranking is known: real images score near their floor, noise and
 * a single class score far from it, and the histogram names the missing classes.
 */
class ImageQualityEvaluationTest {

    @Test
    void realImagesBeatNoiseAndASingleClassShowsInTheHistogram() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionMnist train = FashionMnist.builder().setManager(manager).optLimit(4000).build();
            FashionMnist test =
                    FashionMnist.builder()
                            .setManager(manager)
                            .optUsage(FashionMnist.Usage.TEST)
                            .optLimit(2000)
                            .build();
            NDArray trainImages = train.getImages().get(":3000");
            NDArray heldOut = train.getImages().get("3000:");
            try (ImageClassifier classifier =
                            ImageClassifier.train(
                                    trainImages,
                                    train.getLabels().get(":3000"),
                                    null,
                                    null,
                                    10,
                                    ImageClassifier.Settings.DEFAULT.withEpochs(1),
                                    null);
                    ImageQualityEvaluation evaluation =
                            new ImageQualityEvaluation(classifier, test.getImages())) {
                ImageQuality real = evaluation.realFloor(heldOut, 500, 3);
                NDArray noise =
                        RandomStream.seeded(4)
                                .uniform(manager, -1f, 1f, new Shape(500, 1, 28, 28), DataType.FLOAT32);
                ImageQuality random = evaluation.evaluate(noise, 3);
                FashionMnist trousers =
                        FashionMnist.builder()
                                .setManager(manager)
                                .optClasses(1)
                                .optLimit(500)
                                .build();
                ImageQuality oneClass = evaluation.evaluate(trousers.getImages(), 3);

                assertEquals(500, real.samples());
                assertEquals(2000, real.referenceSize());
                assertEquals(classifier.getDigest(), real.classifierDigest());
                assertEquals(1.0, Arrays.stream(real.classFractions()).sum(), 1e-9);
                assertTrue(real.fid() * 5 < random.fid(), real + " against noise " + random);
                assertTrue(real.fid() * 5 < oneClass.fid(), real + " against trousers " + oneClass);
                assertTrue(real.kid().mean() < random.kid().mean());
                assertTrue(real.coverage() > 2 * random.coverage());
                assertTrue(real.coverage() > 2 * oneClass.coverage());
                assertEquals(1.0, real.density(), 0.3);
                assertTrue(real.classesPresent() >= 9, real.toString());
                // Trousers: one class dominates, KL near log 10 = 2.30 (this one-epoch classifier
                // calls 87 % of them trousers, and its own bias keeps the real images' KL above 0).
                assertTrue(oneClass.classesPresent() <= 4, oneClass.toString());
                assertTrue(oneClass.klFromUniform() > 1.5, oneClass.toString());
                assertTrue(real.klFromUniform() * 5 < oneClass.klFromUniform(), real.toString());
                // The same set and seed measure the same; another draw of the floor differs.
                assertEquals(real, evaluation.realFloor(heldOut, 500, 3));

                NDArray broken = heldOut.get(":10").duplicate();
                broken.set(new ai.djl.ndarray.index.NDIndex("0, 0, 0, 0"), Float.NaN);
                IllegalArgumentException nan =
                        assertThrows(
                                IllegalArgumentException.class,
                                () -> evaluation.evaluate(broken, 0));
                assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
                assertThrows(
                        IllegalArgumentException.class,
                        () -> evaluation.evaluate(manager.zeros(new Shape(4, 1, 14, 14)), 0));
                assertThrows(
                        IllegalArgumentException.class,
                        () -> evaluation.realFloor(heldOut, 5000, 0));
            }
        }
    }
}
