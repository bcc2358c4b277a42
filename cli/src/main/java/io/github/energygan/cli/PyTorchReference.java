/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch peer of {@code bench}: the reference script ({@code bench/meg_toy_reference.py} in
 * the repository, shipped inside this jar) run by a Python that has PyTorch, one training
 * iteration of the reference 2-D setting at a given thread count.
 */
final class PyTorchReference {

    private static final String SCRIPT = "bench/meg_toy_reference.py";
    private static final Pattern MS = Pattern.compile("ms_per_iteration=([0-9.]+)");
    private static final Pattern VERSION = Pattern.compile("pytorch (\\S+)");

    private final String python;
    private final Path script;

    private PyTorchReference(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * Finds a Python with PyTorch: the one given, else {@code python3} on the path, else Debian's
     * {@code /usr/bin/python3} (where {@code python3-torch} installs).
     *
     * @param python the Python to use, or null to search
     * @param work a folder for the script
     * @return the peer
     * @throws IllegalArgumentException if no Python with PyTorch is found, saying how to get one
     * @throws IOException if the script cannot be written
     */
    static PyTorchReference find(String python, Path work) throws IOException {
        List<String> candidates =
                python != null ? List.of(python) : List.of("python3", "/usr/bin/python3");
        for (String candidate : candidates) {
            if (hasTorch(candidate)) {
                Path script = work.resolve("meg_toy_reference.py");
                try (InputStream in =
                        PyTorchReference.class.getResourceAsStream(
                                "/io/github/energygan/cli/" + SCRIPT)) {
                    if (in == null) {
                        throw new IOException("The jar lacks " + SCRIPT);
                    }
                    Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
                }
                return new PyTorchReference(candidate, script);
            }
        }
        throw new IllegalArgumentException(
                "No Python with PyTorch found (tried "
                        + String.join(", ", candidates)
                        + "); on Debian: apt-get install python3-torch libopenblas0-pthread, or"
                        + " give one with --python");
    }

    private static boolean hasTorch(String python) {
        try {
            Process p =
                    new ProcessBuilder(python, "-c", "import torch")
                            .redirectErrorStream(true)
                            .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs the script.
     *
     * @param iterations timed iterations (after its own five warm-up ones)
     * @param threads PyTorch's intra-op threads
     * @return the result
     * @throws IOException if the script fails or prints no timing
     * @throws InterruptedException if interrupted while waiting
     */
    Result run(int iterations, int threads) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.add(Integer.toString(iterations));
        command.add(Integer.toString(threads));
        // The script sets PyTorch's intra-op threads; the BLAS beneath keeps its own default (with
        // OMP_NUM_THREADS=1 as well, the 1-thread reference ran 35 % slower here).
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        Matcher ms = MS.matcher(output);
        if (code != 0 || !ms.find()) {
            throw new IOException("The PyTorch reference failed (exit " + code + "): " + output);
        }
        Matcher version = VERSION.matcher(output);
        return new Result(
                Double.parseDouble(ms.group(1)), version.find() ? version.group(1) : "?", threads);
    }

    /**
     * One run of the reference.
     *
     * @param msPerIteration milliseconds per training iteration
     * @param version PyTorch's version
     * @param threads its thread count
     */
    record Result(double msPerIteration, String version, int threads) {}
}
