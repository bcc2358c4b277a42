/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The benchmarks behind the {@code tribuo-bench} and {@code bench} commands: our anomaly detector
 * beside Tribuo's one-class SVM and scikit-learn on the same splits, and the Python peers' scripts.
 */
package io.github.energygan.cli.benchmark;
