/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;

import org.tribuo.Example;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sources of scikit-learn's bundled tables share: a labelled file with no train/test split
 * of its own, read whole, split per class by a seed ({@link StratifiedSplit}), filtered to some
 * classes, and labelled EXPECTED or ANOMALOUS by class. Subclasses parse their file's lines.
 */
abstract class SplitFileSource extends EventSource {

    @Config(description = "The file to read (by default where Debian's python3-sklearn puts it).")
    private String file;

    @Config(description = "Which part of the seeded split to read: TRAIN or TEST.")
    private SplitUsage usage = SplitUsage.TRAIN;

    @Config(description = "Keep only these classes; empty keeps all.")
    private int[] classes = {};

    @Config(
            mandatory = true,
            description = "The classes that are EXPECTED events; the others are ANOMALOUS.")
    private int[] expectedClasses;

    @Config(description = "The fraction of each class's examples in TEST, in (0, 1).")
    private double testFraction = 0.5;

    @Config(description = "The seed of the split.")
    private long splitSeed = 0L;

    /**
     * For OLCUT, which sets the fields and calls {@link #postConfig}.
     *
     * @param defaultFile the file when none is configured
     */
    SplitFileSource(String defaultFile) {
        this.file = defaultFile;
    }

    /**
     * Sets every field; the subclass's constructor then calls {@link #postConfig}.
     *
     * @param file the file
     * @param usage the part of the split
     * @param classes the classes to keep; empty keeps all
     * @param expectedClasses the classes that are EXPECTED events
     * @param testFraction the fraction of each class in TEST, in {@code (0, 1)}
     * @param splitSeed the seed of the split
     */
    SplitFileSource(
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
    }

    /**
     * Returns the number of classes, labelled {@code 0 … n−1}.
     *
     * @return the count
     */
    abstract int classCount();

    /**
     * Names the classes for messages, such as {@code "digits are 0-9"}.
     *
     * @return the text
     */
    abstract String classesText();

    /**
     * Returns the feature names, in column order.
     *
     * @return the names
     */
    abstract String[] names();

    /**
     * Opens the file for reading, decompressing it if need be.
     *
     * @param path the file
     * @return a reader of its text
     * @throws IOException if it cannot be opened
     */
    abstract BufferedReader open(Path path) throws IOException;

    /**
     * Reads the whole file into rows and labels.
     *
     * @param in the file's text
     * @param rows receives each example's features, in {@link #names()} order
     * @param labels receives each example's class
     * @throws IOException naming the line that is malformed
     */
    abstract void parse(BufferedReader in, List<double[]> rows, List<Integer> labels)
            throws IOException;

    /**
     * Checks the configuration and reads the file; used by OLCUT.
     *
     * @throws PropertyException naming the field out of range
     * @throws UncheckedIOException if the file is missing (with how to install it) or malformed
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

    private void checkClasses(String field, int[] values, boolean nonEmpty) {
        if (values == null || (nonEmpty && values.length == 0)) {
            throw new PropertyException(
                    "", field, field + " must list at least one class; " + classesText());
        }
        for (int c : values) {
            if (c < 0 || c >= classCount()) {
                throw new PropertyException(
                        "", field, field + " holds " + c + "; " + classesText());
            }
        }
    }

    private List<Example<Event>> read() {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Path path = Path.of(file);
        try (BufferedReader in = open(path)) {
            parse(in, rows, labels);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(
                    path.toAbsolutePath()
                            + " not found; install Debian's python3-sklearn (apt-get install"
                            + " python3-sklearn) or set 'file'",
                    e);
        } catch (IOException | NumberFormatException e) {
            throw new UncheckedIOException(
                    "Cannot read " + path.toAbsolutePath() + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        boolean[] keep = new boolean[classCount()];
        for (int c = 0; c < keep.length; c++) {
            keep[c] = classes.length == 0;
        }
        for (int c : classes) {
            keep[c] = true;
        }
        boolean[] expected = new boolean[classCount()];
        for (int c : expectedClasses) {
            expected[c] = true;
        }
        boolean[] inTest = StratifiedSplit.testRows(labels, classCount(), testFraction, splitSeed);
        String[] names = names();
        List<Example<Event>> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int label = labels.get(i);
            if (keep[label] && inTest[i] == (usage == SplitUsage.TEST)) {
                Event event =
                        expected[label]
                                ? AnomalyFactory.EXPECTED_EVENT
                                : AnomalyFactory.ANOMALOUS_EVENT;
                result.add(new ArrayExample<>(event, names, rows.get(i)));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName()
                + "(file="
                + file
                + ", usage="
                + usage
                + ", examples="
                + count()
                + ")";
    }
}
