/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import io.github.energygan.gradient.InputGradient;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.sampling.LatentSampling;
import io.github.energygan.sampling.SampleRequest;

import java.util.List;

/**
 * Draws samples from a trained pair: {@link SampleRequest} → {@link GeneratedSamples}. The chains
 * run on the latent energy in {@link #processInput} (see {@link LatentSampling}); the predictor's
 * forward pass then scores the final samples, so each comes back with its energy.
 *
 * <p>A request is a batch in itself (one chain per sample), so this translator does not batchify
 * several requests.
 */
public final class EnergyGanSamplingTranslator
        implements NoBatchifyTranslator<SampleRequest, GeneratedSamples> {

    private static final String SAMPLES = "energy-gan.samples";
    private static final String REQUEST = "energy-gan.request";

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, SampleRequest request) {
        if (request == null) {
            throw new IllegalArgumentException(
                    "A SampleRequest is required, e.g. SampleRequest.of(64)");
        }
        EnergyGanBlock pair = Translators.pair(ctx.getModel());
        SampleRequest resolved = request.forData(pair.getSingleSampleShape());
        LatentSampling.Samples samples =
                LatentSampling.sample(pair, ctx.getNDManager(), resolved);
        ctx.setAttachment(SAMPLES, samples);
        ctx.setAttachment(REQUEST, resolved);
        return new NDList(samples.samples());
    }

    /** {@inheritDoc} */
    @Override
    public GeneratedSamples processOutput(TranslatorContext ctx, NDList list) {
        LatentSampling.Samples samples = (LatentSampling.Samples) ctx.getAttachment(SAMPLES);
        SampleRequest request = (SampleRequest) ctx.getAttachment(REQUEST);
        float[] energies = InputGradient.asBatchVector(list.singletonOrThrow()).toFloatArray();
        boolean images = samples.samples().getShape().dimension() == 4;
        return new GeneratedSamples(
                request,
                rows(samples.samples()),
                energies,
                rows(samples.rawSamples()),
                images ? Translators.toImages(samples.samples()) : List.of(),
                samples.diagnostics());
    }

    private static float[][] rows(NDArray batch) {
        int count = Math.toIntExact(batch.getShape().get(0));
        float[] flat = batch.toFloatArray();
        int width = flat.length / count;
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return rows;
    }
}
