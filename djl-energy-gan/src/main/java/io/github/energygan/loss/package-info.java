/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/** DJL losses of an energy GAN: the energy loss (positive minus negative phase plus gradient penalty) and the generator loss (sample energy minus a mutual-information estimate). */
package io.github.energygan.loss;
