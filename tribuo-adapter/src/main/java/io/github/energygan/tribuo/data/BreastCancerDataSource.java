/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;

import org.tribuo.provenance.DataSourceProvenance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The 569 Wisconsin diagnostic breast cancer cases that scikit-learn bundles, as Tribuo
 * anomaly-detection examples: 30 measurements of cell nuclei in their own units (radii near 10,
 * areas near 1,000, smoothness near 0.1), class 0 malignant and 1 benign, EXPECTED when the class is
 * one of {@code expectedClasses}. The usual anomaly task is benign normal, malignant anomalous.
 *
 * <p>The file has no train/test split of its own: each class is shuffled by {@code splitSeed} and
 * its first {@code testFraction} forms TEST, the rest TRAIN. Read from Debian's {@code
 * python3-sklearn} package by default; configurable from OLCUT XML.
 */
public final class BreastCancerDataSource extends SplitFileSource {

    /** Where Debian's {@code python3-sklearn} puts the file. */
    public static final String DEFAULT_FILE =
            "/usr/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv";

    /** The class of malignant cases. */
    public static final int MALIGNANT = 0;

    /** The class of benign cases. */
    public static final int BENIGN = 1;

    /** The number of examples in the file. */
    public static final int SIZE = 569;

    private static final String[] NAMES = {
        "mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness",
        "mean compactness", "mean concavity", "mean concave points", "mean symmetry",
        "mean fractal dimension", "radius error", "texture error", "perimeter error", "area error",
        "smoothness error", "compactness error", "concavity error", "concave points error",
        "symmetry error", "fractal dimension error", "worst radius", "worst texture",
        "worst perimeter", "worst area", "worst smoothness", "worst compactness", "worst concavity",
        "worst concave points", "worst symmetry", "worst fractal dimension"
    };

    /** For OLCUT. */
    private BreastCancerDataSource() {
        super(DEFAULT_FILE);
    }

    /**
     * Reads the cases.
     *
     * @param file the CSV
     * @param usage the part of the split
     * @param classes the classes to keep; empty keeps both
     * @param expectedClasses the classes that are EXPECTED events
     * @param testFraction the fraction of each class in TEST, in {@code (0, 1)}
     * @param splitSeed the seed of the split
     * @throws PropertyException if a setting is out of range
     * @throws UncheckedIOException if the file is missing (with how to install it) or malformed
     */
    public BreastCancerDataSource(
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
        return 2;
    }

    @Override
    String classesText() {
        return "the classes are 0 malignant, 1 benign";
    }

    @Override
    String[] names() {
        return NAMES;
    }

    @Override
    BufferedReader open(Path path) throws IOException {
        return Files.newBufferedReader(path, StandardCharsets.US_ASCII);
    }

    @Override
    void parse(BufferedReader in, List<double[]> rows, List<Integer> labels) throws IOException {
        String header = in.readLine();
        if (header == null || !header.startsWith(SIZE + "," + NAMES.length + ",")) {
            throw new IOException(
                    "expected the header '569,30,malignant,benign', got '" + header + "'");
        }
        String line;
        int number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != NAMES.length + 1) {
                throw new IOException("line " + number + ": expected 31 values, got " + cells.length);
            }
            double[] row = new double[NAMES.length];
            for (int j = 0; j < NAMES.length; j++) {
                row[j] = Double.parseDouble(cells[j].trim());
                if (!Double.isFinite(row[j])) {
                    throw new IOException("line " + number + ": " + NAMES[j] + " is " + row[j]);
                }
            }
            int label = Integer.parseInt(cells[NAMES.length].trim());
            if (label != MALIGNANT && label != BENIGN) {
                throw new IOException("line " + number + ": class " + label + ", expected 0 or 1");
            }
            rows.add(row);
            labels.add(label);
        }
        if (rows.size() != SIZE) {
            throw new IOException("expected " + SIZE + " cases, got " + rows.size());
        }
    }

    /**
     * Returns the feature names, scikit-learn's ({@code mean radius … worst fractal dimension}).
     *
     * @return the names, in the file's order
     */
    public static String[] featureNames() {
        return NAMES.clone();
    }

    @Override
    public DataSourceProvenance getProvenance() {
        return new BreastCancerDataSourceProvenance(this);
    }

    /** The provenance of a {@link BreastCancerDataSource}: its configuration. */
    public static final class BreastCancerDataSourceProvenance extends ConfiguredSourceProvenance {

        private static final long serialVersionUID = 1L;

        BreastCancerDataSourceProvenance(BreastCancerDataSource host) {
            super(host);
        }

        /**
         * Rebuilds the provenance from its marshalled form.
         *
         * @param map the provenance's fields
         */
        public BreastCancerDataSourceProvenance(Map<String, Provenance> map) {
            super(map, BreastCancerDataSourceProvenance.class);
        }
    }
}
