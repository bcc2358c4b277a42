/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Energy-based anomaly detection as a Tribuo {@code Trainer} and {@code Model}, configurable from
 * OLCUT XML. (The trainer and model are the Tribuo issue.)
 */
package io.github.energygan.tribuo;
