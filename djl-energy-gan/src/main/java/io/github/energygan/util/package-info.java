/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/** Engine-level helpers the rest of the library builds on: {@link io.github.energygan.util.Scalars}, scalar arithmetic that is safe under autograd. */
package io.github.energygan.util;
