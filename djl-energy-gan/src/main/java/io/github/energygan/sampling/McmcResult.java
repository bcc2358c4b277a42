/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;

import java.util.Objects;

/** The final states of a sampler's chains, one per row, with the run's diagnostics. */
public final class McmcResult {

    private final NDArray samples;
    private final SamplerDiagnostics diagnostics;

    McmcResult(NDArray samples, SamplerDiagnostics diagnostics) {
        this.samples = Objects.requireNonNull(samples, "samples");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /**
     * Returns the chains' final states, in the manager of the initial states.
     *
     * @return {@code (chains, ...pointShape)}
     */
    public NDArray getSamples() {
        return samples;
    }

    /**
     * Returns the diagnostics of the run.
     *
     * @return the diagnostics
     */
    public SamplerDiagnostics getDiagnostics() {
        return diagnostics;
    }
}
