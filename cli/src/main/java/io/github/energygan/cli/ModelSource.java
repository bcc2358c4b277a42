/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.ModelNotFoundException;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.zoo.EnergyGanModelZoo;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command's trained model comes from: a saved directory or the zoo (a picocli mixin). */
final class ModelSource {

    @Option(
            names = {"-m", "--model"},
            description = "Model directory, as saved by train (its model/ subdirectory).")
    Path model;

    @Option(
            names = "--zoo",
            description = "A pretrained model of the energy-gan zoo instead (see `zoo list`).")
    String zoo;

    /**
     * Checks that exactly one source is given and that a directory exists.
     *
     * @throws IllegalArgumentException saying what to give
     */
    void check() {
        if ((model == null) == (zoo == null)) {
            throw new IllegalArgumentException(
                    "Give either a model directory (-m DIR) or a zoo artifact (--zoo NAME)");
        }
        if (model != null && !Files.isDirectory(model)) {
            throw new IllegalArgumentException(
                    "Model directory "
                            + model.toAbsolutePath()
                            + (Files.exists(model)
                                    ? " is a file, not a directory"
                                    : " does not exist")
                            + "; give the model/ directory that train wrote");
        }
    }

    /**
     * Loads the model.
     *
     * @return the model; the caller closes it
     * @throws IllegalArgumentException for an unknown zoo artifact
     * @throws IOException if the directory cannot be read
     * @throws MalformedModelException if its files are not a valid model
     */
    EnergyGanModel load() throws IOException, MalformedModelException {
        check();
        try {
            return model != null ? EnergyGanModel.load(model) : new EnergyGanModelZoo().load(zoo);
        } catch (ModelNotFoundException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Describes the source for reports.
     *
     * @return the directory's absolute path, or {@code zoo:NAME}
     */
    String describe() {
        return model != null ? model.toAbsolutePath().toString() : "zoo:" + zoo;
    }
}
