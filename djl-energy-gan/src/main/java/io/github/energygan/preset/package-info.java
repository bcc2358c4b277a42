/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Named recipes: an architecture together with the training hyperparameters that go with it
 * ({@link io.github.energygan.preset.EnergyGanPreset}). This package sits above {@code model} and
 * {@code training}, which know nothing of it.
 */
package io.github.energygan.preset;
