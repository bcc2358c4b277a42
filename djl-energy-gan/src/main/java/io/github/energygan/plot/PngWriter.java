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

/** Writes a chart to a PNG through a temporary file, so no half-written picture is left. */
final class PngWriter {

    private PngWriter() {}

    static void write(JFreeChart chart, Path png, int width, int height) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Not Files.createTempFile: that makes the file owner-only (0600), and the picture keeps it.
        Path staging = parent.resolve(".plot-" + UUID.randomUUID() + ".png");
        try {
            ChartUtils.saveChartAsPNG(staging.toFile(), chart, width, height);
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
