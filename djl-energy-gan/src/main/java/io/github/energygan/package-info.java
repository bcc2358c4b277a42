/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Energy-based GANs (MEG: Kumar, Ozair, Goyal, Courville, Bengio 2019) on the Deep Java Library.
 *
 * <ul>
 *   <li>{@link io.github.energygan.nn}: the networks (energy, generator, statistics, encoder);
 *   <li>{@link io.github.energygan.gradient}: the exact, leak-free input gradient behind the
 *       gradient penalty;
 *   <li>{@link io.github.energygan.loss}: the losses, usable in a stock DJL training config;
 *   <li>{@link io.github.energygan.training}: the two-phase trainer, and its listeners in {@link
 *       io.github.energygan.training.listener};
 *   <li>{@link io.github.energygan.sampling}: MALA and Langevin chains on any differentiable
 *       energy, and in the latent space of a trained pair;
 *   <li>{@link io.github.energygan.translator}: DJL translators for sampling and scoring;
 *   <li>{@link io.github.energygan.model}: the architectures, saving and loading;
 *   <li>{@link io.github.energygan.preset}: named recipes, an architecture with its training
 *       settings;
 *   <li>{@link io.github.energygan.dataset}, {@link io.github.energygan.metrics}: the 2-D
 *       benchmarks and their metrics (the pictures are in the {@code energy-gan-plot} module).
 * </ul>
 */
package io.github.energygan;
