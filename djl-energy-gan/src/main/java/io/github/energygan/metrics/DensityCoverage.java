/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Density and coverage of generated samples against real ones (Naeem et al. 2020), in a feature
 * space. Each real feature {@code r_i} owns a ball whose radius is the distance to its {@code k}-th
 * nearest real neighbour. Then, for {@code N} samples {@code s_j}:
 *
 * <ul>
 *   <li><b>density</b> {@code = (1/kN) Σ_j #{i : s_j in ball(r_i)}}: how many real balls a sample
 *       falls into, scaled so that samples of the real distribution score about 1; above 1 when
 *       samples crowd the dense regions;
 *   <li><b>coverage</b> {@code = (1/M) #{i : some s_j in ball(r_i)}}: the fraction of real balls
 *       holding at least one sample, which falls when modes of the real data are missed.
 * </ul>
 *
 * <p>Coverage grows with {@code N}, so figures are comparable at equal {@code N} only. The radii
 * are computed once per reference set ({@link #fit}); all distances run in chunks so memory stays
 * bounded.
 */
public final class DensityCoverage implements AutoCloseable {

    /** The neighbour count of Naeem et al.'s experiments. */
    public static final int DEFAULT_NEIGHBOURS = 5;

    private static final int CHUNK = 256;

    private final NDArray referenceTransposed;
    private final NDArray normsRow;
    private final NDArray radiiRow;
    private final int neighbours;

    /**
     * The two figures.
     *
     * @param density the density, about 1 for real samples
     * @param coverage the coverage, in {@code [0, 1]}
     * @param samples how many samples they were measured on
     */
    public record Result(double density, double coverage, long samples) {}

    private DensityCoverage(
            NDArray referenceTransposed, NDArray normsRow, NDArray radiiRow, int neighbours) {
        this.referenceTransposed = referenceTransposed;
        this.normsRow = normsRow;
        this.radiiRow = radiiRow;
        this.neighbours = neighbours;
    }

    /**
     * Fits the real balls.
     *
     * @param reference real features {@code (M > k, d)}; copied
     * @param neighbours {@code k >= 1}
     * @return the fitted reference; the caller closes it
     * @throws IllegalArgumentException if {@code M <= k}
     */
    public static DensityCoverage fit(NDArray reference, int neighbours) {
        if (reference.getShape().dimension() != 2 || neighbours < 1) {
            throw new IllegalArgumentException(
                    "Density and coverage need (M, d) real features and k >= 1, got "
                            + reference.getShape()
                            + " and k = "
                            + neighbours);
        }
        long m = reference.getShape().get(0);
        if (m <= neighbours) {
            throw new IllegalArgumentException(
                    "Density and coverage need more than k = " + neighbours + " real features, got " + m);
        }
        NDManager manager = reference.getManager().newSubManager();
        try {
            NDArray copy = reference.toType(DataType.FLOAT32, true);
            copy.attach(manager);
            NDArray transposed = copy.transpose();
            NDArray norms = copy.square().sum(new int[] {1}).expandDims(0);
            NDArray radii = manager.zeros(new Shape(m));
            for (long start = 0; start < m; start += CHUNK) {
                long end = Math.min(m, start + CHUNK);
                try (NDManager chunk = manager.newSubManager()) {
                    NDArray rows = copy.get("{}:{}", start, end);
                    rows.attach(chunk);
                    NDArray distances = squaredDistances(rows, transposed, norms);
                    // Column 0 of the sorted row is the point itself (distance 0).
                    NDArray kth = distances.sort(1).get(":, {}", neighbours);
                    radii.set(new NDIndex("{}:{}", start, end), kth);
                }
            }
            return new DensityCoverage(transposed, norms, radii.expandDims(0), neighbours);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Measures samples.
     *
     * @param samples {@code (N >= 1, d)} features of the reference's width
     * @return density and coverage
     * @throws IllegalArgumentException if the widths differ
     */
    public Result measure(NDArray samples) {
        if (samples.getShape().dimension() != 2
                || samples.getShape().get(0) < 1
                || samples.getShape().get(1) != referenceTransposed.getShape().get(0)) {
            throw new IllegalArgumentException(
                    "Samples must be (N >= 1, "
                            + referenceTransposed.getShape().get(0)
                            + ") features, got "
                            + samples.getShape());
        }
        long n = samples.getShape().get(0);
        long m = referenceTransposed.getShape().get(1);
        try (NDManager scope = referenceTransposed.getManager().newSubManager()) {
            NDArray hits = scope.zeros(new Shape(m), DataType.FLOAT32);
            double inside = 0;
            for (long start = 0; start < n; start += CHUNK) {
                long end = Math.min(n, start + CHUNK);
                try (NDManager chunk = scope.newSubManager()) {
                    NDArray slice = samples.get("{}:{}", start, end);
                    slice.attach(chunk);
                    NDArray rows = slice.toType(DataType.FLOAT32, false);
                    NDArray within =
                            squaredDistances(rows, referenceTransposed, normsRow)
                                    .lte(radiiRow)
                                    .toType(DataType.FLOAT32, false);
                    inside += within.sum().getFloat();
                    hits.addi(within.sum(new int[] {0}));
                }
            }
            double covered = hits.gt(0f).toType(DataType.FLOAT32, false).sum().getFloat();
            return new Result(inside / ((double) neighbours * n), covered / m, n);
        }
    }

    /** Squared distances {@code (rows, M)} from {@code rows} to every reference point. */
    private static NDArray squaredDistances(NDArray rows, NDArray transposed, NDArray normsRow) {
        return rows.square()
                .sum(new int[] {1}, true)
                .add(normsRow)
                .sub(rows.matMul(transposed).mul(2f))
                .maximum(0f);
    }

    /** {@inheritDoc} */
    @Override
    public void close() {
        referenceTransposed.getManager().close();
    }
}
