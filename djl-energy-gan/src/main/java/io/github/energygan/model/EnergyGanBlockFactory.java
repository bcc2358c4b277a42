/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Rebuilds the {@link io.github.energygan.nn.EnergyGanBlock} of a saved model directory from its
 * manifest, so that DJL's own loader can load the directory: {@link EnergyGanModel#save} writes a
 * {@code serving.properties} naming this factory, and {@code
 * Criteria.builder().optModelPath(dir).optTranslatorFactory(new EnergyGanTranslatorFactory())} then
 * needs nothing else.
 *
 * <p>The parameter file's SHA-256 is checked against the manifest first, so a damaged file is
 * reported by name before DJL reads it.
 */
public final class EnergyGanBlockFactory implements BlockFactory {

    private static final long serialVersionUID = 1L;

    /**
     * {@inheritDoc}
     *
     * @throws IOException if the manifest or the weight file is missing, unreadable, corrupt or
     *     does not match; the message names the file
     */
    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments)
            throws IOException {
        Path directory = Files.isRegularFile(modelPath) ? modelPath.getParent() : modelPath;
        Path manifestFile = directory.resolve(EnergyGanModel.ARCHITECTURE_FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(
                    "Model directory "
                            + directory
                            + " has no "
                            + EnergyGanModel.ARCHITECTURE_FILE
                            + "; expected a directory written by EnergyGanModel.save or `energy-gan"
                            + " train`");
        }
        try {
            ModelManifest manifest =
                    ModelManifest.parse(
                            Files.readString(manifestFile, StandardCharsets.UTF_8),
                            manifestFile.toString());
            Path parameters = directory.resolve(manifest.getParameterFile());
            if (!Files.isRegularFile(parameters)) {
                throw new IOException(
                        "Model directory " + directory + " has no weight file " + parameters);
            }
            ModelManifest.requireSoleParameterFile(directory, manifest.getParameterFile());
            EnergyGanModel.requireParameterFileSize(manifestFile, parameters);
            try (InputStream in = Files.newInputStream(parameters)) {
                manifest.verify(in, parameters.toString());
            }
            return manifest.getArchitecture().newBlock();
        } catch (MalformedModelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
