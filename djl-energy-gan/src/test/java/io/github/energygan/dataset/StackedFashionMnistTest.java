/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Stacked Fashion-MNIST: every channel is one of the source images, the label names the three
 * classes, the triples follow the seed, and all 1,000 modes occur.
 */
class StackedFashionMnistTest {

    @Test
    void channelsAreSourceImagesAndLabelsNameTheirClasses() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionMnist source =
                    FashionMnist.builder()
                            .setManager(manager)
                            .optUsage(FashionMnist.Usage.TEST)
                            .build();
            StackedFashionMnist stacked =
                    StackedFashionMnist.builder()
                            .setSource(source)
                            .optSize(20_000)
                            .optSeed(7)
                            .build();
            assertEquals(20_000, stacked.size());
            assertEquals(
                    new ai.djl.ndarray.types.Shape(20_000, 3, 28, 28),
                    stacked.getImages().getShape());
            // Each channel equals some source image of the class its digit of the mode names.
            float[][] sourceImages = new float[10_000][];
            float[] all = source.getImages().toFloatArray();
            for (int i = 0; i < 10_000; i++) {
                sourceImages[i] = java.util.Arrays.copyOfRange(all, i * 784, (i + 1) * 784);
            }
            int[] labels = source.getLabels().toIntArray();
            for (int k = 0; k < 5; k++) {
                int mode = stacked.getModes().getInt(k);
                float[] example = stacked.getImages().get(k).toFloatArray();
                int[] digits = {mode / 100, mode / 10 % 10, mode % 10};
                for (int c = 0; c < 3; c++) {
                    float[] channel = java.util.Arrays.copyOfRange(example, c * 784, (c + 1) * 784);
                    boolean found = false;
                    for (int i = 0; i < 10_000 && !found; i++) {
                        found = labels[i] == digits[c] && java.util.Arrays.equals(channel, sourceImages[i]);
                    }
                    assertTrue(found, "channel " + c + " of example " + k);
                }
            }
            Set<Integer> modes = new HashSet<>();
            for (int mode : stacked.getModes().toIntArray()) {
                modes.add(mode);
            }
            assertEquals(StackedFashionMnist.MODES, modes.size(), "20,000 draws reach every mode");

            StackedFashionMnist again =
                    StackedFashionMnist.builder().setSource(source).optSize(50).optSeed(7).build();
            StackedFashionMnist other =
                    StackedFashionMnist.builder().setSource(source).optSize(50).optSeed(8).build();
            NDArray first = stacked.getModes().get(":50");
            assertArrayEquals(first.toIntArray(), again.getModes().toIntArray());
            assertNotEquals(
                    java.util.Arrays.toString(first.toIntArray()),
                    java.util.Arrays.toString(other.getModes().toIntArray()));

            FashionMnist trousers =
                    FashionMnist.builder()
                            .setManager(manager)
                            .optUsage(FashionMnist.Usage.TEST)
                            .optClasses(1)
                            .build();
            IllegalArgumentException oneClass =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> StackedFashionMnist.builder().setSource(trousers).build());
            assertTrue(oneClass.getMessage().contains("ten classes"), oneClass.getMessage());
        }
    }
}
