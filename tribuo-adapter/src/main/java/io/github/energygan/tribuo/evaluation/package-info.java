/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Evaluating anomaly detectors: Tribuo's {@code AnomalyEvaluator} figures plus AUROC and AUPRC from
 * the scores, for our models and Tribuo's alike.
 */
package io.github.energygan.tribuo.evaluation;
