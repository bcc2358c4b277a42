/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/** The networks of an energy GAN as DJL blocks: energy U(x), generator G(z), statistics network T(x, z), InfoGAN encoder Enc(x), and the activation layers whose derivatives are known. */
package io.github.energygan.nn;
