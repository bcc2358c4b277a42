/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

import io.github.energygan.nn.EnergyGanBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores single points of some input type → {@link EnergyScore}, batched: {@code
 * predictor.batchPredict(points)} stacks the points and scores them in one pass. Subclasses say how
 * an input becomes a point of the model's data shape.
 *
 * @param <I> the input type
 */
abstract class PointScoringTranslator<I> implements Translator<I, EnergyScore> {

    /**
     * Turns an input into one point.
     *
     * @param ctx the context (its manager owns the point)
     * @param gan the model's pair
     * @param input the input
     * @return the point, of the model's data shape
     * @throws IllegalArgumentException if the input does not fit the model
     */
    abstract NDArray toPoint(TranslatorContext ctx, EnergyGanBlock gan, I input);

    /** {@inheritDoc} */
    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, I input) {
        NDArray point = toPoint(ctx, Translators.pair(ctx.getModel()), input);
        Translators.requireFinite(point);
        return new NDList(point);
    }

    /**
     * Turns a batch of inputs into one array of shape {@code (n, data shape)}. By default each
     * input becomes a point and the points are stacked; a subclass whose inputs are plain numbers
     * fills one array instead, saving an engine call per point.
     *
     * @param ctx the context (its manager owns the batch)
     * @param gan the model's pair
     * @param inputs the inputs, at least one
     * @return the batch
     * @throws IllegalArgumentException if an input does not fit the model, naming its index
     */
    NDArray toBatch(TranslatorContext ctx, EnergyGanBlock gan, List<I> inputs) {
        NDList points = new NDList(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            try {
                points.add(toPoint(ctx, gan, inputs.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Input " + i + ": " + e.getMessage(), e);
            }
        }
        return NDArrays.stack(points);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The batch is built in one piece ({@link #toBatch}) and checked for NaN and infinite
     * values once, before the networks run.
     */
    @Override
    public NDList batchProcessInput(TranslatorContext ctx, List<I> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one input to score, got none");
        }
        NDArray batch = toBatch(ctx, Translators.pair(ctx.getModel()), inputs);
        Translators.requireFinite(batch);
        ctx.setAttachment(Translators.BATCH, batch);
        return new NDList(batch);
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
        // Reached only when a caller drives the translator item by item.
        NDArray batch = (NDArray) ctx.getAttachment(Translators.BATCH);
        if (batch == null) {
            throw new IllegalStateException(
                    "processOutput needs the scored point; use Predictor.predict or batchPredict");
        }
        return Translators.score(Translators.pair(ctx.getModel()), batch, list).get(0);
    }
}
