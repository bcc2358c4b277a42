/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The quality of a set of images, measured in a classifier's feature space against a reference
 * set of real images ({@link ImageQualityEvaluation}).
 *
 * @param samples how many images were measured; FID, KID's spread and coverage depend on it, so
 *     figures are comparable at equal counts only
 * @param referenceSize how many real images the reference holds
 * @param fid the squared Fréchet distance of the features ({@link FrechetDistance})
 * @param kid the kernel distance ({@link KernelDistance})
 * @param density Naeem et al.'s density ({@link DensityCoverage})
 * @param coverage Naeem et al.'s coverage
 * @param classFractions the fraction of images the classifier assigns to each class
 * @param meanPixel the images' mean pixel value
 * @param classifierDigest the classifier's SHA-256, which names the feature space
 */
public record ImageQuality(
        long samples,
        long referenceSize,
        double fid,
        KernelDistance kid,
        double density,
        double coverage,
        double[] classFractions,
        double meanPixel,
        String classifierDigest) {

    /** The share below which a class counts as missing. */
    public static final double PRESENT = 0.01;

    /**
     * Checks and copies the fractions.
     *
     * @throws IllegalArgumentException if there are no classes
     */
    public ImageQuality {
        if (classFractions == null || classFractions.length < 2) {
            throw new IllegalArgumentException("Give the fractions of >= 2 classes");
        }
        classFractions = classFractions.clone();
    }

    /** {@inheritDoc} */
    @Override
    public double[] classFractions() {
        return classFractions.clone();
    }

    /**
     * The Kullback–Leibler divergence of the class histogram from the uniform one, {@code Σ p_c
     * log(C·p_c)} in nats: 0 when every class is equally frequent, {@code log C} when one class
     * takes everything.
     *
     * @return the divergence, {@code >= 0}
     */
    public double klFromUniform() {
        double kl = 0;
        for (double p : classFractions) {
            if (p > 0) {
                kl += p * Math.log(classFractions.length * p);
            }
        }
        return kl;
    }

    /**
     * The number of classes with at least {@value #PRESENT} of the images.
     *
     * @return the count
     */
    public int classesPresent() {
        return (int) Arrays.stream(classFractions).filter(p -> p >= PRESENT).count();
    }

    /**
     * One line for the command line.
     *
     * @return the summary
     */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "n = %d: FID %.2f, KID %.4f ± %.4f, density %.3f, coverage %.3f, classes ≥ 1%%"
                        + " %d/%d, KL(classes ‖ uniform) %.3f, mean pixel %.3f",
                samples,
                fid,
                kid.mean(),
                kid.standardDeviation(),
                density,
                coverage,
                classesPresent(),
                classFractions.length,
                klFromUniform(),
                meanPixel);
    }

    /**
     * The figures as a map for JSON reports.
     *
     * @return field name to value, in a fixed order
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("samples", samples);
        map.put("referenceSize", referenceSize);
        map.put("fid", fid);
        map.put("kid", kid.mean());
        map.put("kidStandardDeviation", kid.standardDeviation());
        map.put("kidSubsets", kid.subsets());
        map.put("kidSubsetSize", kid.subsetSize());
        map.put("density", density);
        map.put("coverage", coverage);
        map.put("classFractions", classFractions());
        map.put("classesPresent", classesPresent());
        map.put("klFromUniform", klFromUniform());
        map.put("meanPixel", meanPixel);
        map.put("classifierSha256", classifierDigest);
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageQuality q
                && samples == q.samples
                && referenceSize == q.referenceSize
                && Double.compare(fid, q.fid) == 0
                && kid.equals(q.kid)
                && Double.compare(density, q.density) == 0
                && Double.compare(coverage, q.coverage) == 0
                && Arrays.equals(classFractions, q.classFractions)
                && Double.compare(meanPixel, q.meanPixel) == 0
                && classifierDigest.equals(q.classifierDigest);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(classFractions) + Double.hashCode(fid);
    }

    @Override
    public String toString() {
        return "ImageQuality[" + summary() + ", classFractions=" + Arrays.toString(classFractions) + "]";
    }
}
