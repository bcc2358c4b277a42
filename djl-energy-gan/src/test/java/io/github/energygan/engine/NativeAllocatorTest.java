/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.Locale;

/** The allocator settings apply exactly where they should, once. */
class NativeAllocatorTest {

    @Test
    void appliesOnGlibcUnlessTheUserChoseOtherwise() {
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
        boolean userSet = System.getenv().keySet().stream().anyMatch(n -> n.startsWith("MALLOC_"));
        boolean disabled =
                !Boolean.parseBoolean(System.getProperty(NativeAllocator.DISABLE_PROPERTY, "true"));
        boolean first = NativeAllocator.keepBuffersInHeap();
        if (linux && !userSet && !disabled && isGlibc()) {
            assertEquals(true, first, "glibc's mallopt took all three settings");
        } else {
            assertEquals(false, first);
        }
        assertEquals(first, NativeAllocator.keepBuffersInHeap(), "once per process");
    }

    /** Whether the C library is glibc: {@code ldd --version} names it ("GLIBC", "GNU libc"). */
    private static boolean isGlibc() {
        try {
            Process ldd = new ProcessBuilder("ldd", "--version").redirectErrorStream(true).start();
            String text = new String(ldd.getInputStream().readAllBytes()).toUpperCase(Locale.ROOT);
            return text.contains("GLIBC") || text.contains("GNU LIBC");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
