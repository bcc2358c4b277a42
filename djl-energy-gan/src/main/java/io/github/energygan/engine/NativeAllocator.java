/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Keeps libtorch's large, short-lived buffers in glibc's heap instead of handing them back to the
 * kernel after every batch.
 *
 * <p>Scoring and sampling run batches of thousands of points; each batch's activations are
 * hundreds of kilobytes to megabytes, allocated and freed once per network pass. With glibc's
 * defaults such sizes get fresh {@code mmap} calls, or are trimmed off the heap's top when freed,
 * so every batch maps new pages that the kernel must zero on first write. Measured on 2 cores,
 * that was 43 % of a scoring run's time and halved 2-D sampling throughput. Three settings
 * together (through {@code mallopt}, the calls behind the {@code MALLOC_*_} environment variables)
 * avoid it: an mmap threshold of 32 MiB (glibc's maximum), a trim threshold of 1 GiB and a top pad
 * of 256 MiB. Any one alone, or two, did not help. They change no computed number and keep at most
 * the trim threshold of freed memory in the process.
 *
 * <p>The settings are process-wide, so the library never applies them on its own: the command
 * line and the Spark tasks call {@link #keepBuffersInHeap()}, and an application can too. They are
 * skipped where the C library is not glibc, where the user set any {@code MALLOC_} environment
 * variable, and when the system property {@value #DISABLE_PROPERTY} is {@code false}.
 */
public final class NativeAllocator {

    /** Set to {@code false} to leave the C library's allocator settings alone. */
    public static final String DISABLE_PROPERTY = "energygan.allocator.tune";

    /** Allocations below this come from the heap: glibc's maximum, 32 MiB. */
    public static final int MMAP_THRESHOLD = 32 << 20;

    /** Freed memory at the heap's top is kept up to this: 1 GiB. */
    public static final int TRIM_THRESHOLD = 1 << 30;

    /** The heap grows by this much more than it needs at a time: 256 MiB. */
    public static final int TOP_PAD = 256 << 20;

    private static final Logger logger = LoggerFactory.getLogger(NativeAllocator.class);

    // glibc's <malloc.h> parameter numbers.
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    private static Boolean applied;

    private NativeAllocator() {}

    /** The two glibc calls used, through JNA (DJL's own dependency). */
    private interface GlibC extends Library {
        int mallopt(int param, int value);

        String gnu_get_libc_version();
    }

    /**
     * Applies the settings once per process.
     *
     * @return whether the settings are in force
     */
    public static synchronized boolean keepBuffersInHeap() {
        if (applied == null) {
            applied = apply();
        }
        return applied;
    }

    private static boolean apply() {
        if (!Boolean.parseBoolean(System.getProperty(DISABLE_PROPERTY, "true"))) {
            logger.debug("Allocator settings left alone ({}=false)", DISABLE_PROPERTY);
            return false;
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        for (String name : System.getenv().keySet()) {
            if (name.startsWith("MALLOC_")) {
                logger.debug("Allocator settings left alone: {} is set", name);
                return false;
            }
        }
        try {
            GlibC c = Native.load("c", GlibC.class);
            String version = c.gnu_get_libc_version();
            boolean ok =
                    c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                            & c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
                            & c.mallopt(M_TOP_PAD, TOP_PAD) == 1;
            logger.debug("glibc {} allocator settings applied: {}", version, ok);
            return ok;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // Not glibc (musl has no gnu_get_libc_version), or no JNA native support.
            logger.debug("Allocator settings not applied: {}", e.toString());
            return false;
        }
    }
}
