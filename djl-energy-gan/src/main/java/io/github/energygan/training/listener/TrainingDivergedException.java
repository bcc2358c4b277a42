/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training.listener;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Thrown when training diverges (a non-finite loss or energy, or an energy that runs away). The
 * step that diverged is not applied; the last checkpoint written before it, if any, is intact and
 * named here.
 */
public class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long iteration;
    private final transient Path lastCheckpoint;

    /**
     * Creates the exception.
     *
     * @param iteration the iteration (1-based) at which divergence was seen
     * @param reason what was seen
     * @param lastCheckpoint the last good checkpoint, or null if none was written
     */
    public TrainingDivergedException(long iteration, String reason, Path lastCheckpoint) {
        super(message(iteration, reason, lastCheckpoint));
        this.iteration = iteration;
        this.lastCheckpoint = lastCheckpoint;
    }

    private static String message(long iteration, String reason, Path lastCheckpoint) {
        return "Training diverged at iteration "
                + iteration
                + ": "
                + reason
                + (lastCheckpoint == null
                        ? "; no checkpoint had been written yet"
                        : "; the last good checkpoint is " + lastCheckpoint)
                + ". Try a smaller learning rate or a larger gradient penalty λ.";
    }

    /**
     * Returns the iteration at which divergence was seen.
     *
     * @return the 1-based iteration
     */
    public long getIteration() {
        return iteration;
    }

    /**
     * Returns the last good checkpoint.
     *
     * @return the checkpoint directory, if one was written
     */
    public Optional<Path> getLastCheckpoint() {
        return Optional.ofNullable(lastCheckpoint);
    }

    /**
     * Returns the reason without the checkpoint advice, as given by the detector.
     *
     * @return the message
     */
    public String getReason() {
        String message = getMessage();
        int start = message.indexOf(": ") + 2;
        int end = message.indexOf("; ", start);
        return end > start ? message.substring(start, end) : message;
    }
}
