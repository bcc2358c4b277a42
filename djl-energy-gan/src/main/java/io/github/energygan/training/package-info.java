/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/** The two-phase trainer of an energy GAN and the training-time blocks that lay out what its losses read. */
package io.github.energygan.training;
