/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Claims an output directory before any work starts, and writes text files into it whole.
 *
 * <p>A run owns its output directory for as long as it runs: an exclusive lock on {@value
 * #LOCK_FILE} keeps a second run out (two runs into one directory would mix their weights,
 * reports and checkpoints), and a directory that already holds results is refused unless the user
 * asked for it to be overwritten, in which case it is emptied first, so that no stale checkpoint
 * or report can be mistaken for the new run's.
 */
final class OutputDirectory {

    /** The lock file a run holds; it stays behind, empty, and does not count as a result. */
    static final String LOCK_FILE = ".energy-gan.lock";

    private OutputDirectory() {}

    /**
     * An output directory this process holds the lock of; closing it releases the lock.
     *
     * @param path the directory
     */
    record Claim(Path path, FileChannel channel, FileLock lock) implements AutoCloseable {

        /** Releases the lock. */
        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /**
     * Creates the directory if needed, locks it for this run, and checks that it holds no
     * earlier results (or, with {@code overwrite}, deletes them).
     *
     * @param directory the directory
     * @param overwrite whether results already there may be deleted
     * @return the claim, to be closed when the run has written everything
     * @throws IllegalArgumentException if the directory cannot be created or written, is in use
     *     by another run, or holds results and {@code overwrite} is false, saying which and what
     *     to do
     */
    static Claim claim(Path directory, boolean overwrite) {
        return claim(directory, overwrite, false);
    }

    /**
     * Claims the output directory of an interrupted run, to continue it: locked as {@link
     * #claim} does, with its results kept.
     *
     * @param directory the run's output directory
     * @return the claim, to be closed when the run ends
     * @throws IllegalArgumentException if the directory does not exist, or another run holds it
     */
    static Claim claimToResume(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(
                    "Nothing to resume in "
                            + directory.toAbsolutePath()
                            + ": it is not a directory; --resume takes the output directory of an"
                            + " interrupted train run");
        }
        return claim(directory, false, true);
    }

    private static Claim claim(Path directory, boolean overwrite, boolean resume) {
        Path lockFile = directory.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            Files.createDirectories(directory);
            channel =
                    FileChannel.open(
                            lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            throw notWritable(directory, e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new IllegalArgumentException(
                        "Output directory "
                                + directory.toAbsolutePath()
                                + " is in use by another energy-gan run (it holds "
                                + LOCK_FILE
                                + "); wait for that run to end, or choose another with --output");
            }
            Claim claim = new Claim(directory, channel, lock);
            try {
                List<Path> results = resume ? List.of() : results(directory);
                if (!results.isEmpty()) {
                    if (!overwrite) {
                        throw new IllegalArgumentException(
                                "Output directory "
                                        + directory.toAbsolutePath()
                                        + " already holds results ("
                                        + names(results)
                                        + "); pass --overwrite to replace them, or choose"
                                        + " another with --output");
                    }
                    for (Path result : results) {
                        deleteRecursively(result);
                    }
                }
                Path probe = Files.createTempFile(directory, ".write-test-", ".tmp");
                Files.delete(probe);
                return claim;
            } catch (IOException | SecurityException e) {
                claim.close();
                throw notWritable(directory, e);
            } catch (RuntimeException e) {
                claim.close();
                throw e;
            }
        } catch (IOException e) {
            throw notWritable(directory, e);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by another run in this same process.
            return null;
        }
    }

    private static List<Path> results(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> !p.getFileName().toString().equals(LOCK_FILE))
                    .sorted()
                    .toList();
        }
    }

    private static String names(List<Path> results) {
        String shown =
                results.stream()
                        .limit(5)
                        .map(p -> p.getFileName().toString())
                        .collect(Collectors.joining(", "));
        return results.size() > 5 ? shown + ", … " + results.size() + " entries" : shown;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteRecursively(child);
                }
            }
        }
        Files.delete(path);
    }

    private static void closeQuietly(FileChannel channel, RuntimeException cause) {
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static IllegalArgumentException notWritable(Path directory, Exception e) {
        return new IllegalArgumentException(
                "Output directory "
                        + directory.toAbsolutePath()
                        + " is not writable ("
                        + e
                        + "); choose another with --output",
                e);
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
