/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps Tribuo examples onto dense rows by a feature map: feature id {@code i} goes to column {@code
 * i}, absent features are 0 (Tribuo's convention for sparse examples), features the map does not
 * know are ignored.
 */
final class DenseFeatures {

    private DenseFeatures() {}

    /**
     * Builds the {@code (examples, features)} matrix.
     *
     * @param examples the examples, at least one
     * @param featureMap the map giving each known feature its column
     * @param manager the manager of the result
     * @param used if not null, receives each example's count of known features
     * @return the matrix
     * @throws IllegalArgumentException if an example has none of the map's features, or a NaN or
     *     infinite value; the message names the example and the feature
     */
    static NDArray toMatrix(
            List<? extends Example<?>> examples,
            ImmutableFeatureMap featureMap,
            NDManager manager,
            int[] used) {
        int columns = featureMap.size();
        float[] values = new float[Math.multiplyExact(examples.size(), columns)];
        int row = 0;
        for (Example<?> example : examples) {
            int known = 0;
            for (Feature feature : example) {
                int id = featureMap.getID(feature.getName());
                if (id < 0) {
                    continue;
                }
                double value = feature.getValue();
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(
                            "Example "
                                    + row
                                    + " has feature '"
                                    + feature.getName()
                                    + "' = "
                                    + value
                                    + "; energies are defined for finite feature values only");
                }
                values[row * columns + id] = (float) value;
                known++;
            }
            if (known == 0) {
                throw new IllegalArgumentException(
                        "Example "
                                + row
                                + " has none of the model's "
                                + columns
                                + " features (it has "
                                + names(example)
                                + "); expected at least one of them");
            }
            if (used != null) {
                used[row] = known;
            }
            row++;
        }
        return manager.create(values, new Shape(examples.size(), columns));
    }

    private static String names(Example<?> example) {
        List<String> names = new ArrayList<>();
        for (Feature feature : example) {
            if (names.size() == 5) {
                names.add("…");
                break;
            }
            names.add(feature.getName());
        }
        return names.isEmpty() ? "no features" : String.join(", ", names);
    }
}
