/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ModelNotFoundException;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.model.ModelBytes;
import io.github.energygan.zoo.EnergyGanModelZoo;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A saved energy GAN as bytes that Spark can broadcast: the manifest and the DJL parameter file,
 * read and checked once on the driver, rebuilt on each executor. Executors therefore need no shared
 * file system and no copy of the zoo: the bytes travel with the job.
 *
 * <p>The data shape is read on the driver, so that a job whose columns do not fit the model fails
 * before any executor starts.
 */
public final class SparkEnergyModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String manifest;
    private final byte[] parameters;
    private final long[] dataShape;

    private SparkEnergyModel(String source, ModelBytes bytes, Shape dataShape) {
        this.source = source;
        this.manifest = bytes.manifest();
        this.parameters = bytes.parameters();
        this.dataShape = dataShape.getShape();
    }

    /**
     * Reads a directory saved by {@code EnergyGanModel.save} or {@code energy-gan train}, checking
     * its weights against the manifest's SHA-256.
     *
     * @param directory the model directory
     * @return the model's bytes
     * @throws IOException if the directory cannot be read
     * @throws MalformedModelException if the manifest is invalid or the weights are corrupt
     */
    public static SparkEnergyModel fromDirectory(Path directory)
            throws IOException, MalformedModelException {
        try (EnergyGanModel model = EnergyGanModel.load(directory)) {
            return of(model, directory.toString());
        }
    }

    /**
     * Reads a model of the energy-gan zoo ({@code grid-25}, {@code ring-8}, {@code
     * fashion-mnist}).
     *
     * @param artifactId the artifact
     * @return the model's bytes
     * @throws ModelNotFoundException for an unknown artifact; the message lists the artifacts
     * @throws IOException if the artifact cannot be read
     * @throws MalformedModelException if the shipped files are damaged
     */
    public static SparkEnergyModel fromZoo(String artifactId)
            throws ModelNotFoundException, IOException, MalformedModelException {
        try (EnergyGanModel model = new EnergyGanModelZoo().load(artifactId)) {
            return of(model, "zoo:" + artifactId);
        }
    }

    /**
     * Takes a model in memory (say, one just trained).
     *
     * @param model the model; it stays open and owned by the caller
     * @param source a name for messages
     * @return the model's bytes
     * @throws IOException if the parameters cannot be written to memory
     */
    public static SparkEnergyModel of(EnergyGanModel model, String source) throws IOException {
        Objects.requireNonNull(model, "model");
        return new SparkEnergyModel(
                Objects.requireNonNull(source, "source"),
                model.toBytes(),
                model.getBlock().getDataShape());
    }

    /**
     * Returns where the model came from, for messages.
     *
     * @return e.g. {@code zoo:grid-25} or a directory
     */
    public String getSource() {
        return source;
    }

    /**
     * Returns the shape of one data point.
     *
     * @return e.g. {@code (2)} or {@code (1, 28, 28)}
     */
    public Shape getDataShape() {
        return new Shape(dataShape);
    }

    /**
     * Returns how many numbers make one data point.
     *
     * @return the data size
     */
    public int getDataSize() {
        return Math.toIntExact(getDataShape().size());
    }

    /**
     * Rebuilds the model, checking its parameters against the manifest's digest once more (the
     * bytes crossed the network).
     *
     * @return a new model; close it when done
     * @throws MalformedModelException if the bytes do not match the manifest
     */
    public EnergyGanModel load() throws MalformedModelException {
        return new ModelBytes(manifest, parameters).load(source);
    }

    @Override
    public String toString() {
        return "SparkEnergyModel[" + source + ", data shape " + getDataShape() + "]";
    }
}
