/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import ai.djl.ndarray.NDArray;

import java.util.Locale;

/**
 * A classifier-free check that a generator does not memorise its training set: the mean
 * nearest-neighbour distance of the samples to training images and to held-out test images, with
 * both reference sets cut to the same size (the distance to the nearest of more images is smaller,
 * so unequal sets would bias the comparison), and of test images to the training images as the
 * distance a fresh draw of the data itself has.
 *
 * <p>A memorising model has {@code samplesToTrain} well below {@code samplesToTest} (and below
 * {@code testToTrain}); a model of the distribution has the two about equal.
 *
 * @param samplesToTrain mean distance from each sample to its nearest training image
 * @param samplesToTest mean distance from each sample to its nearest test image
 * @param testToTrain mean distance from each test image to its nearest training image
 * @param referenceSize how many images each reference set held
 */
public record MemorisationCheck(
        double samplesToTrain, double samplesToTest, double testToTrain, long referenceSize) {

    /**
     * Runs the check.
     *
     * @param samples the generated samples, {@code (n, ...)}
     * @param train training images, {@code (m, ...)}
     * @param test test images, {@code (m', ...)}; both sets are cut to {@code min(m, m')}
     * @return the distances
     * @throws IllegalArgumentException if the shapes differ or a set is empty
     */
    public static MemorisationCheck of(NDArray samples, NDArray train, NDArray test) {
        long size = Math.min(train.getShape().get(0), test.getShape().get(0));
        NDArray trainReference = train.get(":{}", size);
        NDArray testReference = test.get(":{}", size);
        return new MemorisationCheck(
                NearestNeighbourDistance.mean(samples, trainReference),
                NearestNeighbourDistance.mean(samples, testReference),
                NearestNeighbourDistance.mean(testReference, trainReference),
                size);
    }

    /**
     * One line for the command line.
     *
     * @return the summary
     */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "mean nearest-neighbour distance (sets of %d): samples→train %.3f, samples→test"
                        + " %.3f, test→train %.3f",
                referenceSize,
                samplesToTrain,
                samplesToTest,
                testToTrain);
    }
}
