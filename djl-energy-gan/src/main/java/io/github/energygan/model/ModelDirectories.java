/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import ai.djl.util.Utils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a directory whole: its content goes into a staging directory beside the target, which is
 * then switched in by renames of whole directories, so that at every instant the target is its
 * earlier content, complete, or the new content, complete (or, after a crash between the two
 * renames, absent). Staging a crash left behind for the same target is removed by the next write.
 * One writer per target at a time.
 */
public final class ModelDirectories {

    /** Prefix, after the hidden target name, of the staging and replaced directories. */
    private static final String SAVING = ".saving-";

    private ModelDirectories() {}

    /** What fills the staging directory. */
    @FunctionalInterface
    public interface Writer {

        /**
         * Writes the directory's content.
         *
         * @param staging an empty directory beside the target
         * @throws IOException if it cannot be written
         */
        void write(Path staging) throws IOException;
    }

    /**
     * Writes {@code target} whole, replacing what it held.
     *
     * @param target the directory to write
     * @param writer what fills it
     * @throws IOException if it cannot be written; the target then keeps its earlier content
     */
    public static void replace(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IOException("Cannot write the file-system root " + absolute);
        }
        Files.createDirectories(parent);
        String hidden = "." + absolute.getFileName();
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path stale :
                    entries.filter(p -> p.getFileName().toString().startsWith(hidden + SAVING))
                            .toList()) {
                Utils.deleteQuietly(stale);
            }
        }
        // Not Files.createTempDirectory: its owner-only permissions would stay on the result.
        Path staging = Files.createDirectory(parent.resolve(hidden + SAVING + UUID.randomUUID()));
        try {
            writer.write(staging);
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                Path replaced = parent.resolve(hidden + SAVING + "replaced-" + UUID.randomUUID());
                Files.move(absolute, replaced, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
                Utils.deleteQuietly(replaced);
            } else {
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Utils.deleteQuietly(staging);
        }
    }
}
