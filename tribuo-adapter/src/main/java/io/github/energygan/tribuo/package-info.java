/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Energy-based anomaly detection for Tribuo: {@link
 * io.github.energygan.tribuo.EnergyAnomalyTrainer} (a {@code Trainer<Event>} configurable from
 * OLCUT XML) trains an energy GAN on the EXPECTED events, and {@link
 * io.github.energygan.tribuo.EnergyAnomalyModel} (a {@code Model<Event>}) scores new events by
 * their energy.
 */
package io.github.energygan.tribuo;
