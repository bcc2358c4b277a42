/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import io.github.energygan.util.RandomStream;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Measures sets of images against a fixed reference of real ones, in the feature space of an
 * {@link ImageClassifier}: FID, KID, density and coverage, and the histogram of the classes the
 * classifier assigns.
 *
 * <p>The reference's features, their Gaussian fit and the density-coverage balls are computed
 * once, so that many sets (raw generator samples, chains after MCMC, a real-data floor) are
 * measured against the same reference cheaply. FID and coverage depend on the number of images
 * measured: compare sets of equal size, and read every figure beside the real-data floor at that
 * size ({@link #realFloor}), the score of real held-out images that no generator can beat.
 */
public final class ImageQualityEvaluation implements AutoCloseable {

    private static final long SALT_KID = 0x6B6964L;

    private final ImageClassifier classifier;
    private final NDManager manager;
    private final NDArray referenceFeatures;
    private final FrechetDistance.Statistics referenceStatistics;
    private final DensityCoverage densityCoverage;

    /**
     * Prepares the reference.
     *
     * @param classifier the feature extractor; not closed by this evaluation
     * @param reference real images {@code (M, 1, height, width)}, in the range the classifier was
     *     trained on (the test set, typically)
     * @throws IllegalArgumentException if the images do not fit the classifier
     */
    public ImageQualityEvaluation(ImageClassifier classifier, NDArray reference) {
        this.classifier = classifier;
        this.manager = reference.getManager().newSubManager();
        try {
            referenceFeatures = classifier.features(reference);
            referenceFeatures.attach(manager);
            referenceStatistics = FrechetDistance.Statistics.of(referenceFeatures);
            densityCoverage =
                    DensityCoverage.fit(referenceFeatures, DensityCoverage.DEFAULT_NEIGHBOURS);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Measures a set of images.
     *
     * @param images {@code (n >= 2, 1, height, width)}, in the classifier's range
     * @param seed the seed of KID's subsets
     * @return the figures
     * @throws IllegalArgumentException if the images do not fit the classifier, or are not finite
     */
    public ImageQuality evaluate(NDArray images, long seed) {
        if (images.getShape().dimension() != 4 || images.getShape().get(0) < 2) {
            throw new IllegalArgumentException(
                    "Image quality needs (n >= 2, 1, height, width) images, got "
                            + images.getShape());
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = images.toType(DataType.FLOAT32, true);
            x.attach(scope);
            if (x.isInfinite().logicalOr(x.isNaN()).any().getBoolean()) {
                throw new IllegalArgumentException(
                        "The images hold NaN or infinite pixels; a diverged model's samples"
                                + " cannot be measured");
            }
            NDArray features = classifier.features(x);
            double fid;
            try (FrechetDistance.Statistics statistics = FrechetDistance.Statistics.of(features)) {
                fid = FrechetDistance.between(statistics, referenceStatistics);
            }
            KernelDistance kid =
                    KernelDistance.between(
                            features,
                            referenceFeatures,
                            RandomStream.derivedSeed(seed, SALT_KID, 0));
            DensityCoverage.Result dc = densityCoverage.measure(features);
            long[] labels = classifier.predict(x).toLongArray();
            double[] fractions = new double[classifier.getManifest().classes()];
            for (long label : labels) {
                fractions[(int) label] += 1.0 / labels.length;
            }
            return new ImageQuality(
                    images.getShape().get(0),
                    referenceFeatures.getShape().get(0),
                    fid,
                    kid,
                    dc.density(),
                    dc.coverage(),
                    fractions,
                    x.toType(DataType.FLOAT64, false).mean().getDouble(),
                    classifier.getDigest());
        }
    }

    /**
     * Measures {@code n} real images drawn without replacement from a held-out set: the floor that
     * generated samples are read against at the same {@code n}.
     *
     * @param realImages real images not in the reference (held-out training images, typically)
     * @param n how many to draw, {@code 2..size}
     * @param seed the seed of the draw and of KID's subsets
     * @return the figures
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public ImageQuality realFloor(NDArray realImages, int n, long seed) {
        long size = realImages.getShape().get(0);
        if (n < 2 || n > size) {
            throw new IllegalArgumentException(
                    "The real floor draws 2.." + size + " images, got " + n);
        }
        long[] rows =
                Arrays.copyOf(
                        RandomStream.shuffledIndices(new SplittableRandom(seed), (int) size), n);
        try (NDManager scope = manager.newSubManager()) {
            NDArray picked = realImages.get(scope.create(rows));
            picked.attach(scope);
            return evaluate(picked, seed);
        }
    }

    /**
     * Returns the reference's size.
     *
     * @return {@code M}
     */
    public long getReferenceSize() {
        return referenceFeatures.getShape().get(0);
    }

    /** {@inheritDoc} */
    @Override
    public void close() {
        densityCoverage.close();
        referenceStatistics.close();
        manager.close();
    }
}
