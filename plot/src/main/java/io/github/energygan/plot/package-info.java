/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/** PNG pictures: energy landscapes with samples on top, and training curves. */
package io.github.energygan.plot;
