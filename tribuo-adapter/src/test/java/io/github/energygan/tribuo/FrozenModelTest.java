/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A model file written by version 0 of the protobuf format (energy-gan 0.1.0, committed in {@code
 * src/test/resources}) must keep loading and scoring as it did: a change to the format or to the
 * scoring code that breaks old files fails here.
 */
class FrozenModelTest {

    static final String RESOURCE = "/io/github/energygan/tribuo/energy-anomaly-v0.tribuo";
    static final String[] NAMES = {"A", "B", "C", "D", "E"};
    static final double[][] POINTS = {{1, 2, 1, 2, 5}, {-2, 2, -2, 2, -10}, {0, 0, 0, 0, 0}};

    /**
     * The scores the model gave when it was written (energy-gan 0.1.0, 2026-11-26): {@code
     * Fixtures.trainer("iterations", "60")} trained on {@code Fixtures.train()}, saved with {@code
     * serializeToFile}.
     */
    static final double[] SCORES = {0.15304034948349, -98.31462860107422, -31.234317779541016};

    static final double THRESHOLD = -0.9679741859436035;

    @Test
    void aVersionZeroFileStillLoadsAndScoresAsWritten() throws Exception {
        Path file = Paths.get(FrozenModelTest.class.getResource(RESOURCE).toURI());
        try (EnergyAnomalyModel model = EnergyAnomalyModel.load(file)) {
            assertEquals(THRESHOLD, model.getThreshold(), 1e-6);
            for (int i = 0; i < POINTS.length; i++) {
                ArrayExample<Event> example =
                        new ArrayExample<>(AnomalyFactory.UNKNOWN_EVENT, NAMES, POINTS[i]);
                double score = model.predict(example).getOutput().getScore();
                assertEquals(
                        SCORES[i], score, 1e-4 * Math.max(1, Math.abs(SCORES[i])), "point " + i);
            }
        }
    }
}
