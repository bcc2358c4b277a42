/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

import io.github.energygan.nn.EnergyGanBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores single points given as flat vectors: {@code float[]} (row-major over the model's data
 * shape) → {@link EnergyScore}. Batched: {@code predictor.batchPredict(points)} stacks the points
 * and scores them in one pass.
 */
public final class EnergyScoringTranslator implements Translator<float[], EnergyScore> {

    /** {@inheritDoc} */
    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the vector's length is not the model's data size, or it
     *     holds NaN or infinite values
     */
    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) {
        Shape dataShape = Translators.pair(ctx.getModel()).getDataShape();
        if (input == null || input.length != dataShape.size()) {
            throw new IllegalArgumentException(
                    "Expected a vector of "
                            + dataShape.size()
                            + " values (data shape "
                            + dataShape
                            + "), got "
                            + (input == null ? "null" : input.length + " values"));
        }
        NDArray point = ctx.getNDManager().create(input, dataShape);
        Translators.requireFinite(point);
        return new NDList(point);
    }

    /** {@inheritDoc} */
    @Override
    public NDList batchProcessInput(TranslatorContext ctx, List<float[]> inputs) throws Exception {
        NDList batch = Translator.super.batchProcessInput(ctx, inputs);
        ctx.setAttachment(Translators.BATCH, batch.singletonOrThrow());
        return batch;
    }

    /** {@inheritDoc} */
    @Override
    public List<EnergyScore> batchProcessOutput(TranslatorContext ctx, NDList list) {
        EnergyGanBlock gan = Translators.pair(ctx.getModel());
        NDArray batch = (NDArray) ctx.getAttachment(Translators.BATCH);
        EnergyScores scores = Translators.score(gan, batch, list);
        List<EnergyScore> out = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            out.add(scores.get(i));
        }
        return out;
    }

    /** {@inheritDoc} */
    @Override
    public EnergyScore processOutput(TranslatorContext ctx, NDList list) {
        // Reached only when a caller drives the translator item by item; the point is then the
        // one batchProcessInput stored, or must be passed again.
        NDArray batch = (NDArray) ctx.getAttachment(Translators.BATCH);
        if (batch == null) {
            throw new IllegalStateException(
                    "processOutput needs the scored point; use Predictor.predict or batchPredict");
        }
        return Translators.score(Translators.pair(ctx.getModel()), batch, list).get(0);
    }
}
