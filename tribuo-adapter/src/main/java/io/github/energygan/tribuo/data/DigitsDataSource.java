/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;

import org.tribuo.provenance.DataSourceProvenance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The 1,797 handwritten digits of 8×8 pixels that scikit-learn bundles (UCI's optical recognition
 * of handwritten digits, test part), as Tribuo anomaly-detection examples: the 64 pixels as features
 * {@code pixel-00 … pixel-63} with values in {@code [0, 1]} (the file's 0–16 divided by 16),
 * EXPECTED when the digit is one of {@code expectedClasses}, ANOMALOUS otherwise.
 *
 * <p>The file has no train/test split of its own, so this source makes one: each digit's examples
 * are shuffled by {@code splitSeed} and the first {@code testFraction} of them form TEST, the rest
 * TRAIN. The two usages with the same seed and fraction are disjoint and together hold every
 * example, and each keeps the digits' proportions. Read from Debian's {@code python3-sklearn}
 * package by default; configurable from OLCUT XML ({@code file}, {@code usage}, {@code classes},
 * {@code expectedClasses}, {@code testFraction}, {@code splitSeed}).
 */
public final class DigitsDataSource extends SplitFileSource {

    /** Where Debian's {@code python3-sklearn} puts the file. */
    public static final String DEFAULT_FILE =
            "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";

    /** The number of features: 8 × 8 pixels. */
    public static final int FEATURES = 64;

    /** The number of examples in the file. */
    public static final int SIZE = 1797;

    /** For OLCUT. */
    private DigitsDataSource() {
        super(DEFAULT_FILE);
    }

    /**
     * Reads the digits.
     *
     * @param file the gzipped CSV: 64 pixel values 0–16 and the digit, per line
     * @param usage the part of the split
     * @param classes the digits to keep; empty keeps all
     * @param expectedClasses the digits that are EXPECTED events
     * @param testFraction the fraction of each digit's examples in TEST, in {@code (0, 1)}
     * @param splitSeed the seed of the split
     * @throws PropertyException if a setting is out of range
     * @throws UncheckedIOException if the file is missing (with how to install it) or malformed
     */
    public DigitsDataSource(
            Path file,
            SplitUsage usage,
            int[] classes,
            int[] expectedClasses,
            double testFraction,
            long splitSeed) {
        super(file, usage, classes, expectedClasses, testFraction, splitSeed);
        postConfig();
    }

    @Override
    int classCount() {
        return 10;
    }

    @Override
    String classesText() {
        return "digits are 0-9";
    }

    @Override
    String[] names() {
        return featureNames();
    }

    @Override
    BufferedReader open(Path path) throws IOException {
        return new BufferedReader(
                new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.US_ASCII));
    }

    @Override
    void parse(BufferedReader in, List<double[]> rows, List<Integer> labels) throws IOException {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != FEATURES + 1) {
                throw new IOException(
                        "line " + number + ": expected 65 values, got " + cells.length);
            }
            double[] row = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                double value = Double.parseDouble(cells[j].trim());
                if (!(value >= 0 && value <= 16)) {
                    throw new IOException(
                            "line " + number + ": pixel " + j + " is " + value + ", expected 0-16");
                }
                row[j] = value / 16.0;
            }
            int label = (int) Double.parseDouble(cells[FEATURES].trim());
            if (label < 0 || label > 9) {
                throw new IOException("line " + number + ": digit " + label + ", expected 0-9");
            }
            rows.add(row);
            labels.add(label);
        }
    }

    /**
     * Returns the feature names, {@code pixel-00 … pixel-63}.
     *
     * @return the names, in pixel order
     */
    public static String[] featureNames() {
        return names("pixel-%02d", FEATURES);
    }

    @Override
    public DataSourceProvenance getProvenance() {
        return new DigitsDataSourceProvenance(this);
    }

    /** The provenance of a {@link DigitsDataSource}: its configuration. */
    public static final class DigitsDataSourceProvenance extends ConfiguredSourceProvenance {

        private static final long serialVersionUID = 1L;

        DigitsDataSourceProvenance(DigitsDataSource host) {
            super(host);
        }

        /**
         * Rebuilds the provenance from its marshalled form.
         *
         * @param map the provenance's fields
         */
        public DigitsDataSourceProvenance(Map<String, Provenance> map) {
            super(map, DigitsDataSourceProvenance.class);
        }
    }
}
