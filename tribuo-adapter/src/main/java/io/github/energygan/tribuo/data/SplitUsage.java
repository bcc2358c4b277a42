/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

/**
 * Which part of a seeded train/test split a source reads, for the files that have no split of their
 * own ({@link DigitsDataSource}, {@link BreastCancerDataSource}).
 */
public enum SplitUsage {
    /** The examples not in TEST. */
    TRAIN,
    /** The first {@code testFraction} of each class's shuffled examples. */
    TEST
}
