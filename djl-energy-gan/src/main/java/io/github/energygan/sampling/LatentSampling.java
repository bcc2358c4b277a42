/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.Progress;

import io.github.energygan.nn.EnergyGanBlock;

import java.util.Objects;

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
        manager.getEngine().setRandomSeed(request.getSeed());
        NDArray initial =
                manager.randomNormal(new Shape(request.getCount(), gan.getLatentFeatures()));
        NDArray raw = generate(gan, initial);
        if (!request.runsChains()) {
            return new Samples(raw, raw, initial, null);
        }
        LatentEnergy energy = new LatentEnergy(gan, request.getBeta(), request.hasPrior());
        McmcResult result = request.sampler().sample(energy, initial, progress);
        NDArray latent = result.getSamples();
        return new Samples(generate(gan, latent), raw, latent, result.getDiagnostics());
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
            NDArray samples, NDArray rawSamples, NDArray latent, SamplerDiagnostics diagnostics) {}
}
