/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;

import io.github.energygan.dataset.FashionMnist;

import org.tribuo.Example;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataSourceProvenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fashion-MNIST as Tribuo anomaly-detection examples: one image per example, its 784 pixels as
 * features {@code pixel-000 … pixel-783} (row-major, values in {@code [0, 1]}), EXPECTED when its
 * class is one of {@link #expectedClasses}, ANOMALOUS otherwise. Read from the IDX files of
 * Debian's {@code dataset-fashion-mnist} package (or any folder holding them) by {@link
 * FashionMnist}; configurable from OLCUT XML.
 */
public final class FashionMnistDataSource extends EventSource {

    /** The number of features: 28 × 28 pixels. */
    public static final int FEATURES = 28 * 28;

    @Config(description = "Folder of the four Fashion-MNIST IDX files.")
    private String folder = FashionMnist.DEFAULT_FOLDER;

    @Config(description = "Which file pair to read: TRAIN (60,000 images) or TEST (10,000).")
    private FashionMnist.Usage usage = FashionMnist.Usage.TRAIN;

    @Config(description = "Keep only images of these classes (0-9); empty keeps all.")
    private int[] classes = {};

    @Config(
            mandatory = true,
            description = "The classes that are EXPECTED events; the others are ANOMALOUS.")
    private int[] expectedClasses;

    @Config(description = "Keep at most this many images (the first ones); 0 keeps all.")
    private int limit = 0;

    /** For OLCUT. */
    private FashionMnistDataSource() {}

    /**
     * Reads the images.
     *
     * @param folder the folder of the IDX files
     * @param usage the training or the test files
     * @param classes the classes to keep; empty keeps all
     * @param expectedClasses the classes that are EXPECTED events
     * @param limit keep at most this many images; 0 keeps all
     * @throws PropertyException if a class is outside 0–9, no expected class is given, or limit is
     *     negative
     * @throws UncheckedIOException if the files are missing (with how to install them) or corrupt
     */
    public FashionMnistDataSource(
            Path folder,
            FashionMnist.Usage usage,
            int[] classes,
            int[] expectedClasses,
            int limit) {
        this.folder = folder.toString();
        this.usage = usage;
        this.classes = classes.clone();
        this.expectedClasses = expectedClasses.clone();
        this.limit = limit;
        postConfig();
    }

    /**
     * Checks the configuration and reads the images; used by OLCUT.
     *
     * @throws PropertyException naming the field out of range
     * @throws UncheckedIOException if the files are missing or corrupt
     */
    @Override
    public void postConfig() {
        checkClasses("classes", classes, false);
        checkClasses("expectedClasses", expectedClasses, true);
        if (limit < 0) {
            throw new PropertyException("", "limit", "limit must be >= 0, got " + limit);
        }
        if (usage == null) {
            throw new PropertyException("", "usage", "usage must be TRAIN or TEST");
        }
        setExamples(read());
    }

    private static void checkClasses(String field, int[] values, boolean nonEmpty) {
        if (values == null || (nonEmpty && values.length == 0)) {
            throw new PropertyException("", field, field + " must list at least one class in 0-9");
        }
        for (int c : values) {
            if (c < 0 || c > 9) {
                throw new PropertyException(
                        "",
                        field,
                        field
                                + " holds "
                                + c
                                + "; Fashion-MNIST classes are 0-9 "
                                + FashionMnist.CLASSES);
            }
        }
    }

    private List<Example<Event>> read() {
        boolean[] expected = new boolean[10];
        for (int c : expectedClasses) {
            expected[c] = true;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionMnist.Builder builder =
                    FashionMnist.builder()
                            .setManager(manager)
                            .optFolder(Path.of(folder))
                            .optUsage(usage);
            if (classes.length > 0) {
                builder.optClasses(classes);
            }
            if (limit > 0) {
                builder.optLimit(limit);
            }
            FashionMnist images = builder.build();
            // The dataset holds [-1, 1]; Tribuo users get the usual [0, 1] pixel intensities.
            NDArray pixels = images.getImages().add(1f).div(2f);
            float[] values = pixels.toFloatArray();
            int[] labels =
                    images.getLabels()
                            .toType(ai.djl.ndarray.types.DataType.INT32, false)
                            .toIntArray();
            String[] names = featureNames();
            List<Example<Event>> result = new ArrayList<>(labels.length);
            for (int i = 0; i < labels.length; i++) {
                double[] row = new double[FEATURES];
                for (int j = 0; j < FEATURES; j++) {
                    row[j] = values[i * FEATURES + j];
                }
                Event event =
                        expected[labels[i]]
                                ? AnomalyFactory.EXPECTED_EVENT
                                : AnomalyFactory.ANOMALOUS_EVENT;
                result.add(new ArrayExample<>(event, names, row));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Returns the feature names, {@code pixel-000 … pixel-783}.
     *
     * @return the names, in pixel order
     */
    public static String[] featureNames() {
        return names("pixel-%03d", FEATURES);
    }


    @Override
    public DataSourceProvenance getProvenance() {
        return new FashionMnistDataSourceProvenance(this);
    }


    @Override
    public String toString() {
        return "FashionMnistDataSource(folder="
                + folder
                + ", usage="
                + usage
                + ", examples="
                + count()
                + ")";
    }

    /** The provenance of a {@link FashionMnistDataSource}: its configuration. */
    public static final class FashionMnistDataSourceProvenance extends ConfiguredSourceProvenance {

        private static final long serialVersionUID = 1L;

        FashionMnistDataSourceProvenance(FashionMnistDataSource host) {
            super(host);
        }

        /**
         * Rebuilds the provenance from its marshalled form.
         *
         * @param map the provenance's fields
         */
        public FashionMnistDataSourceProvenance(Map<String, Provenance> map) {
            super(map, FashionMnistDataSourceProvenance.class);
        }
    }
}
