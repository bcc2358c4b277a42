/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The model zoo as its users meet it: a fresh JVM with only the zoo jar and its runtime
 * dependencies on the classpath ({@code target/zoo-classpath.txt}, written by the build) and
 * {@code ai.djl.offline=true}, looking each artifact up as the README shows and checking the
 * quality its model card states.
 *
 * <p>Tolerance: the cards' high-quality shares come from 2,500 samples with seed 0; the same
 * seed here reproduces the same draws up to MKL's run-to-run rounding, so a few tenths of a
 * point would do; 3 points (about five binomial standard errors at 90 %) allow for that rounding
 * moving samples across the 3σ boundary.
 */
class ZooOfflineTest {

    /** The model cards' figures: modes raw, high-quality % raw, modes MALA, high-quality % MALA. */
    static final Map<String, double[]> CARDS =
            Map.of(
                    "grid-25", new double[] {25, 89.4, 25, 90.5});

    private static final double TOLERANCE = 3.0;

    @Test
    void eachArtifactLoadsOfflineInAFreshJvmWithItsCardsQuality() throws Exception {
        String classpath =
                Files.readString(Path.of("target/zoo-classpath.txt"), StandardCharsets.UTF_8).trim();
        assertTrue(classpath.contains("model-zoo"), classpath);
        assertTrue(!classpath.contains("energy-gan-cli") && !classpath.contains("picocli"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dai.djl.offline=true");
        command.add("-cp");
        command.add(classpath + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath());
        command.add(ZooLookupMain.class.getName());
        command.addAll(CARDS.keySet());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the zoo check finished");
        assertEquals(0, process.exitValue(), output);

        Map<String, double[]> measured = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("ZOO ") && line.split(" ").length == 6) {
                String[] f = line.trim().split(" ");
                measured.put(
                        f[1],
                        new double[] {
                            Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]),
                            Double.parseDouble(f[5])
                        });
            }
        }
        for (Map.Entry<String, double[]> card : CARDS.entrySet()) {
            double[] got = measured.get(card.getKey());
            assertTrue(got != null, "no result for " + card.getKey() + " in\n" + output);
            double[] want = card.getValue();
            assertTrue(got[0] >= want[0], card.getKey() + " raw modes " + got[0]);
            assertEquals(want[1], got[1], TOLERANCE, card.getKey() + " raw high-quality %");
            assertTrue(got[2] >= want[2], card.getKey() + " MALA modes " + got[2]);
            assertEquals(want[3], got[3], TOLERANCE, card.getKey() + " MALA high-quality %");
        }
        String unknown =
                output.lines().filter(l -> l.startsWith("ZOO unknown filter: ")).findFirst().orElse("");
        assertTrue(unknown.contains("grid-25 {"), "the error lists what the zoo has:\n" + output);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
