/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import com.sun.jna.Library;
import com.sun.jna.Native;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libtorch's threads, set by measurement rather than left at one per core.
 *
 * <ul>
 *   <li>{@link #waitPassively()}: OpenMP threads that finish a parallel region sleep at once
 *       instead of spinning. Spinning is what collapses a 2-thread run when another process wants
 *       a core: measured on 2 cores with a second CPU-bound process, the reference 2-D setting ran
 *       630 ms per iteration against 185 ms idle with spinning threads, and 323 against 217 ms
 *       with sleeping ones. OpenMP reads {@code OMP_WAIT_POLICY} once, when libtorch loads, so
 *       this must run before the engine starts; it sets the variable in the process (through
 *       JNA's {@code setenv}) unless the user set it.
 *   <li>{@link #useIntraOpThreads(int)}: the intra-op thread count, unless the user chose one
 *       ({@code OMP_NUM_THREADS}, or DJL's {@code ai.djl.pytorch.num_threads}).
 * </ul>
 *
 * <p>Both are the whole process's settings, so the library never applies them on its own; the
 * command lines do.
 */
public final class EngineThreads {

    private static final Logger logger = LoggerFactory.getLogger(EngineThreads.class);

    private EngineThreads() {}

    /** libc's {@code setenv}, through JNA. */
    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * Makes OpenMP's idle threads sleep rather than spin, if libtorch has not loaded yet and the
     * user did not set {@code OMP_WAIT_POLICY}.
     *
     * @return whether the policy was set
     */
    public static boolean waitPassively() {
        if (System.getenv("OMP_WAIT_POLICY") != null) {
            return false;
        }
        try {
            boolean set = Native.load("c", LibC.class).setenv("OMP_WAIT_POLICY", "PASSIVE", 0) == 0;
            logger.debug("OMP_WAIT_POLICY=PASSIVE set: {}", set);
            return set;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            logger.debug("OMP_WAIT_POLICY not set: {}", e.toString());
            return false;
        }
    }

    /**
     * Sets libtorch's intra-op threads (starting the engine if needed), unless the user chose a
     * count.
     *
     * @param threads the count; 0 leaves the engine's default
     * @return whether the count was set
     */
    public static boolean useIntraOpThreads(int threads) {
        if (threads <= 0
                || System.getenv("OMP_NUM_THREADS") != null
                || System.getProperty("ai.djl.pytorch.num_threads") != null
                || System.getenv("ai.djl.pytorch.num_threads") != null) {
            return false;
        }
        Engine.getEngine("PyTorch"); // loads libtorch, whose thread calls follow
        JniUtils.setNumThreads(threads);
        logger.debug("libtorch intra-op threads: {}", threads);
        return true;
    }
}
