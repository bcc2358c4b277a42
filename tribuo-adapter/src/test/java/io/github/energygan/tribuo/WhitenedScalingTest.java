/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import com.oracle.labs.mlrg.olcut.util.Pair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** {@link FeatureScaling#WHITENED}: the Ledoit–Wolf whitening, and models trained with it. */
class WhitenedScalingTest {

    /**
     * A fixed 40 × 6 data set with two correlated features, the same in Java and in the Python
     * that computed the reference figures.
     */
    private static float[] data(int n, int d) {
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] =
                        (float)
                                (Math.sin(1.3 * i + 0.7 * j * j)
                                        + 0.5 * Math.cos(0.37 * i * j)
                                        + 0.1 * j * Math.sin(0.11 * i));
            }
            x[i * d + 1] = (float) ((double) x[i * d + 1] + 0.8 * x[i * d]);
        }
        return x;
    }

    @Test
    void theBaseMeasureIsTheLedoitWolfMahalanobisDistance() {
        // scikit-learn 1.2.1 on the same data: LedoitWolf().fit(X).mahalanobis(P), shrinkage
        // 0.0618; the squared norm of the whitened point is that distance, whatever the global
        // scale taken out first.
        double[] expected = {2.03889484, 33.30686152, 143.61906378};
        float[] points = {0, 0, 0, 0, 0, 0, 1, -1, 0.5f, 0, 2, -0.3f, 3, 3, 3, 3, 3, 3};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(data(40, 6), new Shape(40, 6));
            FeatureStandardiser whitened = FeatureScaling.WHITENED.fit(x);
            float[] squared =
                    whitened.apply(manager.create(points, new Shape(3, 6)))
                            .square()
                            .sum(new int[] {1})
                            .toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], squared[i], 1e-4 * expected[i], "point " + i);
            }
        }
    }

    @Test
    void manyExamplesAreWhitenedToUnitCovarianceBySymmetricW() {
        int n = 20_000;
        int d = 4;
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double a = gaussian(random);
            double b = gaussian(random);
            x[i * d] = (float) (10 + 3 * a);
            x[i * d + 1] = (float) (a + b); // correlations 0.71, −0.4 and 0.29
            x[i * d + 2] = (float) (1.5 * gaussian(random));
            x[i * d + 3] = (float) (b - 0.5 * a + 0.5 * gaussian(random));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray data = manager.create(x, new Shape(n, d));
            FeatureStandardiser whitened = FeatureScaling.WHITENED.fit(data);
            float[] w = whitened.getWhitening();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(w[i * d + j], w[j * d + i], 1e-6f * Math.abs(w[i * d + j]));
                }
            }
            NDArray y = whitened.apply(data);
            float[] mean = y.mean(new int[] {0}).toFloatArray();
            float[] covariance = y.transpose().matMul(y).div(n).toFloatArray();
            for (int i = 0; i < d; i++) {
                assertEquals(0f, mean[i], 1e-3f);
                for (int j = 0; j < d; j++) {
                    // Shrinkage is negligible at 5,000 examples per feature.
                    assertEquals(i == j ? 1f : 0f, covariance[i * d + j], 0.01f, i + "," + j);
                }
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void aWhiteningMatrixOfTheWrongSizeOrNotFiniteIsRefused() {
        float[] two = {0, 0};
        float[] ones = {1, 1};
        IllegalArgumentException size =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new FeatureStandardiser(two, ones, new float[3]));
        assertTrue(size.getMessage().contains("expected 2 × 2"), size.getMessage());
        IllegalArgumentException nan =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new FeatureStandardiser(two, ones, new float[] {1, 0, Float.NaN, 1}));
        assertTrue(nan.getMessage().contains("(1, 0)"), nan.getMessage());
    }

    @Test
    void aWhitenedModelRoundTripsAndItsExcuseBlamesTheFeatureThatIsFarOut(@TempDir Path dir)
            throws Exception {
        MutableDataset<Event> test = Fixtures.test();
        try (EnergyAnomalyModel model =
                Fixtures.trainer("scaling", "WHITENED").train(Fixtures.train())) {
            Path file = dir.resolve("whitened.tribuo");
            model.serializeToFile(file);
            try (EnergyAnomalyModel loaded = EnergyAnomalyModel.load(file)) {
                assertArrayEquals(Fixtures.scores(model, test), Fixtures.scores(loaded, test));
            }
            // The training data has E ~ N(5, 0.1); move E alone far away.
            String[] names = {"A", "B", "C", "D", "E"};
            ArrayExample<Event> unusual =
                    new ArrayExample<>(
                            AnomalyFactory.UNKNOWN_EVENT, names, new double[] {1, 2, 1, 2, -10});
            Excuse<Event> excuse = model.getExcuse(unusual).orElseThrow();
            List<Pair<String, Double>> ranked = excuse.getScores().get(Model.ALL_OUTPUTS);
            assertEquals("E", ranked.get(0).getA(), ranked.toString());
            assertEquals(Event.EventType.ANOMALOUS, excuse.getPrediction().getOutput().getType());
        }
    }
}
