/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;

import org.tribuo.Example;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataSourceProvenance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The 1,797 handwritten digits of 8×8 pixels that scikit-learn bundles (UCI's optical recognition
 * of handwritten digits, test part), as Tribuo anomaly-detection examples: the 64 pixels as features
 * {@code pixel-00 … pixel-63} with values in {@code [0, 1]} (the file's 0–16 divided by 16),
 * EXPECTED when the digit is one of {@link #expectedClasses}, ANOMALOUS otherwise.
 *
 * <p>The file has no train/test split of its own, so this source makes one: each digit's examples
 * are shuffled by {@link #splitSeed} and the first {@link #testFraction} of them form TEST, the
 * rest TRAIN. The two usages with the same seed and fraction are disjoint and together hold every
 * example, and each keeps the digits' proportions. Read from Debian's {@code python3-sklearn}
 * package by default; configurable from OLCUT XML.
 */
public final class DigitsDataSource extends EventSource {

    /** Where Debian's {@code python3-sklearn} puts the file. */
    public static final String DEFAULT_FILE =
            "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";

    /** The number of features: 8 × 8 pixels. */
    public static final int FEATURES = 64;

    /** The number of examples in the file. */
    public static final int SIZE = 1797;

    @Config(description = "The gzipped CSV: 64 pixel values 0-16 and the digit, per line.")
    private String file = DEFAULT_FILE;

    @Config(description = "Which part of the seeded split to read: TRAIN or TEST.")
    private SplitUsage usage = SplitUsage.TRAIN;

    @Config(description = "Keep only these digits (0-9); empty keeps all.")
    private int[] classes = {};

    @Config(
            mandatory = true,
            description = "The digits that are EXPECTED events; the others are ANOMALOUS.")
    private int[] expectedClasses;

    @Config(description = "The fraction of each digit's examples in TEST, in (0, 1).")
    private double testFraction = 0.5;

    @Config(description = "The seed of the split.")
    private long splitSeed = 0L;

    /** For OLCUT. */
    private DigitsDataSource() {}

    /**
     * Reads the digits.
     *
     * @param file the gzipped CSV
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
        this.file = file.toString();
        this.usage = usage;
        this.classes = classes.clone();
        this.expectedClasses = expectedClasses.clone();
        this.testFraction = testFraction;
        this.splitSeed = splitSeed;
        postConfig();
    }

    /**
     * Checks the configuration and reads the file; used by OLCUT.
     *
     * @throws PropertyException naming the field out of range
     * @throws UncheckedIOException if the file is missing or malformed
     */
    @Override
    public void postConfig() {
        checkClasses("classes", classes, false);
        checkClasses("expectedClasses", expectedClasses, true);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new PropertyException(
                    "", "testFraction", "testFraction must lie in (0, 1), got " + testFraction);
        }
        if (usage == null) {
            throw new PropertyException("", "usage", "usage must be TRAIN or TEST");
        }
        setExamples(read());
    }

    private static void checkClasses(String field, int[] values, boolean nonEmpty) {
        if (values == null || (nonEmpty && values.length == 0)) {
            throw new PropertyException("", field, field + " must list at least one digit in 0-9");
        }
        for (int c : values) {
            if (c < 0 || c > 9) {
                throw new PropertyException("", field, field + " holds " + c + "; digits are 0-9");
            }
        }
    }

    private List<Example<Event>> read() {
        List<double[]> rows = new ArrayList<>(SIZE);
        List<Integer> labels = new ArrayList<>(SIZE);
        Path path = Path.of(file);
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(path)),
                                StandardCharsets.US_ASCII))) {
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
                            path + " line " + number + ": expected 65 values, got " + cells.length);
                }
                double[] row = new double[FEATURES];
                for (int j = 0; j < FEATURES; j++) {
                    double value = Double.parseDouble(cells[j].trim());
                    if (!(value >= 0 && value <= 16)) {
                        throw new IOException(
                                path + " line " + number + ": pixel " + j + " is " + value
                                        + ", expected 0-16");
                    }
                    row[j] = value / 16.0;
                }
                int label = (int) Double.parseDouble(cells[FEATURES].trim());
                if (label < 0 || label > 9) {
                    throw new IOException(
                            path + " line " + number + ": digit " + label + ", expected 0-9");
                }
                rows.add(row);
                labels.add(label);
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(
                    "Digits file "
                            + path.toAbsolutePath()
                            + " not found; install Debian's python3-sklearn (apt-get install"
                            + " python3-sklearn) or set 'file'",
                    e);
        } catch (IOException | NumberFormatException e) {
            throw new UncheckedIOException(
                    "Cannot read the digits file " + path.toAbsolutePath() + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        boolean[] keep = new boolean[10];
        if (classes.length == 0) {
            java.util.Arrays.fill(keep, true);
        }
        for (int c : classes) {
            keep[c] = true;
        }
        boolean[] expected = new boolean[10];
        for (int c : expectedClasses) {
            expected[c] = true;
        }
        boolean[] inTest = StratifiedSplit.testRows(labels, 10, testFraction, splitSeed);
        String[] names = featureNames();
        List<Example<Event>> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int label = labels.get(i);
            if (keep[label] && inTest[i] == (usage == SplitUsage.TEST)) {
                Event event =
                        expected[label] ? AnomalyFactory.EXPECTED_EVENT : AnomalyFactory.ANOMALOUS_EVENT;
                result.add(new ArrayExample<>(event, names, rows.get(i)));
            }
        }
        return result;
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


    @Override
    public String toString() {
        return "DigitsDataSource(file=" + file + ", usage=" + usage + ", examples="
                + count() + ")";
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
