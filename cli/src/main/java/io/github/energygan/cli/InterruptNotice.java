/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import io.github.energygan.training.EnergyGanTrainingConfig;
import io.github.energygan.training.listener.CheckpointListener;

import java.io.PrintStream;
import java.util.Optional;

/**
 * While a training runs, says on an interrupt (Ctrl-C, SIGTERM) where its last checkpoint is, so
 * that the work done so far is not lost to a user who does not know where to look. Closing it
 * once training has ended withdraws the notice.
 */
final class InterruptNotice implements AutoCloseable {

    private final Thread hook;

    private InterruptNotice(Thread hook) {
        this.hook = hook;
    }

    /**
     * Registers the notice for a training's checkpoints.
     *
     * @param config the training's config; its {@link CheckpointListener}, if any, is reported
     * @param output the run's output directory, which {@code --resume} takes
     * @param err where to print the notice
     * @return the registered notice
     */
    static InterruptNotice during(
            EnergyGanTrainingConfig config, java.nio.file.Path output, PrintStream err) {
        Optional<CheckpointListener> checkpoints =
                config.listeners().stream()
                        .filter(CheckpointListener.class::isInstance)
                        .map(CheckpointListener.class::cast)
                        .findFirst();
        Thread hook =
                new Thread(
                        () -> {
                            Optional<java.nio.file.Path> last =
                                    checkpoints.flatMap(CheckpointListener::getLastCheckpoint);
                            err.println();
                            err.println(
                                    last.map(
                                                    p ->
                                                            "energy-gan: interrupted; the last"
                                                                    + " checkpoint is "
                                                                    + p.toAbsolutePath()
                                                                    + " (load it with sample -m"
                                                                    + " or evaluate -m); to"
                                                                    + " continue the run, repeat"
                                                                    + " its train command with"
                                                                    + " --resume "
                                                                    + output.toAbsolutePath()
                                                                    + " in place of -o")
                                            .orElse(
                                                    "energy-gan: interrupted before the first"
                                                            + " checkpoint"));
                            err.flush();
                        },
                        "energy-gan-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptNotice(hook);
    }

    /** Withdraws the notice: training ended. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the notice is being printed.
        }
    }
}
