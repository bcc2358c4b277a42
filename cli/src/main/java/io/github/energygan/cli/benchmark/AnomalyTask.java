/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli.benchmark;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.tribuo.data.BreastCancerDataSource;
import io.github.energygan.tribuo.data.DigitsDataSource;
import io.github.energygan.tribuo.data.FashionMnistDataSource;
import io.github.energygan.tribuo.data.SplitUsage;
import io.github.energygan.tribuo.data.SubspaceDataSource;

import org.tribuo.DataSource;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.Event;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The data sets of the anomaly benchmark, each read through the project's Tribuo data sources, and
 * how a protocol splits them: which examples a model trains on (all EXPECTED) and which it is
 * tested on.
 */
public enum AnomalyTask {

    /**
     * The 1,797 8×8 handwritten digits of Debian's {@code python3-sklearn}, split in halves per
     * digit by the run's seed ({@link DigitsDataSource}); ten classes.
     */
    DIGITS("digits", "configs/energy-anomaly-digits.xml", 10) {
        @Override
        Split split(Protocol protocol, int c, long seed, Path data) {
            Path file = data != null ? data : Path.of(DigitsDataSource.DEFAULT_FILE);
            int[] all = IntStream.range(0, 10).toArray();
            int[] normal = protocol == Protocol.ONE_CLASS ? new int[] {c} : allBut(c);
            return new Split(
                    new DigitsDataSource(
                            file, SplitUsage.TRAIN, normal, normal, 0.5, seed),
                    new DigitsDataSource(
                            file, SplitUsage.TEST, all, normal, 0.5, seed));
        }

        @Override
        String[] featureNames() {
            return DigitsDataSource.featureNames();
        }

        @Override
        String className(int c) {
            return "digit " + c;
        }
    },

    /**
     * The 569 breast cancer cases of Debian's {@code python3-sklearn}: 30 measurements in their own
     * units, class 0 malignant and 1 benign, split in halves per class by the run's seed ({@link
     * BreastCancerDataSource}). With the one-class protocol, class 1 is the usual task: benign
     * normal, malignant anomalous.
     */
    BREAST_CANCER("breast-cancer", "configs/energy-anomaly-breast-cancer.xml", 2) {
        @Override
        Split split(Protocol protocol, int c, long seed, Path data) {
            if (protocol != Protocol.ONE_CLASS) {
                throw new IllegalArgumentException(
                        "The breast-cancer task has two classes; run it with the ONE_CLASS"
                                + " protocol");
            }
            Path file = data != null ? data : Path.of(BreastCancerDataSource.DEFAULT_FILE);
            int[] normal = {c};
            return new Split(
                    new BreastCancerDataSource(file, SplitUsage.TRAIN, normal, normal, 0.5, seed),
                    new BreastCancerDataSource(
                            file, SplitUsage.TEST, new int[0], normal, 0.5, seed));
        }

        @Override
        String[] featureNames() {
            return BreastCancerDataSource.featureNames();
        }

        @Override
        String className(int c) {
            return c == BreastCancerDataSource.BENIGN ? "benign" : "malignant";
        }
    },

    /**
     * 20 correlated Gaussian features near a 3-d subspace, anomalies off it at the same norm
     * ({@link SubspaceDataSource}): 2,000 normal training events, 2,000 test events of which half
     * are anomalous, the subspace and both draws seeded by the run's seed. One class, one-class
     * protocol only.
     */
    SUBSPACE("subspace", "configs/energy-anomaly-subspace.xml", 1) {
        @Override
        Split split(Protocol protocol, int c, long seed, Path data) {
            if (protocol != Protocol.ONE_CLASS) {
                throw new IllegalArgumentException(
                        "The subspace task has one class; run it with the ONE_CLASS protocol");
            }
            return new Split(
                    new SubspaceDataSource(20, 3, 0.1, 2000, 0.0, seed, 2 * seed + 1),
                    new SubspaceDataSource(20, 3, 0.1, 2000, 0.5, seed, 2 * seed + 2));
        }

        @Override
        String[] featureNames() {
            return SubspaceDataSource.featureNames(20);
        }

        @Override
        String className(int c) {
            return "subspace";
        }
    },

    /**
     * Fashion-MNIST's 60,000 training and 10,000 test images from Debian's {@code
     * dataset-fashion-mnist} ({@link FashionMnistDataSource}); ten classes.
     */
    FASHION_MNIST("fashion-mnist", "configs/energy-anomaly-fashion-mnist.xml", 10) {
        @Override
        Split split(Protocol protocol, int c, long seed, Path data) {
            Path folder = data != null ? data : Path.of(FashionMnist.DEFAULT_FOLDER);
            int[] normal = protocol == Protocol.ONE_CLASS ? new int[] {c} : allBut(c);
            return new Split(
                    new FashionMnistDataSource(
                            folder, FashionMnist.Usage.TRAIN, normal, normal, 0),
                    new FashionMnistDataSource(
                            folder, FashionMnist.Usage.TEST, new int[0], normal, 0));
        }

        @Override
        String[] featureNames() {
            return FashionMnistDataSource.featureNames();
        }

        @Override
        String className(int c) {
            return FashionMnist.CLASSES.get(c);
        }
    };

    /** The benchmark's protocols. */
    public enum Protocol {
        /** Train on one class; test on all, the other classes ANOMALOUS. */
        ONE_CLASS,
        /** Train on every class but one; test on all, that class ANOMALOUS. */
        HELD_OUT
    }

    /**
     * A protocol's data for one class and seed, before the benchmark's subsampling.
     *
     * @param train EXPECTED examples only
     * @param test both kinds
     */
    record Split(DataSource<Event> train, DataSource<Event> test) {

        MutableDataset<Event> trainSet() {
            return new MutableDataset<>(train);
        }

        MutableDataset<Event> testSet() {
            return new MutableDataset<>(test);
        }
    }

    private final String id;
    private final String config;
    private final int classes;

    AnomalyTask(String id, String config, int classes) {
        this.id = id;
        this.config = config;
        this.classes = classes;
    }

    /**
     * Reads the task's data for one protocol, class and seed.
     *
     * @param protocol the protocol
     * @param c the normal class (one-class) or the held-out class
     * @param seed the run's seed, for the tasks whose split or draw is seeded
     * @param data the data file or folder, or null for the Debian package's
     * @return the data
     * @throws IllegalArgumentException if the task does not support the protocol
     */
    abstract Split split(Protocol protocol, int c, long seed, Path data);

    /**
     * Returns the names of every feature the task's examples can hold, in column order.
     *
     * @return the names
     */
    abstract String[] featureNames();

    /**
     * Names a class for the reports.
     *
     * @param c the class
     * @return its name
     */
    abstract String className(int c);

    /**
     * Returns the task's name on the command line.
     *
     * @return the name, such as {@code fashion-mnist}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the path of the task's example config (trainer settings and data), relative to
     * {@code EnergyAnomalyTrainer}'s package in the adapter's jar.
     *
     * @return the resource path
     */
    public String config() {
        return config;
    }

    /**
     * Returns the task's classes.
     *
     * @return {@code 0 … n−1}
     */
    public List<Integer> classes() {
        return IntStream.range(0, classes).boxed().toList();
    }

    /**
     * Finds a task by its command-line name.
     *
     * @param id the name, such as {@code digits}
     * @return the task
     * @throws IllegalArgumentException naming the tasks there are
     */
    public static AnomalyTask of(String id) {
        for (AnomalyTask task : values()) {
            if (task.id.equals(id)) {
                return task;
            }
        }
        throw new IllegalArgumentException(
                "Unknown data set '" + id + "'; expected digits, breast-cancer, subspace or fashion-mnist");
    }

    private static int[] allBut(int c) {
        return IntStream.range(0, 10).filter(k -> k != c).toArray();
    }
}
