/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads this process's resident set size from {@code /proc/self/status} (Linux), for the benchmarks'
 * memory figures.
 */
public final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {}

    /**
     * Returns the current resident set size.
     *
     * @return bytes, or empty where {@code /proc} is not available
     */
    public static OptionalLong current() {
        return read("VmRSS:");
    }

    /**
     * Returns the peak resident set size so far.
     *
     * @return bytes, or empty where {@code /proc} is not available
     */
    public static OptionalLong peak() {
        return read("VmHWM:");
    }

    private static OptionalLong read(String key) {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024L);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /**
     * Resets the peak to the current size (Linux {@code /proc/self/clear_refs}), so that {@link
     * #peak} measures one phase of a run.
     *
     * @return whether the kernel took the reset
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Formats a size for a report.
     *
     * @param bytes the size
     * @return e.g. {@code 812.4 MiB}, or {@code n/a}
     */
    public static String megabytes(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(java.util.Locale.ROOT, "%.1f MiB", bytes.getAsLong() / 1048576.0) : "n/a";
    }
}
