/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import io.github.energygan.engine.NativeAllocator;

import org.apache.spark.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares an executor for a task's model.
 *
 * <ul>
 *   <li>glibc's allocator keeps libtorch's batch buffers in the heap ({@link NativeAllocator},
 *       once per process; off with {@code -Denergygan.allocator.tune=false} in {@code
 *       spark.executor.extraJavaOptions}).
 *   <li>libtorch gets as many intra-op threads as Spark gives the task cores ({@code
 *       spark.task.cpus}, 1 by default). Spark already runs one task per core; libtorch's default
 *       of one thread per core in every task would put cores² threads on the cores, and on small
 *       networks OpenMP threads that wait on each other cost more than they gain. A thread count
 *       set explicitly with the {@code ai.djl.pytorch.num_threads} system property or environment
 *       variable is left alone.
 * </ul>
 */
final class TaskSetup {

    private static final Logger logger = LoggerFactory.getLogger(TaskSetup.class);
    private static final String PROPERTY = "ai.djl.pytorch.num_threads";

    private TaskSetup() {}

    /** Applies the settings, when running in a Spark task on the PyTorch engine. */
    static void prepare() {
        NativeAllocator.keepBuffersInHeap();
        TaskContext task = TaskContext.get();
        if (task == null
                || System.getProperty(PROPERTY) != null
                || System.getenv(PROPERTY) != null
                || !"PyTorch".equals(Engine.getInstance().getEngineName())) {
            return;
        }
        // OpenMP keeps the count per thread, so each task thread sets it for itself.
        int cores = task.cpus();
        logger.debug("libtorch intra-op threads set to {} (spark.task.cpus)", cores);
        JniUtils.setNumThreads(cores);
    }
}
