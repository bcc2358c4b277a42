/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

class ImageGridPlotTest {

    @Test
    void tenImagesFillAFiveByTwoGridAtTwiceTheirSize(@TempDir Path dir) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageGridPlot.save(
                    dir.resolve("grid.png"),
                    manager.linspace(-1f, 1f, 10 * 12 * 12).reshape(new Shape(10, 1, 12, 12)),
                    5,
                    2);
        }
        BufferedImage png = ImageIO.read(dir.resolve("grid.png").toFile());
        assertEquals(5 * (12 * 2 + 2) + 2, png.getWidth());
        assertEquals(2 * (12 * 2 + 2) + 2, png.getHeight());
    }
}
