/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in a process of its own, with the tests' class path. */
final class FreshJvm {

    private FreshJvm() {}

    /**
     * Starts {@code energy-gan ARGS} in a new JVM, its standard error merged into its output.
     *
     * @param args the command line's arguments
     * @return the process
     * @throws IOException if it cannot be started
     */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EnergyGanCommand.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
