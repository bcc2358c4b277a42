/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Reading IDX files: a small set written here (exact pixel values and labels), Debian's package
 * where CI installs it, and the errors for missing or damaged files.
 */
class FashionMnistTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** Writes {@code n} images whose pixels are all {@code 20·i} and labels {@code i % 10}. */
    private static void writeSet(Path folder, String prefix, int n) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + n * 784);
        images.putInt(2051).putInt(n).putInt(28).putInt(28);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 784; p++) {
                images.put((byte) (20 * i));
            }
        }
        ByteBuffer labels = ByteBuffer.allocate(8 + n);
        labels.putInt(2049).putInt(n);
        for (int i = 0; i < n; i++) {
            labels.put((byte) (i % 10));
        }
        gzip(folder.resolve(prefix + "-images-idx3-ubyte.gz"), images.array());
        gzip(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), labels.array());
    }

    private static void gzip(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }

    @Test
    void readsPixelsToMinusOneOneAndFiltersClasses(@TempDir Path folder) throws IOException {
        writeSet(folder, "train", 12);
        FashionMnist all = FashionMnist.builder().setManager(manager).optFolder(folder).build();
        assertEquals(12, all.size());
        assertEquals(new Shape(12, 1, 28, 28), all.getImages().getShape());
        // Pixel 20·i maps to 20·i/127.5 − 1; i = 11 gives byte 220 (beyond 127: unsigned).
        NDArray corners = all.getImages().get(":, 0, 0, 0");
        assertEquals(-1f, corners.getFloat(0), 1e-6f);
        assertEquals(220f / 127.5f - 1f, corners.getFloat(11), 1e-6f);
        FashionMnist some =
                FashionMnist.builder()
                        .setManager(manager)
                        .optFolder(folder)
                        .optClasses(1, 3)
                        .build();
        assertArrayEquals(new int[] {1, 3, 1}, some.getLabels().toIntArray());
        assertArrayEquals(new int[] {1, 3}, some.getClasses());
    }

    @Test
    void missingAndDamagedFilesAreNamed(@TempDir Path folder) throws IOException {
        IOException missing =
                assertThrows(
                        IOException.class,
                        () -> FashionMnist.builder().setManager(manager).optFolder(folder).build());
        assertTrue(missing.getMessage().contains("apt-get install dataset-fashion-mnist"));
        writeSet(folder, "train", 3);
        byte[] bytes = Files.readAllBytes(folder.resolve("train-images-idx3-ubyte.gz"));
        Files.write(
                folder.resolve("train-images-idx3-ubyte.gz"),
                java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException truncated =
                assertThrows(
                        IOException.class,
                        () -> FashionMnist.builder().setManager(manager).optFolder(folder).build());
        assertTrue(
                truncated.getMessage().contains("train-images-idx3-ubyte"), truncated.getMessage());
        writeSet(folder, "train", 3);
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        FashionMnist.builder()
                                .setManager(manager)
                                .optFolder(folder)
                                .optClasses(10)
                                .build());
    }

    @Test
    void readsDebiansPackage() throws IOException {
        // CI installs dataset-fashion-mnist (.ci/run); the official counts are 60,000 and 10,000.
        FashionMnist test =
                FashionMnist.builder()
                        .setManager(manager)
                        .optUsage(FashionMnist.Usage.TEST)
                        .build();
        assertEquals(10_000, test.size());
        NDArray counts = manager.zeros(new Shape(10));
        for (int label : test.getLabels().toIntArray()) {
            counts.set(new ai.djl.ndarray.index.NDIndex(label), counts.getFloat(label) + 1);
        }
        for (float c : counts.toFloatArray()) {
            assertEquals(1000f, c, "the test set has 1,000 images per class");
        }
        assertEquals(-1f, test.getImages().min().getFloat(), 1e-6f);
        assertEquals(1f, test.getImages().max().getFloat(), 1e-6f);
    }
}
