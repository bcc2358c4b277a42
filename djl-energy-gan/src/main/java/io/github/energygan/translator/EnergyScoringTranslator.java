/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;

import io.github.energygan.nn.EnergyGanBlock;

import java.util.List;

/**
 * Scores single points given as flat vectors: {@code float[]} (row-major over the model's data
 * shape) → {@link EnergyScore}. Batched: {@code predictor.batchPredict(points)} stacks the points
 * and scores them in one pass.
 */
public final class EnergyScoringTranslator extends PointScoringTranslator<float[]> {

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the vector's length is not the model's data size
     */
    @Override
    NDArray toPoint(TranslatorContext ctx, EnergyGanBlock gan, float[] input) {
        Shape dataShape = gan.getDataShape();
        requireSize(input, dataShape);
        return ctx.getNDManager().create(input, dataShape);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Copies the vectors into one array: one engine call per batch, not one per point.
     */
    @Override
    NDArray toBatch(TranslatorContext ctx, EnergyGanBlock gan, List<float[]> inputs) {
        Shape dataShape = gan.getDataShape();
        int size = Math.toIntExact(dataShape.size());
        float[] flat = new float[Math.multiplyExact(inputs.size(), size)];
        for (int i = 0; i < inputs.size(); i++) {
            float[] input = inputs.get(i);
            try {
                requireSize(input, dataShape);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Input " + i + ": " + e.getMessage(), e);
            }
            System.arraycopy(input, 0, flat, i * size, size);
        }
        return ctx.getNDManager().create(flat, new Shape(inputs.size()).addAll(dataShape));
    }

    private static void requireSize(float[] input, Shape dataShape) {
        if (input == null || input.length != dataShape.size()) {
            throw new IllegalArgumentException(
                    "Expected a vector of "
                            + dataShape.size()
                            + " values (data shape "
                            + dataShape
                            + "), got "
                            + (input == null ? "null" : input.length + " values"));
        }
    }
}
