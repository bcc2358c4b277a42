/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import java.util.Locale;

/**
 * Sample quality on a 2-D Gaussian mixture by the VEEGAN/PacGAN protocol (Srivastava et al. 2017; Lin et al. 2018).
 *
 * @param samples how many samples were scored
 * @param highQuality how many lay within {@code 3σ} of their nearest mode
 * @param modesCovered how many modes are the nearest mode of at least one high-quality sample
 * @param totalModes how many modes the mixture has
 * @param reverseKl {@code KL(q || uniform)} in nats, {@code q} the histogram of nearest modes of
 *     the high-quality samples; {@code +∞} when there is no high-quality sample
 * @param modeCounts high-quality samples per mode, in the mixture's mode order
 */
public record MixtureQuality(
        long samples,
        long highQuality,
        int modesCovered,
        int totalModes,
        double reverseKl,
        long[] modeCounts) {

    /**
     * Returns the fraction of high-quality samples.
     *
     * @return in {@code [0, 1]}
     */
    public double highQualityFraction() {
        return samples == 0 ? 0.0 : (double) highQuality / samples;
    }

    /**
     * Returns a one-line summary.
     *
     * @return e.g. {@code modes 25/25, high-quality 91.2 %, reverse KL 0.012}
     */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "modes %d/%d, high-quality %.1f %%, reverse KL %.4f",
                modesCovered,
                totalModes,
                100.0 * highQualityFraction(),
                reverseKl);
    }
}
