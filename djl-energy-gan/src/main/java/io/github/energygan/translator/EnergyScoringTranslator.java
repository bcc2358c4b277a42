/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;

import io.github.energygan.nn.EnergyGanBlock;

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
        if (input == null || input.length != dataShape.size()) {
            throw new IllegalArgumentException(
                    "Expected a vector of "
                            + dataShape.size()
                            + " values (data shape "
                            + dataShape
                            + "), got "
                            + (input == null ? "null" : input.length + " values"));
        }
        return ctx.getNDManager().create(input, dataShape);
    }
}
