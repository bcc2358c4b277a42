/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A user's own ReLU pipeline through {@code EasyTrain.fit} with our loss and listeners: every step
 * is recorded, the bar is drawn, checkpoints are written, and no NDArray outlives its step.
 */
class UserPipelineSoakTest {

    @Test
    void listenersWorkAndNoArrayOutlivesItsStep(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        UserPipelineSoak.Result result;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            result = UserPipelineSoak.run(600, dir, 200);
        } finally {
            System.setOut(original);
        }
        assertEquals(600, result.statistics(), "one statistics record per step");
        assertEquals(600, result.lastStatisticsIteration());
        assertEquals(
                List.of(dir.resolve("iteration-00000400"), dir.resolve("iteration-00000600")),
                result.checkpoints());
        for (Path checkpoint : result.checkpoints()) {
            assertTrue(Files.isRegularFile(checkpoint.resolve("energy-0000.params")), checkpoint.toString());
        }
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("Training"), "progress bar");
        // Once Adam's moments exist, the arrays alive between epochs are the same set.
        List<Integer> live = result.liveArrays();
        assertEquals(live.get(1), live.get(live.size() - 1), "live NDArrays per epoch " + live);
    }
}
