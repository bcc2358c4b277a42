/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The image preset trained for a few iterations in two separate JVMs with the same seed must write
 * the same weights, byte for byte. Two processes, because a gradient that depends on memory the
 * computation does not own (a freed buffer, a result the engine left unwritten) differs between
 * processes while often agreeing within one.
 */
class ImageTrainingReproducibilityTest {

    private static String trainInAFreshJvm(Path output) throws IOException, InterruptedException {
        Process process =
                FreshJvm.start(
                        "train",
                        "--dataset",
                        "fashion-mnist",
                        "--classes",
                        "7,9",
                        "--iterations",
                        "3",
                        "--no-progress",
                        "-o",
                        output.toString());
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "training finished");
        assertEquals(0, process.exitValue(), log);
        assertTrue(!log.contains("step skipped"), "no step had bad gradients:\n" + log);
        return log;
    }

    private static String weightsDigest(Path model) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.list(model)) {
            List<Path> params = files.filter(p -> p.toString().endsWith(".params")).sorted().toList();
            assertEquals(1, params.size(), "one weight file in " + model);
            return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(params.get(0))));
        }
    }

    @Test
    void twoProcessesWriteIdenticalWeights(@TempDir Path dir) throws Exception {
        trainInAFreshJvm(dir.resolve("first"));
        trainInAFreshJvm(dir.resolve("second"));
        assertEquals(
                weightsDigest(dir.resolve("first").resolve("model")),
                weightsDigest(dir.resolve("second").resolve("model")));
    }
}
