/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.File;
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
 * dependencies on the classpath ({@code target/zoo-classpath.txt}, written by the build) and {@code
 * ai.djl.offline=true}, looking each artifact up as the README shows and checking the quality its
 * model card states.
 *
 * <p>Tolerances. 2-D cards: high-quality shares of 2,500 samples drawn with seed 0; the same seed
 * reproduces the same draws up to MKL's run-to-run rounding, so a few tenths of a point would do; 3
 * points (about five binomial standard errors at 88 %) allow for that rounding moving samples
 * across the 3σ boundary or a chain into another pit. Image card: mean nearest-neighbour distances
 * of 250 samples; their spread across samples is about 1.8, so one standard error is about 0.11 and
 * 0.4 allows three and a half.
 */
class ZooOfflineTest {

    /**
     * The 2-D model cards (docs/benchmarks.md): modes and high-quality % raw, then modes and high-quality %
     * after MALA.
     */
    static final Map<String, double[]> CARDS_2D =
            Map.of(
                    "grid-25", new double[] {25, 95.96, 25, 96.00},
                    "ring-8", new double[] {8, 97.08, 8, 97.08});

    /** The image model card: distances raw→train, raw→test, MALA→train, MALA→test. */
    static final double[] CARD_IMAGE = {9.359, 9.396, 8.782, 8.801};

    private static final double TOLERANCE_2D = 3.0;
    private static final double TOLERANCE_IMAGE = 0.4;

    @Test
    void eachArtifactLoadsOfflineInAFreshJvmWithItsCardsQuality() throws Exception {
        String classpath =
                Files.readString(Path.of("target/zoo-classpath.txt"), StandardCharsets.UTF_8)
                        .trim();
        assertTrue(classpath.contains("model-zoo"), classpath);
        assertTrue(!classpath.contains("energy-gan-cli") && !classpath.contains("picocli"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dai.djl.offline=true");
        command.add("-cp");
        command.add(
                classpath + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath());
        command.add(ZooLookupMain.class.getName());
        command.addAll(CARDS_2D.keySet());
        command.add("fashion-mnist");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the zoo check finished");
        assertEquals(0, process.exitValue(), output);

        Map<String, double[]> measured = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("ZOO ") && line.trim().split(" ").length == 6) {
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
        for (Map.Entry<String, double[]> card : CARDS_2D.entrySet()) {
            double[] got = measured.get(card.getKey());
            assertTrue(got != null, "no result for " + card.getKey() + " in\n" + output);
            double[] want = card.getValue();
            assertTrue(got[0] >= want[0], card.getKey() + " raw modes " + got[0]);
            assertEquals(want[1], got[1], TOLERANCE_2D, card.getKey() + " raw high-quality %");
            assertTrue(got[2] >= want[2], card.getKey() + " MALA modes " + got[2]);
            assertEquals(want[3], got[3], TOLERANCE_2D, card.getKey() + " MALA high-quality %");
        }
        double[] image = measured.get("fashion-mnist");
        assertTrue(image != null, "no result for fashion-mnist in\n" + output);
        for (int i = 0; i < 4; i++) {
            assertEquals(CARD_IMAGE[i], image[i], TOLERANCE_IMAGE, "fashion-mnist distance " + i);
        }
        // No memorisation: samples are as near the test images as the training images.
        assertEquals(image[0], image[1], TOLERANCE_IMAGE);
        String unknown =
                output.lines()
                        .filter(l -> l.startsWith("ZOO unknown filter: "))
                        .findFirst()
                        .orElse("");
        assertTrue(unknown.contains("grid-25 {"), "the error lists what the zoo has:\n" + output);
    }
}
