/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;

import org.tribuo.Example;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataSourceProvenance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic anomaly task with known ground truth: correlated Gaussian features near a
 * low-dimensional principal subspace, with anomalies off that subspace.
 *
 * <p>The task is fixed by {@link #taskSeed}: an orthonormal basis {@code Q} of a {@link #subspace}
 * -dimensional subspace of {@code R^d} ({@code d =} {@link #features}), drawn as the Gram–Schmidt
 * orthonormalisation of a Gaussian matrix. Normal events are {@code x = Q·(s ⊙ z) + σ·ε} with
 * {@code z, ε} standard normal, scales {@code s_j = subspace − j} ({@code j = 0…k−1}) and noise
 * {@code σ =} {@link #noise}. Anomalies are {@code x = a·Q·(s ⊙ z) + b·P⊥ε}, where {@code P⊥}
 * projects off the subspace and {@code a, b} are chosen so that an anomaly's expected squared norm
 * equals a normal event's, half of it off the subspace: a detector that looks only at each
 * feature's spread or at the norm cannot tell them apart, one that learns the features'
 * correlations can, perfectly in the limit. The draws are seeded by {@link #seed}, so a training
 * and a test set of one task take the same {@code taskSeed} and different {@code seed}s.
 */
public final class SubspaceDataSource extends EventSource {

    @Config(description = "Dimension d of the features, > subspace.")
    private int features = 20;

    @Config(description = "Dimension k of the principal subspace, >= 1.")
    private int subspace = 3;

    @Config(description = "Standard deviation of the normal events' noise off the subspace, > 0.")
    private double noise = 0.1;

    @Config(description = "How many events to draw, >= 1.")
    private int size = 1000;

    @Config(description = "The fraction of anomalies among them, in [0, 1].")
    private double anomalyFraction = 0.0;

    @Config(description = "The seed of the task: its subspace.")
    private long taskSeed = 0L;

    @Config(description = "The seed of the draws.")
    private long seed = 1L;

    /** For OLCUT. */
    private SubspaceDataSource() {}

    /**
     * Draws the events.
     *
     * @param features {@code d > subspace}
     * @param subspace {@code k >= 1}
     * @param noise {@code σ > 0}
     * @param size how many events, {@code >= 1}
     * @param anomalyFraction the fraction of anomalies, in {@code [0, 1]}
     * @param taskSeed the seed of the subspace
     * @param seed the seed of the draws
     * @throws PropertyException if a setting is out of range
     */
    public SubspaceDataSource(
            int features,
            int subspace,
            double noise,
            int size,
            double anomalyFraction,
            long taskSeed,
            long seed) {
        this.features = features;
        this.subspace = subspace;
        this.noise = noise;
        this.size = size;
        this.anomalyFraction = anomalyFraction;
        this.taskSeed = taskSeed;
        this.seed = seed;
        postConfig();
    }

    /**
     * Checks the configuration and draws the events; used by OLCUT.
     *
     * @throws PropertyException naming the field out of range
     */
    @Override
    public void postConfig() {
        if (subspace < 1 || features <= subspace) {
            throw new PropertyException(
                    "",
                    "features",
                    "Need 1 <= subspace < features, got subspace "
                            + subspace
                            + " and features "
                            + features);
        }
        if (!(noise > 0) || Double.isInfinite(noise)) {
            throw new PropertyException("", "noise", "noise must be finite and > 0, got " + noise);
        }
        if (size < 1) {
            throw new PropertyException("", "size", "size must be >= 1, got " + size);
        }
        if (!(anomalyFraction >= 0 && anomalyFraction <= 1)) {
            throw new PropertyException(
                    "",
                    "anomalyFraction",
                    "anomalyFraction must lie in [0, 1], got " + anomalyFraction);
        }
        setExamples(draw());
    }

    /**
     * Returns the task's orthonormal basis.
     *
     * @return {@code Q} as {@code subspace} rows of {@code features} values
     */
    public double[][] basis() {
        SplittableRandom random = new SplittableRandom(taskSeed);
        double[][] q = new double[subspace][features];
        for (int j = 0; j < subspace; j++) {
            for (int i = 0; i < features; i++) {
                q[j][i] = gaussian(random);
            }
            for (int previous = 0; previous < j; previous++) {
                double dot = dot(q[j], q[previous]);
                for (int i = 0; i < features; i++) {
                    q[j][i] -= dot * q[previous][i];
                }
            }
            double norm = Math.sqrt(dot(q[j], q[j]));
            for (int i = 0; i < features; i++) {
                q[j][i] /= norm;
            }
        }
        return q;
    }

    private List<Example<Event>> draw() {
        double[][] q = basis();
        double[] scales = new double[subspace];
        double signal = 0;
        for (int j = 0; j < subspace; j++) {
            scales[j] = subspace - j;
            signal += scales[j] * scales[j];
        }
        // E|x|² of a normal event; an anomaly keeps half of it on the subspace, half off it.
        double normalSquared = signal + features * noise * noise;
        double a = Math.sqrt(normalSquared / 2 / signal);
        double b = Math.sqrt(normalSquared / 2 / (features - subspace));
        SplittableRandom random = new SplittableRandom(seed);
        long anomalies = Math.round(anomalyFraction * size);
        String[] names = featureNames(features);
        List<Example<Event>> result = new ArrayList<>(size);
        for (int n = 0; n < size; n++) {
            boolean anomalous = n < anomalies;
            double[] x = new double[features];
            for (int j = 0; j < subspace; j++) {
                double coordinate = scales[j] * gaussian(random) * (anomalous ? a : 1);
                for (int i = 0; i < features; i++) {
                    x[i] += coordinate * q[j][i];
                }
            }
            double[] e = new double[features];
            for (int i = 0; i < features; i++) {
                e[i] = gaussian(random);
            }
            if (anomalous) {
                // P⊥ε = ε − Q^T(Qε), scaled by b.
                for (int j = 0; j < subspace; j++) {
                    double dot = dot(q[j], e);
                    for (int i = 0; i < features; i++) {
                        e[i] -= dot * q[j][i];
                    }
                }
            }
            double scale = anomalous ? b : noise;
            for (int i = 0; i < features; i++) {
                x[i] += scale * e[i];
            }
            Event event = anomalous ? AnomalyFactory.ANOMALOUS_EVENT : AnomalyFactory.EXPECTED_EVENT;
            result.add(new ArrayExample<>(event, names, x));
        }
        // Anomalies were drawn first; shuffle so that order says nothing.
        Collections.shuffle(result, new java.util.Random(random.nextLong()));
        return result;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; one of the pair is enough here.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /**
     * Returns the feature names, {@code x-00 …}.
     *
     * @param features {@code d}
     * @return the names
     */
    public static String[] featureNames(int features) {
        return names("x-%02d", features);
    }


    @Override
    public DataSourceProvenance getProvenance() {
        return new SubspaceDataSourceProvenance(this);
    }


    @Override
    public String toString() {
        return "SubspaceDataSource(features=" + features + ", subspace=" + subspace + ", size="
                + size + ", anomalyFraction=" + anomalyFraction + ")";
    }

    /** The provenance of a {@link SubspaceDataSource}: its configuration. */
    public static final class SubspaceDataSourceProvenance extends ConfiguredSourceProvenance {

        private static final long serialVersionUID = 1L;

        SubspaceDataSourceProvenance(SubspaceDataSource host) {
            super(host);
        }

        /**
         * Rebuilds the provenance from its marshalled form.
         *
         * @param map the provenance's fields
         */
        public SubspaceDataSourceProvenance(Map<String, Provenance> map) {
            super(map, SubspaceDataSourceProvenance.class);
        }
    }
}
