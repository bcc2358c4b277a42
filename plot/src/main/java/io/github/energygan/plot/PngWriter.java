/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.plot;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Writes PNGs through a temporary file, so no half-written picture is left. */
final class PngWriter {

    private PngWriter() {}

    static void write(JFreeChart chart, Path png, int width, int height) throws IOException {
        write(png, file -> ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height));
    }

    static void write(java.awt.image.BufferedImage image, Path png) throws IOException {
        write(
                png,
                file -> {
                    if (!javax.imageio.ImageIO.write(image, "png", file.toFile())) {
                        throw new IOException("No PNG writer available for " + png);
                    }
                });
    }

    /** Something that writes a picture into a file. */
    private interface Renderer {
        void render(Path file) throws IOException;
    }

    private static void write(Path png, Renderer renderer) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Not Files.createTempFile: that makes the file owner-only (0600), and the picture keeps
        // it.
        Path staging = parent.resolve(".plot-" + UUID.randomUUID() + ".png");
        try {
            renderer.render(staging);
            try {
                Files.move(
                        staging,
                        png,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, png, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(staging);
        }
    }
}
