/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/** DJL training listeners for energy GANs: energy statistics, divergence guard, checkpoints, progress bar. */
package io.github.energygan.training.listener;
