/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.energygan.cli.benchmark.AnomalyBenchmark.Settings;
import io.github.energygan.cli.benchmark.AnomalyTask.Protocol;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The benchmark's settings name what is out of range and keep their own copies. */
class SettingsTest {

    private static Settings settings(
            AnomalyTask task,
            int[] classes,
            List<Protocol> protocols,
            long[] seeds,
            int trainLimit,
            double[] factors,
            int selectionLimit,
            double nu) {
        return new Settings(
                task,
                null,
                classes,
                protocols,
                seeds,
                trainLimit,
                1000,
                factors,
                selectionLimit,
                nu,
                false,
                null,
                false);
    }

    private static Settings digits(
            int[] classes, int trainLimit, double[] factors, int selectionLimit, double nu) {
        return settings(
                AnomalyTask.DIGITS,
                classes,
                List.of(Protocol.ONE_CLASS),
                new long[] {0},
                trainLimit,
                factors,
                selectionLimit,
                nu);
    }

    private static void expectBad(String named, Runnable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void outOfRangeSettingsAreNamed() {
        double[] factors = {1};
        expectBad(
                "The digits task's classes are [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], got 10",
                () -> digits(new int[] {10}, 600, factors, 400, 0.1));
        expectBad("at least one class", () -> digits(new int[0], 600, factors, 400, 0.1));
        expectBad("trainLimit", () -> digits(new int[] {1}, 0, factors, 400, 0.1));
        expectBad("SVM gamma factor", () -> digits(new int[] {1}, 600, new double[0], 400, 0.1));
        expectBad(
                "finite and > 0, got -1.0",
                () -> digits(new int[] {1}, 600, new double[] {-1}, 400, 0.1));
        expectBad("svmSelectionLimit", () -> digits(new int[] {1}, 600, factors, 0, 0.1));
        expectBad("svmNu", () -> digits(new int[] {1}, 600, factors, 400, 1.5));
        expectBad(
                "at least one seed",
                () ->
                        settings(
                                AnomalyTask.DIGITS,
                                new int[] {1},
                                List.of(Protocol.ONE_CLASS),
                                new long[0],
                                600,
                                factors,
                                400,
                                0.1));
        expectBad(
                "The subspace task has one class: use the ONE_CLASS protocol",
                () ->
                        settings(
                                AnomalyTask.SUBSPACE,
                                new int[] {0},
                                List.of(Protocol.HELD_OUT),
                                new long[] {0},
                                600,
                                factors,
                                400,
                                0.1));
        expectBad("The subspace task's classes are [0], got 1", () -> settings(
                AnomalyTask.SUBSPACE,
                new int[] {1},
                List.of(Protocol.ONE_CLASS),
                new long[] {0},
                600,
                factors,
                400,
                0.1));
        expectBad("expected digits, breast-cancer, subspace or fashion-mnist", () -> AnomalyTask.of("mnist"));
    }

    @Test
    void arraysAreCopied() {
        int[] classes = {1, 2};
        double[] factors = {0.1, 0.3};
        Settings s = digits(classes, 6000, factors, 3000, 0.1);
        classes[0] = 9;
        factors[0] = 5;
        assertArrayEquals(new int[] {1, 2}, s.classes());
        assertArrayEquals(new double[] {0.1, 0.3}, s.svmGammaFactors());
        assertEquals(3000, s.svmSelectionLimit());
    }
}
