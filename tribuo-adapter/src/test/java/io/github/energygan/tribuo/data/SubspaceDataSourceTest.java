/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;

import io.github.energygan.tribuo.evaluation.AnomalyRanking;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic subspace task: the distance off the subspace separates anomalies perfectly, while
 * the norm cannot.
 */
class SubspaceDataSourceTest {

    @Test
    void anomaliesLieOffTheSubspaceAtTheNormalEventsNorm() {
        SubspaceDataSource source = new SubspaceDataSource(20, 3, 0.1, 4000, 0.5, 7, 8);
        List<Example<Event>> examples = new ArrayList<>();
        source.forEach(examples::add);
        assertEquals(4000, examples.size());
        long anomalies =
                examples.stream()
                        .filter(e -> e.getOutput().equals(AnomalyFactory.ANOMALOUS_EVENT))
                        .count();
        assertEquals(2000, anomalies);
        double[][] q = source.basis();
        double[] offSubspace = new double[examples.size()];
        double[] norm = new double[examples.size()];
        for (int n = 0; n < examples.size(); n++) {
            double[] x = new double[20];
            int i = 0;
            for (Feature f : examples.get(n)) {
                x[i++] = f.getValue();
            }
            double squared = 0;
            for (double v : x) {
                squared += v * v;
            }
            double onSubspace = 0;
            for (double[] row : q) {
                double dot = 0;
                for (int j = 0; j < 20; j++) {
                    dot += row[j] * x[j];
                }
                onSubspace += dot * dot;
            }
            norm[n] = squared;
            offSubspace[n] = squared - onSubspace;
        }
        assertEquals(1.0, AnomalyRanking.auroc(examples, offSubspace), 1e-9);
        double byNorm = AnomalyRanking.auroc(examples, norm);
        assertTrue(byNorm > 0.35 && byNorm < 0.65, "the norm alone: " + byNorm);

        // The same seeds draw the same events; a training set of the task has no anomalies.
        List<Example<Event>> again = new ArrayList<>();
        new SubspaceDataSource(20, 3, 0.1, 4000, 0.5, 7, 8).forEach(again::add);
        assertEquals(examples.get(17).toString(), again.get(17).toString());
        SubspaceDataSource train = new SubspaceDataSource(20, 3, 0.1, 100, 0, 7, 9);
        train.forEach(e -> assertEquals(AnomalyFactory.EXPECTED_EVENT, e.getOutput()));
    }

    @Test
    void badSettingsSayWhatIsWrong() {
        assertThrows(PropertyException.class, () -> new SubspaceDataSource(3, 3, 0.1, 10, 0, 0, 0));
        assertThrows(PropertyException.class, () -> new SubspaceDataSource(20, 3, 0, 10, 0, 0, 0));
        assertThrows(PropertyException.class, () -> new SubspaceDataSource(20, 3, 0.1, 0, 0, 0, 0));
        assertThrows(PropertyException.class, () -> new SubspaceDataSource(20, 3, 0.1, 10, 2, 0, 0));
    }
}
