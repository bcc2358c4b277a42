/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Scoring data with a trained energy: {@link io.github.energygan.scoring.EnergyScorer} (energy,
 * input gradient, squared gradient norm, attribution), shared by the translators, the Tribuo model
 * and the samplers' data-space target.
 */
package io.github.energygan.scoring;
