/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Locale;

/**
 * The mode count of the StackedMNIST protocol: each channel of a stacked sample is classified on
 * its own, the three classes name one of {@code C³} modes, and the figures are how many modes at
 * least one sample reaches and the Kullback–Leibler divergence of the mode histogram from the
 * uniform one (the data's, when every triple of classes is equally likely).
 *
 * <p>Samples are added in any number of batches ({@link #add}), so the count runs over tens of
 * thousands of samples in bounded memory.
 */
public final class StackedModes {

    private final ImageClassifier classifier;
    private final int channels;
    private final long[] counts;
    private long samples;

    /**
     * The figures.
     *
     * @param covered modes with at least one sample
     * @param modes all modes, {@code C^channels}
     * @param klFromUniform {@code Σ p_m log(M·p_m)} over the mode histogram, in nats
     * @param samples how many samples were counted
     */
    public record Result(int covered, int modes, double klFromUniform, long samples) {

        /**
         * One line for reports.
         *
         * @return the summary
         */
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "%d/%d modes, KL(modes ‖ uniform) %.3f (%d samples)",
                    covered,
                    modes,
                    klFromUniform,
                    samples);
        }
    }

    /**
     * Starts an empty count.
     *
     * @param classifier classifies one channel; not closed here
     * @param channels the stacked images per sample, {@code >= 1}
     */
    public StackedModes(ImageClassifier classifier, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("Give >= 1 channels, got " + channels);
        }
        this.classifier = classifier;
        this.channels = channels;
        this.counts =
                new long[Math.toIntExact(Math.round(Math.pow(classifier.getManifest().classes(), channels)))];
    }

    /**
     * Counts a batch of stacked samples.
     *
     * @param stacked {@code (n, channels, height, width)}
     * @throws IllegalArgumentException if the shape does not fit
     */
    public void add(NDArray stacked) {
        if (stacked.getShape().dimension() != 4 || stacked.getShape().get(1) != channels) {
            throw new IllegalArgumentException(
                    "Stacked samples must be (n, "
                            + channels
                            + ", height, width), got "
                            + stacked.getShape());
        }
        int n = Math.toIntExact(stacked.getShape().get(0));
        long height = stacked.getShape().get(2);
        long width = stacked.getShape().get(3);
        int classes = classifier.getManifest().classes();
        long[] labels;
        try (NDManager scope = stacked.getManager().newSubManager()) {
            NDArray channelsAsImages = stacked.reshape((long) n * channels, 1, height, width);
            channelsAsImages.attach(scope);
            NDArray predicted = classifier.predict(channelsAsImages);
            predicted.attach(scope);
            labels = predicted.toLongArray();
        }
        for (int i = 0; i < n; i++) {
            int mode = 0;
            for (int c = 0; c < channels; c++) {
                mode = classes * mode + (int) labels[i * channels + c];
            }
            counts[mode]++;
        }
        samples += n;
    }

    /**
     * Returns the figures so far.
     *
     * @return the figures
     * @throws IllegalStateException if nothing was counted
     */
    public Result result() {
        if (samples == 0) {
            throw new IllegalStateException("No samples were counted");
        }
        int covered = 0;
        double kl = 0;
        for (long count : counts) {
            if (count > 0) {
                covered++;
                double p = (double) count / samples;
                kl += p * Math.log(counts.length * p);
            }
        }
        return new Result(covered, counts.length, kl, samples);
    }
}
