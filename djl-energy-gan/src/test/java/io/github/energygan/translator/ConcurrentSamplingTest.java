/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.sampling.SampleRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Randomness per request: a sample depends on its request's seed only, so concurrent predictors
 * agree bit for bit with a single-threaded run, and sampling leaves the engine's generator as the
 * user seeded it.
 */
class ConcurrentSamplingTest {

    private final EnergyGanTranslatorFactory factory = new EnergyGanTranslatorFactory();
    private EnergyGanModel model;

    @BeforeEach
    void setUp() {
        model = EnergyGanModel.newModel(TranslatorsTest.SMALL, 4);
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    private GeneratedSamples sample(SampleRequest request) throws Exception {
        try (Predictor<SampleRequest, GeneratedSamples> predictor =
                model.getModel()
                        .newPredictor(
                                factory.newInstance(
                                        SampleRequest.class,
                                        GeneratedSamples.class,
                                        model.getModel(),
                                        Map.of()))) {
            return predictor.predict(request);
        }
    }

    private static SampleRequest request(int seed) {
        // Two batches, so that later batches' seeds are exercised too.
        return SampleRequest.builder()
                .setCount(300)
                .optBatchSize(200)
                .optSteps(15)
                .optWarmUpSteps(15)
                .optSeed(seed)
                .build();
    }

    @Test
    void fourConcurrentPredictorsMatchTheSingleThreadedRunBitForBit() throws Exception {
        GeneratedSamples alone = sample(request(3));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<GeneratedSamples>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                // Other seeds interleave with seed 3, as other users' requests would.
                int seed = i % 3 == 0 ? 3 : 100 + i;
                tasks.add(() -> sample(request(seed)));
            }
            List<Future<GeneratedSamples>> results = pool.invokeAll(tasks);
            int compared = 0;
            for (int i = 0; i < results.size(); i++) {
                GeneratedSamples concurrent = results.get(i).get();
                if (i % 3 == 0) {
                    assertTrue(Arrays.deepEquals(alone.samples(), concurrent.samples()), "task " + i);
                    assertTrue(
                            Arrays.deepEquals(alone.rawSamples(), concurrent.rawSamples()),
                            "task " + i);
                    assertArrayEquals(alone.energies(), concurrent.energies(), "task " + i);
                    compared++;
                } else {
                    assertFalse(Arrays.deepEquals(alone.samples(), concurrent.samples()));
                }
            }
            assertEquals(4, compared);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void samplingLeavesTheUsersEngineSeedInForce() throws Exception {
        Engine engine = Engine.getInstance();
        float[] expected;
        float[] actual;
        try (NDManager manager = NDManager.newBaseManager()) {
            engine.setRandomSeed(1234);
            expected = manager.randomNormal(new Shape(8)).toFloatArray();
            engine.setRandomSeed(1234);
            sample(request(5));
            actual = manager.randomNormal(new Shape(8)).toFloatArray();
        }
        assertArrayEquals(expected, actual);
    }
}
