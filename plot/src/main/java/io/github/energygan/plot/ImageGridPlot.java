/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.plot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Lays a batch of images out as a grid and writes it as a PNG: image samples, side by side with
 * whatever they are compared with, are easier to judge by eye than by any number. One channel is
 * drawn grey; three channels (stacked Fashion-MNIST, say) are drawn as red, green and blue.
 */
public final class ImageGridPlot {

    private ImageGridPlot() {}

    /**
     * Writes a grid of images.
     *
     * @param png the file to write
     * @param images {@code (n, C, H, W)}, {@code C} 1 or 3, with values in {@code [-1, 1]}
     *     (clipped outside)
     * @param columns images per row, {@code >= 1}; rows follow from {@code n}
     * @param scale pixels per image pixel, {@code >= 1}
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if the images have neither one nor three channels, or a
     *     size is not positive
     */
    public static void save(Path png, NDArray images, int columns, int scale) throws IOException {
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || (shape.get(1) != 1 && shape.get(1) != 3) || shape.get(0) < 1) {
            throw new IllegalArgumentException(
                    "Expected grey or RGB images (n >= 1, 1 or 3, height, width), got " + shape);
        }
        if (columns < 1 || scale < 1) {
            throw new IllegalArgumentException(
                    "columns and scale must be >= 1, got " + columns + " and " + scale);
        }
        int n = Math.toIntExact(shape.get(0));
        int c = Math.toIntExact(shape.get(1));
        int h = Math.toIntExact(shape.get(2));
        int w = Math.toIntExact(shape.get(3));
        int rows = (n + columns - 1) / columns;
        int gap = scale;
        float[] values = images.clip(-1f, 1f).add(1f).mul(127.5f).toFloatArray();
        BufferedImage grid =
                new BufferedImage(
                        columns * (w * scale + gap) + gap,
                        rows * (h * scale + gap) + gap,
                        c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        java.awt.image.WritableRaster raster = grid.getRaster();
        int[] background = new int[c];
        java.util.Arrays.fill(background, 64);
        for (int y = 0; y < grid.getHeight(); y++) {
            for (int x = 0; x < grid.getWidth(); x++) {
                raster.setPixel(x, y, background);
            }
        }
        int[] pixel = new int[c];
        for (int k = 0; k < n; k++) {
            int top = gap + (k / columns) * (h * scale + gap);
            int left = gap + (k % columns) * (w * scale + gap);
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    for (int band = 0; band < c; band++) {
                        pixel[band] = Math.round(values[((k * c + band) * h + i) * w + j]);
                    }
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            raster.setPixel(left + j * scale + dx, top + i * scale + dy, pixel);
                        }
                    }
                }
            }
        }
        PngWriter.write(grid, png);
    }
}
