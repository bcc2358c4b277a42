/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer's Python script, shipped inside this jar (from the repository's {@code bench} folder),
 * written to a work folder and run by a Python that has the module it needs. The benchmarks use it
 * to time and score against PyTorch and scikit-learn in the same run.
 */
public final class PythonScript {

    private static final String BENCH = "/io/github/energygan/cli/bench/";

    private final String python;
    private final Path script;

    private PythonScript(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * Finds a Python that can import {@code module}: the one given, else {@code python3} on the
     * path, else Debian's {@code /usr/bin/python3} (where Debian's {@code python3-*} packages
     * install), and writes the script to {@code work}.
     *
     * @param python the Python to use, or null to search
     * @param module the module the script imports, such as {@code torch} or {@code sklearn}
     * @param name the script's file name in the repository's {@code bench} folder
     * @param install how to install the module, for the message if none is found
     * @param work an existing folder for the script
     * @return the script, ready to run
     * @throws IllegalArgumentException if no Python with the module is found, saying how to get one
     * @throws IOException if the script cannot be written
     */
    public static PythonScript find(
            String python, String module, String name, String install, Path work)
            throws IOException {
        List<String> candidates =
                python != null ? List.of(python) : List.of("python3", "/usr/bin/python3");
        for (String candidate : candidates) {
            if (imports(candidate, module)) {
                Path script = work.resolve(name);
                try (InputStream in = PythonScript.class.getResourceAsStream(BENCH + name)) {
                    if (in == null) {
                        throw new IOException("The jar lacks bench/" + name);
                    }
                    Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
                }
                return new PythonScript(candidate, script);
            }
        }
        throw new IllegalArgumentException(
                "No Python with "
                        + module
                        + " found (tried "
                        + String.join(", ", candidates)
                        + "); "
                        + install
                        + ", or give one with --python");
    }

    private static boolean imports(String python, String module) {
        try {
            Process p =
                    new ProcessBuilder(python, "-c", "import " + module)
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
     * Runs the script and returns what it printed.
     *
     * @param arguments the script's arguments
     * @return its standard output and error, together
     * @throws IOException if it cannot start or exits with a failure (the message holds its output)
     * @throws InterruptedException if interrupted while waiting
     */
    public String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(arguments);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException(
                    script.getFileName() + " failed (exit " + code + ", " + python + "): " + output);
        }
        return output;
    }

    /**
     * Returns the Python that runs the script.
     *
     * @return the command, as found
     */
    public String python() {
        return python;
    }
}
