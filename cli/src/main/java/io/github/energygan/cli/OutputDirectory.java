/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Checks an output directory before any work starts, and writes text files into it whole. */
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

    /**
     * Writes a text file so that it is either absent or complete: into a staging file beside it,
     * then moved over it in one step.
     *
     * @param target the file to write
     * @param content its content, written as UTF-8
     * @throws IOException if the file cannot be written
     */
    static void writeString(Path target, String content) throws IOException {
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a binary file so that it is either absent or complete, as {@link #writeString}.
     *
     * @param target the file to write
     * @param content its content
     * @throws IOException if the file cannot be written
     */
    static void writeBytes(Path target, byte[] content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        // Not Files.createTempFile, which would leave the file readable by its owner only.
        Path staging = parent.resolve("." + target.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.write(staging, content);
            Files.move(
                    staging,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staging);
        }
    }
}
