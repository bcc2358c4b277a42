/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.util.Progress;

/**
 * A Markov chain Monte Carlo sampler of {@code p(x) ∝ exp(-E(x))}, running one chain per row of a
 * batch.
 */
public interface McmcSampler {

    /**
     * Runs the chains from the given states.
     *
     * <p>Every array a step creates lives in a sub-manager closed at the end of that step, so
     * memory does not grow with the number of steps. The noise comes from the run's own stream
     * when the sampler has a seed, otherwise from the engine's generator.
     *
     * @param energy the energy to sample
     * @param initial the chains' starting states, {@code (chains, ...pointShape)}; finite
     * @return the final states (in {@code initial}'s manager) and the diagnostics
     * @throws IllegalArgumentException if {@code initial} has the wrong shape, a non-finite value,
     *     or a non-finite energy
     * @throws IllegalStateException if unadjusted Langevin reaches a non-finite energy (the step is
     *     too large for this energy)
     */
    default McmcResult sample(EnergyFunction energy, NDArray initial) {
        return sample(energy, initial, null);
    }

    /**
     * Runs the chains from the given states, reporting each step to a progress bar.
     *
     * @param energy the energy to sample
     * @param initial the chains' starting states, {@code (chains, ...pointShape)}; finite
     * @param progress told the total number of steps, then each step; null for none
     * @return the final states (in {@code initial}'s manager) and the diagnostics
     * @throws IllegalArgumentException as {@link #sample(EnergyFunction, NDArray)}
     * @throws IllegalStateException as {@link #sample(EnergyFunction, NDArray)}
     */
    McmcResult sample(EnergyFunction energy, NDArray initial, Progress progress);
}
