/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/** Embedded, seeded 2-D datasets (25-Gaussian grid, 8-Gaussian ring, swiss roll) as DJL datasets, and training-set validation. */
package io.github.energygan.dataset;
