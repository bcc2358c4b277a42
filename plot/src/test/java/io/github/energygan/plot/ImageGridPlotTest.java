/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void threeChannelsAreRedGreenAndBlue(@TempDir Path dir) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            // One 2×2 image: red channel at +1 (255), green at -1 (0), blue at 0 (128 rounded).
            ai.djl.ndarray.NDArray image =
                    manager.create(new float[] {1, 1, 1, 1, -1, -1, -1, -1, 0, 0, 0, 0})
                            .reshape(1, 3, 2, 2);
            ImageGridPlot.save(dir.resolve("rgb.png"), image, 1, 1);
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            ImageGridPlot.save(
                                    dir.resolve("two.png"), manager.zeros(new Shape(1, 2, 2, 2)), 1, 1));
        }
        BufferedImage png = ImageIO.read(dir.resolve("rgb.png").toFile());
        int rgb = png.getRGB(1, 1);
        assertEquals(255, (rgb >> 16) & 0xff);
        assertEquals(0, (rgb >> 8) & 0xff);
        assertEquals(128, rgb & 0xff);
    }
}
