/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.dataset.StackedFashionMnist;

import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * The stacked mode count: real stacked images reach most modes with a small KL; stacking one image
 * three times collapses to the modes {@code ccc}; the count adds up over batches.
 */
class StackedModesTest {

    @Test
    void realStacksCoverModesAndCopiesCollapse() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionMnist train = FashionMnist.builder().setManager(manager).optLimit(3000).build();
            FashionMnist test =
                    FashionMnist.builder()
                            .setManager(manager)
                            .optUsage(FashionMnist.Usage.TEST)
                            .build();
            try (ImageClassifier classifier =
                    ImageClassifier.train(
                            train.getImages(),
                            train.getLabels(),
                            null,
                            null,
                            10,
                            ImageClassifier.Settings.DEFAULT.withEpochs(1),
                            null)) {
                StackedFashionMnist stacked =
                        StackedFashionMnist.builder().setSource(test).optSize(6000).build();
                StackedModes real = new StackedModes(classifier, 3);
                real.add(stacked.getImages().get(":2500"));
                real.add(stacked.getImages().get("2500:"));
                StackedModes.Result realResult = real.result();
                assertEquals(6000, realResult.samples());
                assertEquals(1000, realResult.modes());
                // A perfect classifier would see about 997 of the modes in 6,000 draws; this
                // one-epoch classifier merges some classes (834 here), a collapsed set sees 10.
                assertTrue(realResult.covered() > 700, realResult.summary());

                // Each sample: one test image in all three channels, so only the modes ccc.
                NDArray copies = test.getImages().get(":2000").repeat(1, 3);
                StackedModes collapsed = new StackedModes(classifier, 3);
                collapsed.add(copies);
                StackedModes.Result collapsedResult = collapsed.result();
                assertTrue(collapsedResult.covered() <= 10, collapsedResult.summary());
                assertTrue(
                        collapsedResult.klFromUniform() > realResult.klFromUniform() + 3,
                        collapsedResult.summary() + " against " + realResult.summary());

                assertThrows(IllegalStateException.class, () -> new StackedModes(classifier, 3).result());
                assertThrows(
                        IllegalArgumentException.class,
                        () -> collapsed.add(manager.zeros(new Shape(2, 1, 28, 28))));
            }
        }
    }
}
