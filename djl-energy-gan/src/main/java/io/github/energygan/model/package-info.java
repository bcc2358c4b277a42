/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/** Architectures, presets, and saving and loading of trained energy GANs. */
package io.github.energygan.model;
