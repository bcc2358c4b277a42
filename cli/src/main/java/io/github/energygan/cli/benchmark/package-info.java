/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The benchmarks behind the {@code tribuo-bench} command: our anomaly detector beside Tribuo's
 * one-class SVM on Fashion-MNIST, on the same splits.
 */
package io.github.energygan.cli.benchmark;
