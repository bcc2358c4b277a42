/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.Progress;

import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.util.Checks;
import io.github.energygan.util.RandomStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sampling a trained pair with MCMC in latent space, the article's "better truncation trick": draw
 * {@code z₀ ~ N(0, I)}, run chains on {@link LatentEnergy} from there, and map the final codes
 * through the generator. The raw generator samples {@code G(z₀)} come back too, for comparison.
 */
public final class LatentSampling {

    private LatentSampling() {}

    /**
     * Draws samples as the request says.
     *
     * @param gan the trained pair
     * @param manager the manager for the returned arrays
     * @param request what to draw
     * @return the samples, the raw samples, the codes and the diagnostics
     */
    public static Samples sample(EnergyGanBlock gan, NDManager manager, SampleRequest request) {
        return sample(gan, manager, request, null);
    }

    /**
     * Draws samples as the request says, reporting the chains' steps to a progress bar.
     *
     * <p>The samples are drawn {@link SampleRequest#getBatchSize() a batch at a time}, each in a
     * manager of its own that is closed once its results are copied out, so that memory holds one
     * batch's chains and the results, however many samples are asked for. Every batch is seeded
     * from the request ({@link SampleRequest#batchSeed}); with an automatic step size the first
     * batch adapts it and the others keep it.
     *
     * @param gan the trained pair
     * @param manager the manager for the returned arrays
     * @param request what to draw
     * @param progress the progress bar, or null
     * @return the samples, the raw samples, the codes and the diagnostics
     */
    public static Samples sample(
            EnergyGanBlock gan, NDManager manager, SampleRequest request, Progress progress) {
        Objects.requireNonNull(gan, "gan");
        Objects.requireNonNull(request, "request");
        request = request.forData(gan.getSingleSampleShape());
        int count = request.getCount();
        int batchSize = request.getBatchSize();
        long features = gan.getSingleSampleShape().size();
        long latentFeatures = gan.getLatentFeatures();
        // The results (samples, raw samples, codes, float32) stay; a batch's chains come and go.
        Checks.fitsInMemory(
                count + " samples",
                4.0 * count * (2 * features + latentFeatures),
                "draw fewer samples per request");
        if (count <= batchSize) {
            return sampleBatch(gan, manager, request, count, 0, firstSampler(request), progress);
        }
        List<Samples> parts = new ArrayList<>();
        List<SamplerDiagnostics> diagnostics = new ArrayList<>();
        double adaptedStep = Double.NaN;
        try (NDManager results = manager.newSubManager()) {
            for (int batch = 0, done = 0; done < count; batch++, done += batchSize) {
                int size = Math.min(batchSize, count - done);
                McmcSampler sampler =
                        batch == 0 || !request.runsChains()
                                ? firstSampler(request)
                                : request.sampler(batch, adaptedStep);
                try (NDManager scope = manager.newSubManager()) {
                    Samples part = sampleBatch(gan, scope, request, size, batch, sampler, progress);
                    for (NDArray array : part.arrays()) {
                        array.attach(results);
                    }
                    parts.add(part);
                    if (part.diagnostics() != null) {
                        diagnostics.add(part.diagnostics());
                        if (batch == 0) {
                            adaptedStep = part.diagnostics().getStepSize();
                        }
                    }
                }
            }
            NDArray samples = concat(parts, Samples::samples, manager);
            NDArray raw = concat(parts, Samples::rawSamples, manager);
            NDArray latent = concat(parts, Samples::latent, manager);
            return new Samples(
                    samples,
                    request.runsChains() ? raw : samples,
                    latent,
                    diagnostics.isEmpty() ? null : SamplerDiagnostics.combine(diagnostics));
        }
    }

    /** The first batch's sampler; none when the request runs no chain. */
    private static McmcSampler firstSampler(SampleRequest request) {
        return request.runsChains() ? request.sampler() : null;
    }

    private static Samples sampleBatch(
            EnergyGanBlock gan,
            NDManager manager,
            SampleRequest request,
            int size,
            int batch,
            McmcSampler sampler,
            Progress progress) {
        NDArray initial =
                RandomStream.seeded(request.batchSeed(batch))
                        .normal(
                                manager,
                                new Shape(size, gan.getLatentFeatures()),
                                DataType.FLOAT32);
        NDArray raw = generate(gan, initial);
        if (!request.runsChains()) {
            return new Samples(raw, raw, initial, null);
        }
        LatentEnergy energy = new LatentEnergy(gan, request.getBeta(), request.hasPrior());
        McmcResult result = sampler.sample(energy, initial, progress);
        NDArray latent = result.getSamples();
        return new Samples(generate(gan, latent), raw, latent, result.getDiagnostics());
    }

    private static NDArray concat(
            List<Samples> parts, Function<Samples, NDArray> part, NDManager manager) {
        NDList arrays = new NDList();
        for (Samples s : parts) {
            arrays.add(part.apply(s));
        }
        NDArray joined = NDArrays.concat(arrays, 0);
        joined.attach(manager);
        return joined;
    }

    private static NDArray generate(EnergyGanBlock gan, NDArray z) {
        ParameterStore store = new ParameterStore(z.getManager(), false);
        return gan.getGenerator().forward(store, new NDList(z), false).singletonOrThrow();
    }

    /**
     * What {@link #sample} returns.
     *
     * @param samples {@code G(z_T)}, {@code (count, ...dataShape)}
     * @param rawSamples {@code G(z₀)}, the generator alone, same shape
     * @param latent the final codes {@code z_T}, {@code (count, k)}
     * @param diagnostics the chains' diagnostics, or null when no step was run
     */
    public record Samples(
            NDArray samples, NDArray rawSamples, NDArray latent, SamplerDiagnostics diagnostics) {

        /** The distinct arrays, once each (the raw samples are the samples without chains). */
        List<NDArray> arrays() {
            return samples == rawSamples
                    ? List.of(samples, latent)
                    : List.of(samples, rawSamples, latent);
        }
    }
}
