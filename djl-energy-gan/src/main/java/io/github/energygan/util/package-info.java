/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Engine-level operations the rest of the library builds on, each correct where the engine's own
 * is not: {@link io.github.energygan.util.Scalars}, scalar arithmetic that is safe under autograd,
 * and {@link io.github.energygan.util.Convolutions}, convolutions whose input gradient is right for
 * any number of output channels.
 */
package io.github.energygan.util;
