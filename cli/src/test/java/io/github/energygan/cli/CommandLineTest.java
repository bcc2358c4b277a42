/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.nn.EncoderNetwork;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The command line end to end, on short runs, and its answers to bad input. */
class CommandLineTest {

    /** What a run printed and returned. */
    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        CommandLine commandLine = EnergyGanCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        PrintStream previous = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = commandLine.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(previous);
        }
    }

    @Test
    void thePyTorchComparisonIsRefusedWhereItCannotCompare() {
        Run wrongSetting = run("bench", "--iterations", "20", "--pytorch-rounds", "1");
        assertEquals(2, wrongSetting.exitCode());
        assertTrue(
                wrongSetting.err().contains("times the reference-2d setting on grid-25"),
                wrongSetting.err());
        Run noTorch =
                run(
                        "bench",
                        "--preset",
                        "reference-2d",
                        "--iterations",
                        "20",
                        "--pytorch-rounds",
                        "1",
                        "--python",
                        "/nonexistent/python3");
        assertEquals(2, noTorch.exitCode());
        assertTrue(
                noTorch.err().contains("No Python with torch found (tried /nonexistent/python3)"),
                noTorch.err());
        assertEquals("", noTorch.out(), "refused before any training");
    }

    @Test
    void demoWritesModelPicturesAndReport(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("demo");
        Run run =
                run(
                        "demo",
                        "--iterations",
                        "40",
                        "--data-size",
                        "4000",
                        "--batch-size",
                        "64",
                        "--seed",
                        "3",
                        "--no-progress",
                        "--output",
                        output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("untrained"), run.out());
        assertTrue(run.out().contains("modes"), run.out());
        for (String file : new String[] {"landscape.png", "curves.png", "report.json"}) {
            assertTrue(Files.size(output.resolve(file)) > 1000, file);
        }
        JsonObject report =
                JsonParser.parseString(Files.readString(output.resolve("report.json")))
                        .getAsJsonObject();
        assertEquals("grid-25", report.get("dataset").getAsString());
        assertEquals(40, report.get("iterations").getAsInt());
        JsonObject trained = report.getAsJsonObject("trainedGenerator");
        assertEquals(25, trained.get("totalModes").getAsInt());
        JsonObject density = report.getAsJsonObject("density");
        assertEquals(25, density.get("modes").getAsInt());
        assertTrue(Double.isFinite(density.get("heldOutNll").getAsDouble()), density.toString());
        assertTrue(Files.size(output.resolve("density.png")) > 1000);
        assertTrue(run.out().contains("held-out NLL"), run.out());
        assertEquals(2500, trained.get("samples").getAsInt());
        try (EnergyGanModel model = EnergyGanModel.load(output.resolve("model"))) {
            assertEquals(2, model.getArchitecture().dataFeatures());
        }
        java.awt.image.BufferedImage png =
                javax.imageio.ImageIO.read(output.resolve("landscape.png").toFile());
        assertEquals(800, png.getHeight());
    }

    @Test
    void trainSavesALoadableModelWithTheChosenEstimator(@TempDir Path dir) throws Exception {
        Run run =
                run(
                        "train",
                        "--dataset",
                        "ring-8",
                        "--estimator",
                        "infogan",
                        "--iterations",
                        "20",
                        "--data-size",
                        "2000",
                        "--lambda",
                        "0.5",
                        "--n-critic",
                        "2",
                        "--no-progress",
                        "-o",
                        dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (EnergyGanModel model = EnergyGanModel.load(dir.resolve("model"))) {
            assertTrue(model.getBlock().getEstimator().orElseThrow() instanceof EncoderNetwork);
        }
    }

    @Test
    void sampleDrawsFromASavedModelWithDiagnosticsAndScores(@TempDir Path dir) throws Exception {
        Path trained = dir.resolve("trained");
        assertEquals(
                0,
                run(
                                "train",
                                "--iterations",
                                "20",
                                "--data-size",
                                "2000",
                                "--no-progress",
                                "-o",
                                trained.toString())
                        .exitCode());
        Path output = dir.resolve("samples");
        Run run =
                run(
                        "sample",
                        "-m",
                        trained.resolve("model").toString(),
                        "-n",
                        "300",
                        "--steps",
                        "20",
                        "--warm-up",
                        "30",
                        "--seed",
                        "4",
                        "--dataset",
                        "grid-25",
                        "-o",
                        output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("chain-steps/s"), run.out());
        assertTrue(run.out().contains("after MCMC"), run.out());
        List<String> lines = Files.readAllLines(output.resolve("samples.csv"));
        assertEquals("x0,x1", lines.get(0));
        assertEquals(301, lines.size());
        assertTrue(Files.size(output.resolve("landscape-mcmc.png")) > 1000);
        JsonObject report =
                JsonParser.parseString(Files.readString(output.resolve("sampling.json")))
                        .getAsJsonObject();
        JsonObject diagnostics = report.getAsJsonObject("diagnostics");
        assertEquals("MALA", diagnostics.get("method").getAsString());
        assertEquals(300, diagnostics.getAsJsonArray("chainAcceptance").size());
        assertEquals(51, diagnostics.getAsJsonArray("energyTrace").size());
        assertTrue(diagnostics.get("energy").getAsString().contains("prior"));
        assertEquals(300, report.getAsJsonObject("mcmc").get("samples").getAsInt());

        String model = trained.resolve("model").toString();
        Path never = dir.resolve("never");
        assertBad(
                run("sample", "-m", model, "--step-size", "0", "-o", never.toString()),
                "--step-size",
                "'0'");
        assertBad(run("sample", "-m", model, "--step-size", "big", "-o", never.toString()), "big");
        assertBad(run("sample", "-m", model, "--steps", "-1", "-o", never.toString()), "-1");
        assertBad(run("sample", "-m", model, "--beta", "0", "-o", never.toString()), "β");
        assertBad(run("sample", "-m", model, "--method", "hmc", "-o", never.toString()), "hmc");
        assertBad(
                run("sample", "-m", dir.resolve("nothing").toString(), "-o", never.toString()),
                "does not exist");
        assertFalse(Files.exists(never));
    }

    @Test
    void fashionMnistTrainsSamplesAndChecksMemorisation(@TempDir Path dir) throws Exception {
        Path trained = dir.resolve("images");
        Run train =
                run(
                        "train",
                        "--dataset",
                        "fashion-mnist",
                        "--classes",
                        "7,9",
                        "--iterations",
                        "3",
                        "--no-progress",
                        "-o",
                        trained.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("samples→train"), train.out());
        JsonObject report =
                JsonParser.parseString(Files.readString(trained.resolve("report.json")))
                        .getAsJsonObject();
        assertEquals("image-narrow", report.get("preset").getAsString());
        assertEquals(12_000, report.get("trainingImages").getAsInt());
        assertTrue(Files.size(trained.resolve("samples.png")) > 1000);

        Path sampled = dir.resolve("sampled");
        Run sample =
                run(
                        "sample",
                        "-m",
                        trained.resolve("model").toString(),
                        "--steps",
                        "3",
                        "--warm-up",
                        "3",
                        "-n",
                        "64",
                        "--dataset",
                        "fashion-mnist",
                        "-o",
                        sampled.toString());
        assertEquals(0, sample.exitCode(), sample.err());
        assertTrue(sample.out().contains("after MCMC  memorising?"), sample.out());
        assertTrue(sample.out().contains("real images n = 64: FID"), sample.out());
        assertTrue(sample.out().contains("after MCMC  n = 64: FID"), sample.out());
        JsonObject quality =
                JsonParser.parseString(Files.readString(sampled.resolve("sampling.json")))
                        .getAsJsonObject()
                        .getAsJsonObject("imageQuality");
        assertTrue(quality.get("classifierTestAccuracy").getAsDouble() >= 0.9);
        for (String set : new String[] {"realTrainingImages", "rawGenerator", "mcmc"}) {
            JsonObject figures = quality.getAsJsonObject(set);
            assertEquals(64, figures.get("samples").getAsInt(), set);
            assertEquals(10_000, figures.get("referenceSize").getAsInt(), set);
            assertTrue(Double.isFinite(figures.get("fid").getAsDouble()), set);
            assertEquals(10, figures.getAsJsonArray("classFractions").size(), set);
        }
        // The images as CSV too: a header and one row of 784 pixels per sample.
        java.util.List<String> rows = Files.readAllLines(sampled.resolve("samples.csv"));
        assertEquals(65, rows.size());
        assertEquals(784, rows.get(1).split(",").length);
        java.awt.image.BufferedImage grid =
                javax.imageio.ImageIO.read(sampled.resolve("samples-mcmc.png").toFile());
        assertEquals(8 * (28 * 3 + 3) + 3, grid.getWidth());

        assertBad(
                run(
                        "train",
                        "--dataset",
                        "fashion-mnist",
                        "--classes",
                        "11",
                        "-o",
                        dir.resolve("never").toString()),
                "0..9");
        assertBad(
                run(
                        "train",
                        "--dataset",
                        "fashion-mnist",
                        "--preset",
                        "fast-2d",
                        "-o",
                        dir.resolve("never").toString()),
                "image-narrow");
        assertBad(
                run(
                        "train",
                        "--dataset",
                        "fashion-mnist",
                        "--data-folder",
                        dir.resolve("nowhere").toString(),
                        "-o",
                        dir.resolve("never").toString()),
                "apt-get install dataset-fashion-mnist");
        assertFalse(Files.exists(dir.resolve("never")));
    }

    @Test
    void stackedFashionMnistTrainsAndCountsModes(@TempDir Path dir) throws Exception {
        Path trained = dir.resolve("stacked");
        Run train =
                run(
                        "train",
                        "--dataset",
                        "stacked-fashion-mnist",
                        "--iterations",
                        "2",
                        "--mode-samples",
                        "600",
                        "--no-progress",
                        "-o",
                        trained.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("modes       raw G(z): "), train.out());
        JsonObject report =
                JsonParser.parseString(Files.readString(trained.resolve("report.json")))
                        .getAsJsonObject();
        assertEquals("stacked-fashion-mnist", report.get("dataset").getAsString());
        assertTrue(report.get("architecture").getAsString().contains("imageShape=[3, 28, 28]"));
        JsonObject modes = report.getAsJsonObject("modes");
        assertEquals(600, modes.get("samples").getAsInt());
        assertEquals(1000, modes.get("modes").getAsInt());
        JsonObject real = report.getAsJsonObject("realModes");
        assertTrue(
                real.get("covered").getAsInt() > 300,
                "600 stacked test images reach hundreds of modes: " + real);
        java.awt.image.BufferedImage grid =
                javax.imageio.ImageIO.read(trained.resolve("samples.png").toFile());
        assertEquals(3, grid.getColorModel().getNumColorComponents(), "stacked samples in colour");

        Path never = dir.resolve("never");
        assertBad(
                run(
                        "train",
                        "--dataset",
                        "stacked-fashion-mnist",
                        "--classes",
                        "1,2",
                        "-o",
                        never.toString()),
                "ten classes");
        assertBad(
                run(
                        "train",
                        "--dataset",
                        "stacked-fashion-mnist",
                        "--mode-samples",
                        "0",
                        "-o",
                        never.toString()),
                "--mode-samples");
        assertFalse(Files.exists(never));
    }

    @Test
    void classifierTrainsSavesAndServesTheImageMetrics(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("classifier");
        Run train =
                run(
                        "classifier",
                        "--epochs",
                        "1",
                        "--limit",
                        "2000",
                        "--seed",
                        "3",
                        "--no-progress",
                        "-o",
                        output.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("test accuracy"), train.out());
        JsonObject report =
                JsonParser.parseString(Files.readString(output.resolve("report.json")))
                        .getAsJsonObject();
        assertEquals(2000, report.get("trainingImages").getAsInt());
        assertTrue(report.get("testAccuracy").getAsDouble() > 0.5, report.toString());
        Path saved = output.resolve("classifier");
        try (io.github.energygan.metrics.ImageClassifier loaded =
                io.github.energygan.metrics.ImageClassifier.load(saved)) {
            assertEquals(report.get("sha256").getAsString(), loaded.getDigest());
        }

        Path sampled = dir.resolve("sampled");
        Run sample =
                run(
                        "sample",
                        "--zoo",
                        "fashion-mnist",
                        "-n",
                        "20",
                        "--steps",
                        "2",
                        "--warm-up",
                        "2",
                        "--dataset",
                        "fashion-mnist",
                        "--classifier",
                        saved.toString(),
                        "--no-progress",
                        "-o",
                        sampled.toString());
        assertEquals(0, sample.exitCode(), sample.err());
        assertTrue(
                sample.out().contains(report.get("sha256").getAsString().substring(0, 12)),
                sample.out());

        Path never = dir.resolve("never");
        assertBad(run("classifier", "--epochs", "0", "-o", never.toString()), "epochs");
        assertBad(run("classifier", "--limit", "0", "-o", never.toString()), "--limit");
        assertBad(
                run(
                        "classifier",
                        "--data-folder",
                        dir.resolve("nowhere").toString(),
                        "-o",
                        never.toString()),
                "apt-get install dataset-fashion-mnist");
        assertBad(
                run(
                        "sample",
                        "--zoo",
                        "fashion-mnist",
                        "--dataset",
                        "fashion-mnist",
                        "--classifier",
                        dir.resolve("nowhere").toString(),
                        "-o",
                        never.toString()),
                "not a directory");
        assertBad(
                run(
                        "sample",
                        "--zoo",
                        "ring-8",
                        "--classifier",
                        saved.toString(),
                        "-o",
                        never.toString()),
                "--dataset fashion-mnist");
        assertFalse(Files.exists(never));
    }

    @Test
    void benchPrintsTimeAndMemory() {
        Run run =
                run(
                        "bench",
                        "--iterations",
                        "30",
                        "--warmup",
                        "10",
                        "--samples",
                        "3",
                        "--data-size",
                        "2000",
                        "--batch-size",
                        "32");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("time per iteration"), run.out());
        assertTrue(run.out().contains("peak RSS"), run.out());
        assertTrue(run.out().contains("RSS growth"), run.out());
        assertTrue(
                run.out().contains("latent MALA, 2500 chains × 200 steps"), run.out());
        assertTrue(run.out().contains("points/s (U(x) of 100000 generated points"), run.out());
    }

    @Test
    void benchTimesImageTrainingSamplingAndScoring() {
        Run run =
                run(
                        "bench",
                        "--dataset",
                        "fashion-mnist",
                        "--classes",
                        "7",
                        "--iterations",
                        "3",
                        "--warmup",
                        "1",
                        "--samples",
                        "2",
                        "--batch-size",
                        "16");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("image-narrow"), run.out());
        assertTrue(run.out().contains("time per iteration"), run.out());
        assertTrue(run.out().contains("latent MALA, 500 chains × 20 steps"), run.out());
        assertTrue(run.out().contains("points/s (U(x) of 10000 generated images"), run.out());
    }

    @Test
    void evaluateMeasuresTheZoosRingAsADensity(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("evaluate");
        Run run = run("evaluate", "--zoo", "ring-8", "--data-size", "20000", "-o", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("strict minima 8/8"), run.out());
        JsonObject density =
                JsonParser.parseString(Files.readString(output.resolve("density.json")))
                        .getAsJsonObject()
                        .getAsJsonObject("density");
        // The shipped ring model as its card gives it (docs/energy-density.md): a density that
        // beats the KDE peer on held-out points, with over half its mass near the modes.
        assertEquals(-3.284, density.get("heldOutNll").getAsDouble(), 0.01);
        assertEquals(-4.28, density.get("trueDensityNll").getAsDouble(), 0.05);
        assertTrue(
                density.get("heldOutNll").getAsDouble() < density.get("kdeNll").getAsDouble());
        assertEquals(55.6, density.get("massWithin3SigmaPercent").getAsDouble(), 0.1);
        assertTrue(Files.size(output.resolve("density.png")) > 1000);

        Path never = dir.resolve("never");
        assertBad(run("evaluate", "-o", never.toString()), "-m DIR");
        assertBad(
                run("evaluate", "--zoo", "ring-8", "--dataset", "moons", "-o", never.toString()),
                "moons");
        assertBad(
                run("evaluate", "--zoo", "fashion-mnist", "-o", never.toString()), "2-D models");
        assertFalse(Files.exists(never), "the output directory was not even created");
    }

    @Test
    void badInputIsReportedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("never");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertBad(run("demo", "--lambda", "-0.5", "-o", output.toString()), "λ", "-0.5");
        assertBad(run("demo", "--n-critic", "0", "-o", output.toString()), "nCritic");
        assertBad(run("demo", "--dataset", "moons", "-o", output.toString()), "moons", "grid-25");
        assertBad(run("demo", "--preset", "huge", "-o", output.toString()), "huge", "fast-2d");
        assertBad(run("demo", "--estimator", "mine", "-o", output.toString()), "mine", "jsd");
        assertBad(run("demo", "--data-size", "0", "-o", output.toString()), "data-size");
        // Sizes no machine holds are refused before any work, not by the allocator.
        assertBad(
                run("demo", "--latent", "2000000000", "-o", output.toString()),
                "2000000000 latent features needs about");
        assertBad(
                run("demo", "--batch-size", "2000000000", "-o", output.toString()),
                "--batch-size 2000000000");
        assertBad(run("bench", "--iterations", "10", "--warmup", "10"), "warmup");
        assertBad(run("sample", "-m", file.toString(), "-o", output.toString()), "is a file");
        // Found before the chains run, not after.
        Run swissRoll =
                run("sample", "--zoo", "ring-8", "--dataset", "swiss-roll", "-o", output.toString());
        assertBad(swissRoll, "Gaussian mixture", "swiss-roll");
        assertFalse(swissRoll.out().contains("chains"), swissRoll.out());
        Run noImages =
                run(
                        "sample",
                        "--zoo",
                        "fashion-mnist",
                        "--dataset",
                        "fashion-mnist",
                        "--data-folder",
                        dir.resolve("no-such-folder").toString(),
                        "-o",
                        output.toString());
        assertBad(noImages, "not found", "no-such-folder");
        // Steps whose sum overflows are refused, not wrapped around into no MCMC at all.
        assertBad(
                run("sample", "--zoo", "ring-8", "--steps", "2147483647", "-o", output.toString()),
                "at most 2147483647");
        assertBad(
                run("sample", "--zoo", "ring-8", "--step-size", "NaN", "-o", output.toString()),
                "--step-size", "NaN");
        // Unwritable: the output path is a regular file.
        assertBad(run("demo", "-o", file.resolve("sub").toString()), "not writable");
        assertFalse(Files.exists(output), "the output directory was not even created");
    }

    @Test
    void anOutputDirectoryIsOneRunsAndIsNeverOverwrittenSilently(@TempDir Path dir)
            throws Exception {
        String[] train = {
            "train", "--dataset", "ring-8", "--iterations", "10", "--data-size", "1000",
            "--no-progress", "-o", dir.toString()
        };
        assertEquals(0, run(train).exitCode());
        String report = Files.readString(dir.resolve("report.json"));

        // Results already there are refused, and left as they were.
        assertBad(run(train), "already holds results", "report.json", "--overwrite");
        assertEquals(report, Files.readString(dir.resolve("report.json")));

        // A directory in use by another run is refused, even with --overwrite.
        String[] overwrite = java.util.Arrays.copyOf(train, train.length + 1);
        overwrite[train.length] = "--overwrite";
        try (FileChannel channel =
                        FileChannel.open(
                                dir.resolve(OutputDirectory.LOCK_FILE),
                                StandardOpenOption.WRITE);
                FileLock other = channel.lock()) {
            assertBad(run(overwrite), "in use by another energy-gan run");
            assertTrue(other.isValid());
        }
        assertEquals(report, Files.readString(dir.resolve("report.json")));

        // --overwrite empties the directory first: nothing of an earlier run stays beside the
        // new one's results.
        Path stray = Files.createDirectories(dir.resolve("checkpoints/iteration-99999999"));
        Path file = Files.writeString(dir.resolve("notes.txt"), "an earlier run's");
        assertEquals(0, run(overwrite).exitCode());
        assertFalse(Files.exists(stray));
        assertFalse(Files.exists(file));
        assertTrue(Files.exists(dir.resolve("model")));

        // A file where a result would go is found before training, not after it.
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("model"), "not a model");
        train[train.length - 1] = other.toString();
        assertBad(run(train), "already holds results", "model");
    }

    @Test
    void everyCommandsHelpIsFormattedWithoutWarnings() {
        PrintStream previous = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            for (String command : EnergyGanCommand.commandLine().getSubcommands().keySet()) {
                assertEquals(0, run(command, "--help").exitCode(), command);
            }
        } finally {
            System.setErr(previous);
        }
        // picocli reports a description it cannot format (a bare %) on System.err.
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("WARN"), err.toString());
    }

    @Test
    void anInterruptedTrainingSaysWhereItsLastCheckpointIs(@TempDir Path dir) throws Exception {
        // A checkpoint every 300 iterations: the first comes within seconds.
        Process run =
                FreshJvm.start(
                        "train",
                        "--dataset",
                        "ring-8",
                        "--iterations",
                        "3000",
                        "--no-progress",
                        "-o",
                        dir.toString());
        try {
            Path checkpoint = dir.resolve("checkpoints").resolve("iteration-00000300");
            awaitWhileAlive(run, () -> Files.isDirectory(checkpoint));
            // SIGTERM, which runs the shutdown hooks as Ctrl-C's SIGINT does; through the handle,
            // so that the process's output stays readable (Process.destroy closes it).
            run.toHandle().destroy();
            run.waitFor();
            String log = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(log.contains("interrupted; the last checkpoint is"), log);
            assertTrue(log.contains("iteration-0000"), log);
        } finally {
            run.destroyForcibly().waitFor();
        }
    }

    @Test
    void aSecondProcessCannotWriteIntoADirectoryARunHolds(@TempDir Path dir) throws Exception {
        Process first =
                FreshJvm.start(
                        "train",
                        "--dataset",
                        "ring-8",
                        "--iterations",
                        "3000",
                        "--no-progress",
                        "-o",
                        dir.toString());
        try {
            Path lockFile = dir.resolve(OutputDirectory.LOCK_FILE);
            // The first run holds the directory once this process can no longer lock it.
            awaitWhileAlive(
                    first,
                    () -> {
                        if (!Files.exists(lockFile)) {
                            return false;
                        }
                        try (FileChannel channel =
                                FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                            FileLock probe = channel.tryLock();
                            if (probe == null) {
                                return true;
                            }
                            probe.release();
                            return false;
                        }
                    });
            String[] second = {
                "train", "--dataset", "ring-8", "--iterations", "10", "--no-progress",
                "--overwrite", "-o", dir.toString()
            };
            assertBad(run(second), "in use by another energy-gan run");
            assertTrue(first.isAlive(), "the first run was left alone");
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    @Test
    void tribuoBenchRefusesBadSettingsBeforeAnyWork(@TempDir Path dir) {
        Path out = dir.resolve("out");
        assertBad(
                run("tribuo-bench", "--dataset", "mnist", "-o", out.toString()),
                "Unknown data set 'mnist'; expected digits, breast-cancer, subspace or fashion-mnist");
        assertBad(
                run("tribuo-bench", "--dataset", "digits", "--classes", "10", "-o", out.toString()),
                "The digits task's classes are [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], got 10");
        assertBad(
                run(
                        "tribuo-bench",
                        "--dataset",
                        "subspace",
                        "--protocol",
                        "HELD_OUT",
                        "-o",
                        out.toString()),
                "The subspace task has one class: use the ONE_CLASS protocol");
        assertBad(
                run(
                        "tribuo-bench",
                        "--dataset",
                        "digits",
                        "--python",
                        "/nonexistent/python3",
                        "-o",
                        out.toString()),
                "No Python with sklearn found (tried /nonexistent/python3)",
                "apt-get install python3-sklearn");
        assertFalse(Files.exists(out.resolve("bench.json")), "nothing was written");
    }

    @Test
    void configsCannotReadFilesThroughXmlEntities(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t-value");
        Path config = dir.resolve("xxe.xml");
        Files.writeString(
                config,
                "<?xml version=\"1.0\"?>\n<!DOCTYPE config [<!ENTITY leak SYSTEM \""
                        + secret.toUri()
                        + "\">]>\n<config><component name=\"trainer\" type=\"t\">&leak;</component></config>");
        for (String command : new String[] {"tribuo", "tribuo-bench"}) {
            Run run = run(command, "-c", config.toString(), "-o", dir.resolve("out").toString());
            assertBad(run, "was refused", "DOCTYPE");
            assertFalse((run.out() + run.err()).contains("s3cr3t"), run.err());
        }
        assertFalse(Files.exists(dir.resolve("out")));

        // A config reached another way (an OLCUT include) meets parsers that may not fetch
        // external entities either.
        javax.xml.parsers.SAXParser plain =
                javax.xml.parsers.SAXParserFactory.newInstance().newSAXParser();
        StringBuilder text = new StringBuilder();
        Exception refused =
                org.junit.jupiter.api.Assertions.assertThrows(
                        org.xml.sax.SAXException.class,
                        () ->
                                plain.parse(
                                        config.toFile(),
                                        new org.xml.sax.helpers.DefaultHandler() {
                                            @Override
                                            public void characters(
                                                    char[] ch, int start, int length) {
                                                text.append(ch, start, length);
                                            }
                                        }));
        assertTrue(refused.getMessage().contains("accessExternalDTD"), refused.getMessage());
        assertFalse(text.toString().contains("s3cr3t"));
    }

    @Test
    void aNumberTribuoCannotReadIsNamedWithItsDataSource(@TempDir Path dir) throws Exception {
        Path csv =
                Files.writeString(
                        dir.resolve("data.csv"), "a,b,label\n1,2,EXPECTED\nnan,3,ANOMALOUS\n");
        String source =
                "<component name=\"%s\" type=\"org.tribuo.data.csv.CSVDataSource\">"
                        + "<property name=\"dataPath\" value=\""
                        + csv
                        + "\"/><property name=\"rowProcessor\" value=\"rows\"/>"
                        + "<property name=\"outputFactory\" value=\"events\"/>"
                        + "<property name=\"outputRequired\" value=\"true\"/></component>";
        Path config =
                Files.writeString(
                        dir.resolve("csv.xml"),
                        "<config>"
                                + "<component name=\"trainer\""
                                + " type=\"io.github.energygan.tribuo.EnergyAnomalyTrainer\"/>"
                                + source.formatted("train")
                                + source.formatted("test")
                                + "<component name=\"rows\""
                                + " type=\"org.tribuo.data.columnar.RowProcessor\">"
                                + "<property name=\"responseProcessor\" value=\"response\"/>"
                                + "<propertylist name=\"fieldProcessorList\">"
                                + "<item>a</item><item>b</item></propertylist></component>"
                                + "<component name=\"response\" type=\"org.tribuo.data.columnar"
                                + ".processors.response.FieldResponseProcessor\">"
                                + "<property name=\"fieldName\" value=\"label\"/>"
                                + "<property name=\"defaultValue\" value=\"UNKNOWN\"/>"
                                + "<property name=\"outputFactory\" value=\"events\"/>"
                                + "</component>"
                                + "<component name=\"events\""
                                + " type=\"org.tribuo.anomaly.AnomalyFactory\"/>"
                                + field("a")
                                + field("b")
                                + "</config>");
        Run run = run("tribuo", "-c", config.toString(), "-o", dir.resolve("out").toString());
        assertBad(run, "data source 'train'", "nan", "NaN");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    private static String field(String name) {
        return "<component name=\""
                + name
                + "\" type=\"org.tribuo.data.columnar.processors.field.DoubleFieldProcessor\">"
                + "<property name=\"fieldName\" value=\""
                + name
                + "\"/><property name=\"throwOnInvalid\" value=\"true\"/></component>";
    }

    @Test
    void theSerialFilterAdmitsTheProjectsClassesOnly() {
        java.io.ObjectInputFilter filter =
                java.io.ObjectInputFilter.Config.createFilter(EnergyGanCommand.SERIAL_FILTER);
        assertEquals(
                java.io.ObjectInputFilter.Status.ALLOWED,
                filter.checkInput(info(org.tribuo.anomaly.Event.class)));
        assertEquals(
                java.io.ObjectInputFilter.Status.ALLOWED,
                filter.checkInput(info(java.util.ArrayList.class)));
        // A classic gadget of deserialisation attacks, from outside java.base.
        assertEquals(
                java.io.ObjectInputFilter.Status.REJECTED,
                filter.checkInput(info(javax.management.BadAttributeValueExpException.class)));
    }

    private static java.io.ObjectInputFilter.FilterInfo info(Class<?> type) {
        return new java.io.ObjectInputFilter.FilterInfo() {
            @Override
            public Class<?> serialClass() {
                return type;
            }

            @Override
            public long arrayLength() {
                return -1;
            }

            @Override
            public long depth() {
                return 1;
            }

            @Override
            public long references() {
                return 1;
            }

            @Override
            public long streamBytes() {
                return 100;
            }
        };
    }

    /** A condition that may read files. */
    private interface Check {
        boolean holds() throws Exception;
    }

    /**
     * Waits until the condition holds, failing if the process ends first: a run that never gets
     * there ends by itself, so the wait needs no clock.
     */
    @Test
    void aKilledRunResumesToTheUninterruptedRunsWeights(@TempDir Path dir) throws Exception {
        String[] run = {
            "train", "--dataset", "ring-8", "--preset", "fast-2d", "--iterations", "300",
            "--seed", "3", "--no-progress"
        };
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        assertEquals(0, finish(FreshJvm.start(with(run, "-o", whole.toString()))));

        Process victim = FreshJvm.start(with(run, "-o", killed.toString()));
        try {
            Path first = killed.resolve("checkpoints").resolve("iteration-00000100");
            awaitWhileAlive(victim, () -> Files.isDirectory(first));
        } finally {
            victim.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean-up
        }
        assertFalse(Files.exists(killed.resolve("model")), "killed before the end");
        Process resumed = FreshJvm.start(with(run, "--resume", killed.toString()));
        String log = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, resumed.waitFor(), log);
        assertTrue(log.contains("Resuming at iteration"), log);
        assertEquals(
                sha256(whole.resolve("model").resolve(EnergyGanModel.PARAMETER_FILE)),
                sha256(killed.resolve("model").resolve(EnergyGanModel.PARAMETER_FILE)));
    }

    @Test
    void resumeNeedsACheckpointWithATrainingState(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Run result =
                run(
                        "train", "--dataset", "ring-8", "--preset", "fast-2d", "--resume",
                        dir.resolve("empty").toString());
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("Nothing to resume"), result.err());
        Run both = run("train", "-o", dir.toString(), "--resume", dir.toString());
        assertEquals(2, both.exitCode(), both.err());
        assertTrue(both.err().contains("--resume DIR"), both.err());
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static int finish(Process process) throws Exception {
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(
                        java.security.MessageDigest.getInstance("SHA-256")
                                .digest(Files.readAllBytes(file)));
    }

    private static void awaitWhileAlive(Process process, Check condition) throws Exception {
        while (!condition.holds()) {
            assertTrue(process.isAlive(), "the run ended before the condition held");
            Thread.sleep(50);
        }
    }

    private static void assertBad(Run run, String... parts) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), run.err());
        }
    }

    @Test
    void tribuoTrainsFromAConfigEvaluatesAndSavesALoadableModel(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("gaussian.xml");
        Files.writeString(
                config,
                Files.readString(
                                Path.of(
                                        "..",
                                        "tribuo-adapter",
                                        "configs",
                                        "energy-anomaly-gaussian.xml"))
                        .replace(
                                "<property name=\"iterations\" value=\"1000\"/>",
                                "<property name=\"iterations\" value=\"60\"/>"));
        Path output = dir.resolve("tribuo");
        Run run = run("tribuo", "-c", config.toString(), "-o", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("AUROC"), run.out());
        assertTrue(run.out().contains("EXPECTED"), run.out()); // the confusion matrix
        JsonObject evaluation =
                JsonParser.parseString(Files.readString(output.resolve("evaluation.json")))
                        .getAsJsonObject();
        assertEquals(2000, evaluation.get("testExamples").getAsInt());
        try (io.github.energygan.tribuo.EnergyAnomalyModel model =
                io.github.energygan.tribuo.EnergyAnomalyModel.load(
                        output.resolve("model.tribuo"))) {
            assertEquals(5, model.getFeatureIDMap().size());
        }

        Run missing =
                run(
                        "tribuo",
                        "-c",
                        config.toString(),
                        "--trainer",
                        "nope",
                        "-o",
                        output.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no component named 'nope'"), missing.err());

        Path bad = dir.resolve("bad.xml");
        Files.writeString(
                bad,
                Files.readString(config)
                        .replace(
                                "<property name=\"contamination\" value=\"0.1\"/>",
                                "<property name=\"contamination\" value=\"2\"/>"));
        Run badRun = run("tribuo", "-c", bad.toString(), "-o", output.toString());
        assertEquals(2, badRun.exitCode());
        assertTrue(badRun.err().contains("contamination"), badRun.err());

        // A test set with nothing to rank is refused before training, into a fresh directory.
        Path noAnomalies = dir.resolve("no-anomalies.xml");
        Files.writeString(
                noAnomalies,
                Files.readString(config)
                        .replace(
                                "<property name=\"fractionAnomalous\" value=\"0.2\"/>",
                                "<property name=\"fractionAnomalous\" value=\"0.0\"/>"));
        Path fresh = dir.resolve("fresh");
        Run unrankable = run("tribuo", "-c", noAnomalies.toString(), "-o", fresh.toString());
        assertEquals(2, unrankable.exitCode());
        assertTrue(unrankable.err().contains("0 ANOMALOUS"), unrankable.err());
        assertTrue(unrankable.out().isEmpty(), "nothing was trained: " + unrankable.out());
        assertFalse(Files.exists(fresh));
    }
}
