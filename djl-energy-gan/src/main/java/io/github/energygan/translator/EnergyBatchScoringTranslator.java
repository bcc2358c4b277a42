/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.scoring.EnergyScorer;

/**
 * Scores a whole batch given as an {@link NDArray} {@code (batch, ...dataShape)} → {@link
 * EnergyScores}, row by row. The input is copied; the caller's array is left as it was.
 */
public final class EnergyBatchScoringTranslator
        implements NoBatchifyTranslator<NDArray, EnergyScores> {

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the batch does not have the model's data shape, or holds
     *     NaN or infinite values
     */
    @Override
    public NDList processInput(TranslatorContext ctx, NDArray input) {
        EnergyGanBlock gan = Translators.pair(ctx.getModel());
        EnergyScorer.of(gan).checkBatch(input);
        NDArray batch = input.duplicate();
        batch.attach(ctx.getNDManager());
        Translators.requireFinite(batch);
        ctx.setAttachment(Translators.BATCH, batch);
        return new NDList(batch);
    }

    /** {@inheritDoc} */
    @Override
    public EnergyScores processOutput(TranslatorContext ctx, NDList list) {
        NDArray batch = (NDArray) ctx.getAttachment(Translators.BATCH);
        return Translators.score(Translators.pair(ctx.getModel()), batch, list);
    }
}
