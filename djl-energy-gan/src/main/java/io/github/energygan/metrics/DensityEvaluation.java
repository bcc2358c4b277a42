/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.dataset.GaussianMixture2d;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Measures a 2-D energy {@code U} as a density: {@code U} is evaluated on a grid over the mixture's
 * modes plus a margin (a quarter of their span on each side, at least {@code 10σ}) with a step of
 * {@code σ/5}, and normalised there by log-sum-exp, {@code log p = −U − log Σ exp(−U)·cell}. See
 * {@link DensityQuality} for the figures. The grid is evaluated a chunk at a time, each chunk's
 * arrays in a sub-manager closed after it.
 */
public final class DensityEvaluation {

    private static final int CHUNK = 1 << 16;
    private static final double STEPS_PER_SIGMA = 5;

    private final GaussianMixture2d mixture;
    private final double xMin;
    private final double yMin;
    private final double step;
    private final int nx;
    private final int ny;

    /**
     * Lays out the evaluation grid of a mixture.
     *
     * @param mixture the mixture
     */
    public DensityEvaluation(GaussianMixture2d mixture) {
        this.mixture = Objects.requireNonNull(mixture, "mixture");
        float[][] modes = mixture.getModes();
        double lowX = Double.MAX_VALUE;
        double highX = -Double.MAX_VALUE;
        double lowY = Double.MAX_VALUE;
        double highY = -Double.MAX_VALUE;
        for (float[] m : modes) {
            lowX = Math.min(lowX, m[0]);
            highX = Math.max(highX, m[0]);
            lowY = Math.min(lowY, m[1]);
            highY = Math.max(highY, m[1]);
        }
        double sigma = mixture.getSigma();
        double margin = Math.max(0.25 * Math.max(highX - lowX, highY - lowY), 10 * sigma);
        step = sigma / STEPS_PER_SIGMA;
        xMin = lowX - margin;
        yMin = lowY - margin;
        nx = (int) Math.ceil((highX + margin - xMin) / step) + 1;
        ny = (int) Math.ceil((highY + margin - yMin) / step) + 1;
    }

    /**
     * Returns the evaluation window, {@code {xMin, xMax, yMin, yMax}}.
     *
     * @return the window
     */
    public double[] window() {
        return new double[] {xMin, xMin + (nx - 1) * step, yMin, yMin + (ny - 1) * step};
    }

    /**
     * Evaluates an energy.
     *
     * @param energy maps points {@code (n, 2)} to energies {@code (n)}, in inference mode
     * @param training the points the model was trained on, {@code (n, 2)}, for the KDE peer
     * @param heldOut fresh true samples, {@code (m, 2)}, not used in training
     * @return the figures
     * @throws IllegalArgumentException if the point sets are not {@code (n, 2)} with {@code n ≥ 2}
     */
    public DensityQuality evaluate(
            UnaryOperator<NDArray> energy, NDArray training, NDArray heldOut) {
        checkPoints("training", training);
        checkPoints("heldOut", heldOut);
        NDManager base = heldOut.getManager();
        float[] u = gridEnergies(energy, base);
        double cell = step * step;
        double minU = Double.MAX_VALUE;
        for (float v : u) {
            minU = Math.min(minU, v);
        }
        double sum = 0;
        double near = 0;
        boolean[] nearMode = nearModes(3);
        for (int i = 0; i < u.length; i++) {
            double w = Math.exp(minU - u[i]);
            sum += w;
            if (nearMode[i]) {
                near += w;
            }
        }
        double logZ = -minU + Math.log(sum) + Math.log(cell);
        double heldOutNll;
        try (NDManager scope = base.newSubManager()) {
            NDArray x = heldOut.duplicate();
            x.attach(scope);
            heldOutNll = mean(energies(energy, x, scope)) + logZ;
        }
        return new DensityQuality(
                heldOutNll,
                trueNll(heldOut),
                kdeNll(training, heldOut),
                strictMinima(u),
                mixture.getModes().length,
                meanBarrier(energy, base),
                near / sum,
                logZ);
    }

    private static void checkPoints(String name, NDArray points) {
        Shape shape = points.getShape();
        if (shape.dimension() != 2 || shape.get(1) != 2 || shape.get(0) < 2) {
            throw new IllegalArgumentException(
                    name + " must be points of shape (n >= 2, 2), got " + shape);
        }
    }

    /** U on the grid, row-major with y slowest, a chunk at a time. */
    private float[] gridEnergies(UnaryOperator<NDArray> energy, NDManager base) {
        int total = nx * ny;
        float[] u = new float[total];
        for (int from = 0; from < total; from += CHUNK) {
            int to = Math.min(total, from + CHUNK);
            float[] points = new float[2 * (to - from)];
            for (int i = from; i < to; i++) {
                points[2 * (i - from)] = (float) (xMin + (i % nx) * step);
                points[2 * (i - from) + 1] = (float) (yMin + (i / nx) * step);
            }
            try (NDManager scope = base.newSubManager()) {
                float[] values =
                        energies(energy, scope.create(points, new Shape(to - from, 2)), scope);
                System.arraycopy(values, 0, u, from, values.length);
            }
        }
        return u;
    }

    private static float[] energies(UnaryOperator<NDArray> energy, NDArray x, NDManager scope) {
        NDArray values = energy.apply(x);
        values.attach(scope);
        float[] out = values.toType(DataType.FLOAT32, false).toFloatArray();
        for (float v : out) {
            if (!Float.isFinite(v)) {
                throw new IllegalStateException(
                        "The energy is not finite on the evaluation grid (" + v + ")");
            }
        }
        return out;
    }

    private double[] point(int i) {
        return new double[] {xMin + (i % nx) * step, yMin + (i / nx) * step};
    }

    private double distanceToMode(int i, float[] mode) {
        double[] p = point(i);
        return Math.hypot(p[0] - mode[0], p[1] - mode[1]);
    }

    /** Which grid cells lie within {@code sigmas·σ} of a mode. */
    private boolean[] nearModes(double sigmas) {
        boolean[] near = new boolean[nx * ny];
        double radius = sigmas * mixture.getSigma();
        int reach = (int) Math.ceil(radius / step) + 1;
        for (float[] mode : mixture.getModes()) {
            int cx = (int) Math.round((mode[0] - xMin) / step);
            int cy = (int) Math.round((mode[1] - yMin) / step);
            for (int y = Math.max(0, cy - reach); y <= Math.min(ny - 1, cy + reach); y++) {
                for (int x = Math.max(0, cx - reach); x <= Math.min(nx - 1, cx + reach); x++) {
                    if (distanceToMode(y * nx + x, mode) <= radius) {
                        near[y * nx + x] = true;
                    }
                }
            }
        }
        return near;
    }

    /** Modes whose disc of radius 3σ holds an energy below every energy of the ring 3σ–4σ. */
    private int strictMinima(float[] u) {
        double sigma = mixture.getSigma();
        int reach = (int) Math.ceil(4 * sigma / step) + 1;
        int count = 0;
        for (float[] mode : mixture.getModes()) {
            int cx = (int) Math.round((mode[0] - xMin) / step);
            int cy = (int) Math.round((mode[1] - yMin) / step);
            double inside = Double.MAX_VALUE;
            double ring = Double.MAX_VALUE;
            for (int y = Math.max(0, cy - reach); y <= Math.min(ny - 1, cy + reach); y++) {
                for (int x = Math.max(0, cx - reach); x <= Math.min(nx - 1, cx + reach); x++) {
                    int i = y * nx + x;
                    double d = distanceToMode(i, mode);
                    if (d <= 3 * sigma) {
                        inside = Math.min(inside, u[i]);
                    } else if (d <= 4 * sigma) {
                        ring = Math.min(ring, u[i]);
                    }
                }
            }
            if (inside < ring) {
                count++;
            }
        }
        return count;
    }

    /**
     * The mean over adjacent pairs (modes at the smallest distance between modes, within 1 %) of
     * the highest energy on the segment between them, sampled every {@code σ/5}, minus the mean
     * of the two modes' energies.
     */
    private double meanBarrier(UnaryOperator<NDArray> energy, NDManager base) {
        float[][] modes = mixture.getModes();
        double nearest = Double.MAX_VALUE;
        for (int i = 0; i < modes.length; i++) {
            for (int j = i + 1; j < modes.length; j++) {
                nearest = Math.min(nearest, distance(modes[i], modes[j]));
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < modes.length; i++) {
            for (int j = i + 1; j < modes.length; j++) {
                if (distance(modes[i], modes[j]) <= 1.01 * nearest) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        int samples = (int) Math.ceil(nearest / step) + 1;
        double total = 0;
        for (int[] pair : pairs) {
            float[] a = modes[pair[0]];
            float[] b = modes[pair[1]];
            float[] points = new float[2 * samples];
            for (int s = 0; s < samples; s++) {
                double t = (double) s / (samples - 1);
                points[2 * s] = (float) (a[0] + t * (b[0] - a[0]));
                points[2 * s + 1] = (float) (a[1] + t * (b[1] - a[1]));
            }
            try (NDManager scope = base.newSubManager()) {
                float[] u = energies(energy, scope.create(points, new Shape(samples, 2)), scope);
                double highest = -Double.MAX_VALUE;
                for (float v : u) {
                    highest = Math.max(highest, v);
                }
                total += highest - (u[0] + u[samples - 1]) / 2.0;
            }
        }
        return total / pairs.size();
    }

    private static double distance(float[] a, float[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** {@code −mean log p_true(x)} for the equal-weight mixture. */
    private double trueNll(NDArray heldOut) {
        float[] x = heldOut.toType(DataType.FLOAT32, false).toFloatArray();
        float[][] modes = mixture.getModes();
        double s2 = (double) mixture.getSigma() * mixture.getSigma();
        double total = 0;
        for (int i = 0; i < x.length; i += 2) {
            double[] exponents = new double[modes.length];
            for (int k = 0; k < modes.length; k++) {
                double dx = x[i] - modes[k][0];
                double dy = x[i + 1] - modes[k][1];
                exponents[k] = -(dx * dx + dy * dy) / (2 * s2);
            }
            total -= logSumExp(exponents) - Math.log(modes.length) - Math.log(2 * Math.PI * s2);
        }
        return total / (x.length / 2);
    }

    /**
     * {@code −mean log p_KDE(x)}: Gaussian kernels on the training points with the covariance of
     * the training data scaled by Silverman's factor {@code n^(−1/(d+4))} squared (as SciPy's
     * {@code gaussian_kde}), evaluated a chunk of held-out points at a time.
     */
    static double kdeNll(NDArray training, NDArray heldOut) {
        NDManager base = heldOut.getManager();
        try (NDManager scope = base.newSubManager()) {
            NDArray train = training.toType(DataType.FLOAT64, true);
            train.attach(scope);
            long n = train.getShape().get(0);
            NDArray centred = train.sub(train.mean(new int[] {0}));
            double[] c = centred.transpose().matMul(centred).div(n - 1).toDoubleArray();
            double factor = Math.pow(n, -2.0 / 6.0);
            double a = c[0] * factor;
            double b = c[1] * factor;
            double d = c[3] * factor;
            double det = a * d - b * b;
            // The inverse bandwidth matrix [[d, −b], [−b, a]] / det, applied through its entries.
            NDArray test = heldOut.toType(DataType.FLOAT64, true);
            test.attach(scope);
            long m = test.getShape().get(0);
            double total = 0;
            int chunk = Math.max(1, (int) (4_000_000 / n));
            for (long from = 0; from < m; from += chunk) {
                long to = Math.min(m, from + chunk);
                try (NDManager step = scope.newSubManager()) {
                    NDArray t = test.get(new NDIndex("{}:{}", from, to));
                    NDArray dx = t.get(":, 0:1").sub(train.get(":, 0").expandDims(0));
                    NDArray dy = t.get(":, 1:2").sub(train.get(":, 1").expandDims(0));
                    dx.attach(step);
                    dy.attach(step);
                    NDArray q =
                            dx.square()
                                    .mul(d / det)
                                    .sub(dx.mul(dy).mul(2 * b / det))
                                    .add(dy.square().mul(a / det));
                    NDArray halfQ = q.mul(-0.5);
                    NDArray max = halfQ.max(new int[] {1}, true);
                    NDArray logSum =
                            halfQ.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
                    total += logSum.sum().getDouble();
                }
            }
            double logNorm = Math.log(n) + Math.log(2 * Math.PI) + 0.5 * Math.log(det);
            return -(total / m - logNorm);
        }
    }

    private static double logSumExp(double[] values) {
        double max = -Double.MAX_VALUE;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
