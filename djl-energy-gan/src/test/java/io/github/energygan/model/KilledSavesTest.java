/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.energygan.nn.ActivationFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A process killed with SIGKILL while it saves, again and again, into one directory never leaves a
 * directory that is there but is not one whole save: it loads as one of the two models saved, or
 * is absent (killed between the two renames of the switch).
 */
class KilledSavesTest {

    static final MlpArchitecture SMALL =
            new MlpArchitecture(
                    2,
                    2,
                    1f,
                    Layers.of(ActivationFunction.leakyRelu(0.2f), 64, 64),
                    0f,
                    Layers.of(ActivationFunction.relu(), 64),
                    0f,
                    new EstimatorSpec(
                            EnergyGanArchitecture.Estimator.JSD,
                            Layers.of(ActivationFunction.leakyRelu(0.2f), 8)));

    /**
     * Saves two models in turn into the directory given, forever; prints their weights' SHA-256
     * and then "saving" once the loop runs.
     *
     * @param args the target directory
     * @throws Exception if a save fails
     */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        try (EnergyGanModel a = EnergyGanModel.newModel(SMALL, 1);
                EnergyGanModel b = EnergyGanModel.newModel(SMALL, 2)) {
            System.out.println(digest(a.toBytes().parameters()));
            System.out.println(digest(b.toBytes().parameters()));
            System.out.println("saving");
            System.out.flush();
            while (true) {
                a.save(target);
                b.save(target);
            }
        }
    }

    private static String digest(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void killedSavesLeaveAWholeModelOrNone(@TempDir Path dir) throws Exception {
        Random random = new Random(20);
        int loaded = 0;
        for (int trial = 0; trial < 20; trial++) {
            Path target = dir.resolve("trial-" + trial).resolve("model");
            Process process =
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-cp",
                                    System.getProperty("java.class.path"),
                                    KilledSavesTest.class.getName(),
                                    target.toString())
                            .redirectErrorStream(true)
                            .start();
            Set<String> saved;
            try (BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(
                                    process.getInputStream(), StandardCharsets.UTF_8))) {
                saved = Set.of(out.readLine(), out.readLine());
                assertTrue("saving".equals(out.readLine()), "the save loop started");
                // Kill at a random point of the loop: inside a save most of the time.
                Thread.sleep(50 + random.nextInt(400));
                process.destroyForcibly();
                process.waitFor();
            }
            if (!Files.exists(target)) {
                continue;
            }
            try (EnergyGanModel model = EnergyGanModel.load(target)) {
                // The load checked this file against the manifest.
                String weights =
                        digest(Files.readAllBytes(target.resolve(EnergyGanModel.PARAMETER_FILE)));
                assertTrue(saved.contains(weights), "trial " + trial + ": one of the saved models");
                loaded++;
            } catch (Exception e) {
                throw new AssertionError(
                        "trial "
                                + trial
                                + ": a killed save left a directory that is not a whole save: "
                                + List.of(target.toFile().list()),
                        e);
            }
        }
        assertTrue(loaded > 0, "most kills leave a loadable model");
    }
}
