/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * DJL {@link ai.djl.translate.Translator}s for energy-GAN models, chosen by {@code Criteria}'s
 * types through {@link io.github.energygan.translator.EnergyGanTranslatorFactory}: sampling ({@link
 * io.github.energygan.sampling.SampleRequest} → {@link
 * io.github.energygan.translator.GeneratedSamples}) and scoring (a vector or a batch → {@link
 * io.github.energygan.translator.EnergyScore}, the energy {@code U(x)} and {@code ||∇_x U(x)||²}).
 */
package io.github.energygan.translator;
