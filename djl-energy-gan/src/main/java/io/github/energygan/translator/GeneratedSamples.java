/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.modality.cv.Image;

import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.sampling.SamplerDiagnostics;

import java.util.List;
import java.util.Optional;

/**
 * Samples drawn by the sampling translator: each sample as a flat vector (row-major over the
 * model's data shape) and, for image models, as a DJL {@link Image}; its energy; the raw generator
 * samples the chains started from; and the sampler's diagnostics.
 *
 * @param request what was asked for
 * @param samples {@code count} vectors of the data size, after MCMC
 * @param energies {@code U(x)} of each sample
 * @param rawSamples the raw generator samples {@code G(z₀)}
 * @param images the samples as DJL images for image models (values {@code [-1, 1]} mapped to {@code
 *     0..255}), empty for vector models
 * @param diagnostics the chains' diagnostics, or null when the request ran no step
 */
public record GeneratedSamples(
        SampleRequest request,
        float[][] samples,
        float[] energies,
        float[][] rawSamples,
        List<Image> images,
        SamplerDiagnostics diagnostics) {

    /**
     * Returns the diagnostics, empty for raw generator samples.
     *
     * @return the diagnostics
     */
    public Optional<SamplerDiagnostics> getDiagnostics() {
        return Optional.ofNullable(diagnostics);
    }
}
