/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

/**
 * The energy of examples split in two, {@code U(x) = base(x) + network(x)}: the Gaussian base
 * measure {@code (ρ/2)·‖x‖²} on the standardised features (zeros when {@code ρ = 0}) and what the
 * trained network adds to it.
 *
 * @param base the base measure's part, one entry per example
 * @param network the network's part, one entry per example
 */
public record EnergyTerms(double[] base, double[] network) {

    /**
     * Checks that both parts cover the same examples.
     *
     * @throws IllegalArgumentException if their lengths differ
     */
    public EnergyTerms {
        if (base.length != network.length) {
            throw new IllegalArgumentException(
                    "The base part has "
                            + base.length
                            + " entries and the network part "
                            + network.length
                            + "; expected one of each per example");
        }
        base = base.clone();
        network = network.clone();
    }

    /**
     * Returns the base measure's part.
     *
     * @return a copy
     */
    @Override
    public double[] base() {
        return base.clone();
    }

    /**
     * Returns the network's part.
     *
     * @return a copy
     */
    @Override
    public double[] network() {
        return network.clone();
    }
}
