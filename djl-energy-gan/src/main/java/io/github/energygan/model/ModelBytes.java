/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import ai.djl.MalformedModelException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A saved energy GAN held in memory: the manifest ({@value EnergyGanModel#ARCHITECTURE_FILE}: the
 * architecture and the parameter file's SHA-256) and the DJL parameter file, as {@link
 * EnergyGanModel#save} writes them to a directory. For formats that embed a model in their own
 * container (Tribuo's protobuf models); {@link #load(String)} reads it back.
 *
 * @param manifest the manifest JSON
 * @param parameters the parameter file's bytes
 */
public record ModelBytes(String manifest, byte[] parameters) {

    /**
     * Creates the pair.
     *
     * @throws NullPointerException if either part is null
     */
    public ModelBytes {
        Objects.requireNonNull(manifest, "manifest");
        parameters = Objects.requireNonNull(parameters, "parameters").clone();
    }

    /**
     * Returns a copy of the parameter file's bytes.
     *
     * @return the bytes
     */
    @Override
    public byte[] parameters() {
        return parameters.clone();
    }

    /**
     * Builds the model these bytes describe, checking the parameters against the manifest's digest.
     *
     * @param source where the bytes come from, for error messages
     * @return a new model; close it when done
     * @throws MalformedModelException if the manifest is invalid or the parameters are corrupt,
     *     truncated or of another architecture
     */
    public EnergyGanModel load(String source) throws MalformedModelException {
        try {
            return EnergyGanModel.load(
                    new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayInputStream(parameters),
                    source);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading from memory cannot fail", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelBytes other
                && manifest.equals(other.manifest)
                && Arrays.equals(parameters, other.parameters);
    }

    @Override
    public int hashCode() {
        return 31 * manifest.hashCode() + Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "ModelBytes[" + parameters.length + " parameter bytes]";
    }
}
