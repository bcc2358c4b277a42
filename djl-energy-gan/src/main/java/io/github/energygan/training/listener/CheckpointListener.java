/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training.listener;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import ai.djl.util.Utils;

import io.github.energygan.loss.GeneratorLoss;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.model.ModelDirectories;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Saves the model every {@code every} completed iterations into {@code
 * directory/iteration-NNNNNNNN/}, keeping the newest {@code keep}: an {@link EnergyGanModel}'s
 * directory ({@link EnergyGanModel#load} reads it), or any DJL {@code Model}'s in a pipeline of the
 * user's own ({@code Model.load} reads it).
 *
 * <p>A checkpoint is taken at the start of the iteration after the one that completes the interval,
 * once the {@link DivergenceGuard} (which runs first) has seen finite energies from the weights
 * being saved, and only if every weight is finite. Each is written into a hidden staging directory
 * and renamed into place, so a checkpoint directory is always complete: a run that diverges or is
 * killed keeps its last good one.
 */
public class CheckpointListener extends EnergyGanListener {

    private static final Logger logger = LoggerFactory.getLogger(CheckpointListener.class);

    private final Block block;
    private final Model djlModel;
    private EnergyGanModel energyGan;
    private volatile ModelDirectories.Writer companion;
    private final Path directory;
    private final int every;
    private final int keep;
    private final List<Path> written = new ArrayList<>();
    private long lastSavedIteration;

    /**
     * Creates the listener.
     *
     * @param model the model being trained
     * @param directory where checkpoints go; created if needed
     * @param every save every this many iterations, {@code >= 1}
     * @param keep how many of the newest checkpoints to keep, {@code >= 1}
     * @throws IllegalArgumentException if {@code every} or {@code keep} is below 1
     */
    public CheckpointListener(EnergyGanModel model, Path directory, int every, int keep) {
        this(Objects.requireNonNull(model, "model").getBlock(), null, directory, every, keep);
        this.energyGan = model;
    }

    /**
     * Creates the listener for any DJL model, in a pipeline of the user's own: each checkpoint is
     * the directory {@code Model.save(dir, model.getName())} writes, which {@code Model.load}
     * reads back.
     *
     * @param model the model being trained
     * @param directory where checkpoints go; created if needed
     * @param every save every this many iterations, {@code >= 1}
     * @param keep how many of the newest checkpoints to keep, {@code >= 1}
     * @throws IllegalArgumentException if {@code every} or {@code keep} is below 1
     */
    public CheckpointListener(Model model, Path directory, int every, int keep) {
        this(Objects.requireNonNull(model, "model").getBlock(), model, directory, every, keep);
    }

    /**
     * Sets what each checkpoint holds besides the weights, written into the same directory and
     * switched in with them; {@code EnergyGanTrainer} puts its training state (optimizer moments,
     * iteration, weight averages) here for the length of a fit, which makes its checkpoints
     * resumable.
     *
     * @param writer writes the extra files into a checkpoint's staging directory, or null for
     *     none
     */
    public void setCompanion(ModelDirectories.Writer writer) {
        this.companion = writer;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The checkpoint the run resumes from is not written again, and the checkpoints already
     * in the directory count towards the newest {@code keep}.
     */
    @Override
    public void resumeAt(long completed) {
        super.resumeAt(completed);
        lastSavedIteration = completed;
        synchronized (written) {
            written.clear();
            if (Files.isDirectory(directory)) {
                try (java.util.stream.Stream<Path> entries = Files.list(directory)) {
                    entries.filter(p -> p.getFileName().toString().matches("iteration-\\d{8}"))
                            .filter(p -> iterationOf(p) <= completed)
                            .sorted()
                            .forEach(written::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list the checkpoints in " + directory, e);
                }
            }
        }
    }

    private static long iterationOf(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring("iteration-".length()));
    }

    private CheckpointListener(Block block, Model model, Path directory, int every, int keep) {
        this.block = Objects.requireNonNull(block, "the model's block");
        this.djlModel = model;
        this.directory = Objects.requireNonNull(directory, "directory");
        if (every < 1 || keep < 1) {
            throw new IllegalArgumentException(
                    "Checkpoint interval and count must be >= 1, got " + every + " and " + keep);
        }
        this.every = every;
        this.keep = keep;
    }

    /**
     * Returns the newest checkpoint written.
     *
     * @return its directory, if any
     */
    public Optional<Path> getLastCheckpoint() {
        synchronized (written) {
            return written.isEmpty()
                    ? Optional.empty()
                    : Optional.of(written.get(written.size() - 1));
        }
    }

    /**
     * Returns the checkpoints still on disk, oldest first.
     *
     * @return the directories
     */
    public List<Path> getCheckpoints() {
        synchronized (written) {
            return Collections.unmodifiableList(new ArrayList<>(written));
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void onEnergyStep(Trainer trainer, BatchData batchData, long iteration) {
        long completed = iteration - 1;
        if (completed == 0 || completed % every != 0 || completed == lastSavedIteration) {
            return;
        }
        lastSavedIteration = completed;
        if (!weightsFinite()) {
            logger.warn("Not checkpointing iteration {}: some weights are not finite", completed);
            return;
        }
        try {
            save(completed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write checkpoint into " + directory, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Writes the last iteration's checkpoint when it is due: during training a checkpoint is
     * written at the next step, once the optimiser has applied the update, and after the last
     * iteration there is no next step.
     */
    @Override
    public void onTrainingEnd(Trainer trainer) {
        boolean endsIterations =
                trainer.getLoss() instanceof GeneratorLoss || !hasGeneratorSteps();
        long completed = getCompletedIterations();
        if (!endsIterations
                || completed == 0
                || completed % every != 0
                || completed == lastSavedIteration) {
            return;
        }
        onEnergyStep(trainer, null, completed + 1);
    }

    private boolean weightsFinite() {
        for (Pair<String, Parameter> pair : block.getParameters()) {
            NDArray array = pair.getValue().getArray();
            // Arrays derived from a parameter join the model's manager: work on a scoped view.
            try (NDManager scope = array.getManager().newSubManager()) {
                NDArray view = array.stopGradient();
                view.attach(scope);
                if (view.isNaN().logicalOr(view.isInfinite()).any().getBoolean()) {
                    return false;
                }
            }
        }
        return true;
    }

    private void save(long completed) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(String.format(Locale.ROOT, "iteration-%08d", completed));
        // The save switches the whole directory in: a crash leaves the checkpoint absent or whole.
        ModelDirectories.Writer extra = companion != null ? companion : staging -> {};
        if (energyGan != null) {
            energyGan.save(target, extra);
        } else {
            ModelDirectories.replace(
                    target,
                    staging -> {
                        djlModel.save(staging, djlModel.getName());
                        extra.write(staging);
                    });
        }
        synchronized (written) {
            written.add(target);
            while (written.size() > keep) {
                Utils.deleteQuietly(written.remove(0));
            }
        }
        logger.debug("Checkpoint written: {}", target);
    }

    @Override
    public String toString() {
        return "CheckpointListener(every " + every + " iterations, last " + keep + " kept)";
    }
}
