/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import java.util.Locale;

/**
 * How good an energy {@code U} is as a density {@code p(x) = exp(−U(x)) / Z} of a 2-D Gaussian
 * mixture, with the peers that put the figures in context.
 *
 * @param heldOutNll the mean {@code −log p(x)} of fresh true samples, nats per point
 * @param trueNll the same for the true mixture density (the floor)
 * @param kdeNll the same for a Gaussian kernel density estimate of the training data (Silverman's
 *     bandwidth), the simple peer
 * @param strictMinima how many modes sit in a well: the lowest energy within {@code 3σ} of the
 *     mode is below every energy between {@code 3σ} and {@code 4σ} from it
 * @param modes the number of modes
 * @param meanBarrier the mean, over pairs of adjacent modes, of the highest energy on the segment
 *     between them minus the mean of their energies, nats
 * @param massNearModes the share of {@code p}'s mass within {@code 3σ} of a mode (the true
 *     mixture: 98.9 %)
 * @param logPartition {@code log Z}, the normaliser over the evaluation window
 */
public record DensityQuality(
        double heldOutNll,
        double trueNll,
        double kdeNll,
        int strictMinima,
        int modes,
        double meanBarrier,
        double massNearModes,
        double logPartition) {

    /**
     * Returns a one-line summary.
     *
     * @return e.g. {@code NLL 1.23 (true 0.06, KDE 3.85), minima 25/25, barrier 12.3, mass 80.1 %}
     */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "held-out NLL %.3f nats (true density %.3f, KDE %.3f), strict minima %d/%d, mean"
                        + " barrier %.2f nats, mass within 3σ of a mode %.1f %%",
                heldOutNll,
                trueNll,
                kdeNll,
                strictMinima,
                modes,
                meanBarrier,
                100 * massNearModes);
    }
}
