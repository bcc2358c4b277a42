/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * A DJL model zoo of pretrained energy-GAN models, found through {@code ZooProvider} and loaded
 * from the classpath with no network. (Its loaders and artifacts are the model-zoo issue.)
 */
package io.github.energygan.zoo;
