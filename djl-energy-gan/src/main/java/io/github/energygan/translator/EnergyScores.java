/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

/**
 * The energies and squared input-gradient norms of a batch, row by row.
 *
 * @param energies {@code U(x_i)}, one per row
 * @param squaredGradientNorms {@code ||∇_x U(x_i)||²}, one per row
 */
public record EnergyScores(float[] energies, float[] squaredGradientNorms) {

    /**
     * Returns the score of one row.
     *
     * @param row the row index
     * @return its score
     */
    public EnergyScore get(int row) {
        return new EnergyScore(energies[row], squaredGradientNorms[row]);
    }

    /**
     * Returns the number of rows.
     *
     * @return the batch size
     */
    public int size() {
        return energies.length;
    }
}
