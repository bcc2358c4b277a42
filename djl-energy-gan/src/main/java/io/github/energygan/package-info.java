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
 *   <li>{@link io.github.energygan.model}: saving, loading and presets;
 *   <li>{@link io.github.energygan.dataset}, {@link io.github.energygan.metrics}, {@link
 *       io.github.energygan.plot}: the 2-D benchmarks, their metrics and pictures.
 * </ul>
 */
package io.github.energygan;
