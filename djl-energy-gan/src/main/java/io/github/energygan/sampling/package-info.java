/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Markov chain Monte Carlo on energies: {@link io.github.energygan.sampling.LangevinSampler
 * unadjusted Langevin} and {@link io.github.energygan.sampling.MalaSampler exact MALA} with
 * Robbins–Monro step-size adaptation, many chains in one batch.
 *
 * <p>What is sampled is an {@link io.github.energygan.sampling.EnergyFunction}: the latent energy
 * of a trained pair, {@link io.github.energygan.sampling.LatentEnergy}, {@code E(z) = β·U(G(z)) +
 * ||z||²/2} (Kumar et al. 2019, "Maximum Entropy Generators for Energy-Based Models", §3); the data-space energy {@link
 * io.github.energygan.sampling.DataEnergy} {@code β·U(x)}; or any differentiable function of
 * NDArrays through {@link io.github.energygan.sampling.DifferentiableEnergy}.
 */
package io.github.energygan.sampling;
