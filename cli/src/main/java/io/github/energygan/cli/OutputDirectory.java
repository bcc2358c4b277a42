/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output directory before any work starts. */
final class OutputDirectory {

    private OutputDirectory() {}

    /**
     * Creates the directory if needed and proves it writable by writing and deleting a file.
     *
     * @param directory the directory
     * @return the directory
     * @throws IllegalArgumentException if it cannot be created or written, saying which
     */
    static Path prepare(Path directory) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".write-test-", ".tmp");
            Files.delete(probe);
            return directory;
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(
                    "Output directory "
                            + directory.toAbsolutePath()
                            + " is not writable ("
                            + e
                            + "); choose another with --output",
                    e);
        }
    }
}
