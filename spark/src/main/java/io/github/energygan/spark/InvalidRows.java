/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import java.util.Locale;

/**
 * What a Spark job does with a row it cannot score: a null feature, a NaN or infinite value, or a
 * vector of the wrong length. Either way, no row ever gets a score computed from a value it does
 * not hold.
 */
public enum InvalidRows {
    /**
     * Stops the job with an {@link IllegalArgumentException} naming the row (its partition and
     * position, and its id when an id column is set), the column and what was expected. The
     * default.
     */
    FAIL,
    /**
     * Keeps the row with null scores and says why in a string column {@value
     * DataFrameScorer#INVALID_REASON} (null on the rows that were scored).
     */
    NULL_SCORES;

    /**
     * Parses a name, case-insensitive, with {@code -} for {@code _}.
     *
     * @param name {@code fail} or {@code null-scores}
     * @return the policy
     * @throws IllegalArgumentException for any other name
     */
    public static InvalidRows parse(String name) {
        try {
            return valueOf(name.trim().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "Unknown invalid-row policy '" + name + "'; expected fail or null-scores", e);
        }
    }
}
