/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/** Sample-quality metrics: the VEEGAN/PacGAN mode coverage, high-quality fraction and reverse KL for 2-D mixtures. */
package io.github.energygan.metrics;
