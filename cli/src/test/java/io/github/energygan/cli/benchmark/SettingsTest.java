/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.energygan.cli.benchmark.FashionMnistAnomalyBenchmark.Protocol;
import io.github.energygan.cli.benchmark.FashionMnistAnomalyBenchmark.Settings;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/** The benchmark's settings name what is out of range and keep their own copies. */
class SettingsTest {

    private static Settings settings(
            int[] classes, int trainLimit, double[] gammas, int selectionLimit, double nu) {
        return new Settings(
                Path.of("unused"),
                classes,
                List.of(Protocol.ONE_CLASS),
                trainLimit,
                1000,
                gammas,
                selectionLimit,
                nu,
                1);
    }

    private static void expectBad(String named, Runnable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void outOfRangeSettingsAreNamed() {
        double[] gammas = {0.1};
        expectBad("Classes are 0-9, got 10", () -> settings(new int[] {10}, 600, gammas, 400, 0.1));
        expectBad("at least one class", () -> settings(new int[0], 600, gammas, 400, 0.1));
        expectBad("trainLimit", () -> settings(new int[] {1}, 0, gammas, 400, 0.1));
        expectBad("SVM gamma", () -> settings(new int[] {1}, 600, new double[0], 400, 0.1));
        expectBad("svmSelectionLimit", () -> settings(new int[] {1}, 600, gammas, 0, 0.1));
        expectBad("svmNu", () -> settings(new int[] {1}, 600, gammas, 400, 1.5));
    }

    @Test
    void arraysAreCopied() {
        int[] classes = {1, 2};
        double[] gammas = {0.1, 0.3};
        Settings s = settings(classes, 6000, gammas, 3000, 0.1);
        classes[0] = 9;
        gammas[0] = 5;
        assertArrayEquals(new int[] {1, 2}, s.classes());
        assertArrayEquals(new double[] {0.1, 0.3}, s.svmGammas());
        assertEquals(3000, s.svmSelectionLimit());
    }
}
