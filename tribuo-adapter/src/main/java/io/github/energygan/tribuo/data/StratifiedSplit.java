/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded train/test split of a labelled file that has none of its own: each class's examples are
 * shuffled by the seed and the first {@code testFraction} of them form TEST, the rest TRAIN. The two
 * parts are disjoint, together hold every example, and each keeps the classes' proportions.
 */
final class StratifiedSplit {

    private StratifiedSplit() {}

    /**
     * Marks the TEST examples.
     *
     * @param labels each example's class, in {@code [0, classes)}
     * @param classes the number of classes
     * @param testFraction the fraction of each class in TEST, in {@code (0, 1)}
     * @param seed the seed of the split
     * @return per example, whether it is in TEST
     */
    static boolean[] testRows(List<Integer> labels, int classes, double testFraction, long seed) {
        boolean[] test = new boolean[labels.size()];
        for (int label = 0; label < classes; label++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                if (labels.get(i) == label) {
                    rows.add(i);
                }
            }
            SplittableRandom random = new SplittableRandom(seed * 31 + label);
            for (int i = rows.size() - 1; i > 0; i--) {
                Collections.swap(rows, i, random.nextInt(i + 1));
            }
            long testCount = Math.round(testFraction * rows.size());
            for (int k = 0; k < testCount; k++) {
                test[rows.get(k)] = true;
            }
        }
        return test;
    }
}
