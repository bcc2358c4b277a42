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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 569 Wisconsin diagnostic breast cancer cases that scikit-learn bundles, as Tribuo
 * anomaly-detection examples: 30 measurements of cell nuclei in their own units (radii near 10,
 * areas near 1,000, smoothness near 0.1), class 0 malignant and 1 benign, EXPECTED when the class is
 * one of {@link #expectedClasses}. The usual anomaly task is benign normal, malignant anomalous.
 *
 * <p>The file has no train/test split of its own: each class is shuffled by {@link #splitSeed} and
 * its first {@link #testFraction} forms TEST, the rest TRAIN. Read from Debian's {@code
 * python3-sklearn} package by default; configurable from OLCUT XML.
 */
public final class BreastCancerDataSource extends EventSource {

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

    @Config(description = "The CSV: a header line, then 30 measurements and the class per line.")
    private String file = DEFAULT_FILE;

    @Config(description = "Which part of the seeded split to read: TRAIN or TEST.")
    private SplitUsage usage = SplitUsage.TRAIN;

    @Config(description = "Keep only these classes (0 malignant, 1 benign); empty keeps both.")
    private int[] classes = {};

    @Config(
            mandatory = true,
            description = "The classes that are EXPECTED events; the others are ANOMALOUS.")
    private int[] expectedClasses;

    @Config(description = "The fraction of each class's examples in TEST, in (0, 1).")
    private double testFraction = 0.5;

    @Config(description = "The seed of the split.")
    private long splitSeed = 0L;

    /** For OLCUT. */
    private BreastCancerDataSource() {}

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
            throw new PropertyException(
                    "", field, field + " must list at least one class: 0 malignant, 1 benign");
        }
        for (int c : values) {
            if (c != MALIGNANT && c != BENIGN) {
                throw new PropertyException(
                        "", field, field + " holds " + c + "; the classes are 0 malignant, 1 benign");
            }
        }
    }

    private List<Example<Event>> read() {
        List<double[]> rows = new ArrayList<>(SIZE);
        List<Integer> labels = new ArrayList<>(SIZE);
        Path path = Path.of(file);
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
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
                    throw new IOException(
                            "line " + number + ": expected 31 values, got " + cells.length);
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
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(
                    "Breast cancer file "
                            + path.toAbsolutePath()
                            + " not found; install Debian's python3-sklearn (apt-get install"
                            + " python3-sklearn) or set 'file'",
                    e);
        } catch (IOException | NumberFormatException e) {
            throw new UncheckedIOException(
                    "Cannot read the breast cancer file " + path.toAbsolutePath() + ": "
                            + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        boolean[] keep = {classes.length == 0, classes.length == 0};
        for (int c : classes) {
            keep[c] = true;
        }
        boolean[] expected = new boolean[2];
        for (int c : expectedClasses) {
            expected[c] = true;
        }
        boolean[] inTest = StratifiedSplit.testRows(labels, 2, testFraction, splitSeed);
        List<Example<Event>> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int label = labels.get(i);
            if (keep[label] && inTest[i] == (usage == SplitUsage.TEST)) {
                Event event =
                        expected[label]
                                ? AnomalyFactory.EXPECTED_EVENT
                                : AnomalyFactory.ANOMALOUS_EVENT;
                result.add(new ArrayExample<>(event, NAMES, rows.get(i)));
            }
        }
        return result;
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

    @Override
    public String toString() {
        return "BreastCancerDataSource(file=" + file + ", usage=" + usage + ", examples="
                + count() + ")";
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
