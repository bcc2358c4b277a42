/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.translate.TranslateException;

import java.io.IOException;

/**
 * Checks a training set once, before any training starts: not empty, every sample of the
 * expected shape, every value finite. A problem is reported with the index of the first bad row.
 */
public final class DatasetValidator {

    private static final int CHUNK = 4096;

    private DatasetValidator() {}

    /**
     * Validates a dataset whose records' first data array is one sample.
     *
     * @param dataset the dataset, already prepared
     * @param sampleShape the shape of one sample, without the batch axis
     * @param manager a manager for the temporary arrays (nothing stays attached to it)
     * @throws IllegalArgumentException if the dataset is empty, a sample has the wrong shape, or
     *     a value is NaN or infinite
     * @throws IOException if the dataset cannot be read
     * @throws TranslateException if the dataset cannot be read
     */
    public static void requireFiniteSamples(
            RandomAccessDataset dataset, Shape sampleShape, NDManager manager)
            throws IOException, TranslateException {
        long size = dataset.size();
        if (size == 0) {
            throw new IllegalArgumentException(
                    "The training dataset is empty; expected at least one sample of shape "
                            + sampleShape);
        }
        long offset = 0;
        try (NDManager scope = manager.newSubManager()) {
            for (Batch batch :
                    dataset.getData(scope, new BatchSampler(new SequenceSampler(), CHUNK, false))) {
                try {
                    NDArray x = batch.getData().head();
                    Shape shape = x.getShape();
                    if (!shape.slice(1).equals(sampleShape)) {
                        throw new IllegalArgumentException(
                                "Training samples have shape "
                                        + shape.slice(1)
                                        + " but the model expects "
                                        + sampleShape);
                    }
                    NDArray bad = x.isNaN().logicalOr(x.isInfinite());
                    NDArray badRows =
                            bad.reshape(shape.get(0), -1).toType(DataType.INT32, false).sum(new int[] {1});
                    if (badRows.gt(0).any().getBoolean()) {
                        long row = offset + badRows.argMax().getLong();
                        throw new IllegalArgumentException(
                                "Training sample "
                                        + row
                                        + " contains NaN or infinite values; every value must be"
                                        + " finite");
                    }
                    offset += shape.get(0);
                } finally {
                    batch.close();
                }
            }
        }
    }
}
