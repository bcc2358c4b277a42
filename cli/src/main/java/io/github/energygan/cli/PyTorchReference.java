/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import io.github.energygan.cli.benchmark.PythonScript;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch peer of {@code bench}: the reference script ({@code bench/meg_toy_reference.py} in
 * the repository, shipped inside this jar) run by a Python that has PyTorch, one training
 * iteration of the reference 2-D setting at a given thread count.
 */
final class PyTorchReference {

    private static final Pattern MS = Pattern.compile("ms_per_iteration=([0-9.]+)");
    private static final Pattern VERSION = Pattern.compile("pytorch (\\S+)");

    private final PythonScript script;

    private PyTorchReference(PythonScript script) {
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
        return new PyTorchReference(
                PythonScript.find(
                        python,
                        "torch",
                        "meg_toy_reference.py",
                        "on Debian: apt-get install python3-torch libopenblas0-pthread",
                        work));
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
        // The script sets PyTorch's intra-op threads; the BLAS beneath keeps its own default (with
        // OMP_NUM_THREADS=1 as well, the 1-thread reference ran 35 % slower here).
        String output =
                script.run(List.of(Integer.toString(iterations), Integer.toString(threads)));
        Matcher ms = MS.matcher(output);
        if (!ms.find()) {
            throw new IOException("The PyTorch reference printed no timing: " + output);
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
