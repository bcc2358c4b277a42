/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.zoo;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.repository.MRL;
import ai.djl.repository.Repository;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Progress;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.translator.EnergyGanTranslatorFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads one {@link ZooArtifact} straight from the classpath: the manifest, then the weights,
 * checked against the manifest's SHA-256 and read into a freshly built block ({@link
 * EnergyGanModel#load(InputStream, InputStream, String)}). Nothing is extracted to a cache and
 * nothing is downloaded, so it works with {@code ai.djl.offline=true}.
 */
final class ClasspathModelLoader implements ModelLoader {

    private final EnergyGanModelZoo zoo;
    private final ZooArtifact artifact;
    private final MRL mrl;
    private final TranslatorFactory factory = new EnergyGanTranslatorFactory();

    ClasspathModelLoader(EnergyGanModelZoo zoo, ZooArtifact artifact, Repository repository) {
        this.zoo = zoo;
        this.artifact = artifact;
        this.mrl =
                MRL.model(
                        repository,
                        artifact.application(),
                        zoo.getGroupId(),
                        artifact.artifactId(),
                        EnergyGanModelZoo.VERSION,
                        artifact.artifactId());
    }

    ZooArtifact getArtifact() {
        return artifact;
    }

    /** {@inheritDoc} */
    @Override
    public String getGroupId() {
        return zoo.getGroupId();
    }

    /** {@inheritDoc} */
    @Override
    public String getArtifactId() {
        return artifact.artifactId();
    }

    /** {@inheritDoc} */
    @Override
    public Application getApplication() {
        return artifact.application();
    }

    /** {@inheritDoc} */
    @Override
    public MRL getMrl() {
        return mrl;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ModelNotFoundException if the filters do not match this artifact (the message lists
     *     what the zoo has) or no translator serves the requested types (the message lists the
     *     supported pairs)
     * @throws MalformedModelException if the shipped files are damaged; the message names the
     *     artifact and the file
     */
    @Override
    public <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria)
            throws IOException, ModelNotFoundException, MalformedModelException {
        if (!artifact.matches(criteria.getFilters())) {
            throw new ModelNotFoundException(
                    "Artifact "
                            + artifact.artifactId()
                            + " does not match filters "
                            + criteria.getFilters()
                            + "; the energy-gan zoo has: "
                            + zoo.describe());
        }
        Class<I> input = criteria.getInputClass();
        Class<O> output = criteria.getOutputClass();
        TranslatorFactory chosen =
                criteria.getTranslatorFactory() != null ? criteria.getTranslatorFactory() : factory;
        if (!chosen.isSupported(input, output)) {
            throw new ModelNotFoundException(
                    "No energy-gan translator for "
                            + input.getSimpleName()
                            + " → "
                            + output.getSimpleName()
                            + "; supported: "
                            + EnergyGanTranslatorFactory.describeSupported());
        }
        Model model = load().getModel();
        try {
            for (var property : artifact.properties().entrySet()) {
                model.setProperty(property.getKey(), property.getValue());
            }
            Translator<I, O> translator =
                    chosen.newInstance(input, output, model, criteria.getArguments());
            return new ZooModel<>(model, translator);
        } catch (Exception e) {
            model.close();
            throw new ModelNotFoundException(
                    "No translator for zoo artifact " + artifact.artifactId(), e);
        }
    }

    /**
     * Loads the artifact's model from the classpath.
     *
     * @return the model, on the CPU
     * @throws IOException if a resource cannot be read
     * @throws MalformedModelException if a file is missing or damaged; the message names the
     *     artifact and the file
     */
    EnergyGanModel load() throws IOException, MalformedModelException {
        String folder = artifact.resourceFolder();
        try (InputStream manifest = open(folder + "/" + EnergyGanModel.ARCHITECTURE_FILE);
                InputStream weights = open(folder + "/" + EnergyGanModel.PARAMETER_FILE)) {
            return EnergyGanModel.load(
                    manifest,
                    weights,
                    "classpath:" + folder + " (zoo artifact " + artifact.artifactId() + ")");
        }
    }

    private InputStream open(String resource) throws MalformedModelException {
        InputStream in = EnergyGanModelZoo.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new MalformedModelException(
                    "Zoo artifact "
                            + artifact.artifactId()
                            + " is missing classpath:"
                            + resource
                            + "; the model-zoo jar is incomplete");
        }
        return in;
    }

    /** {@inheritDoc} */
    @Override
    public <I, O> boolean isDownloaded(Criteria<I, O> criteria) {
        return true;
    }

    /** {@inheritDoc} */
    @Override
    public <I, O> void downloadModel(Criteria<I, O> criteria, Progress progress) {
        // The weights ship inside the jar: nothing to download.
    }

    @Override
    public String toString() {
        return zoo.getGroupId() + ":" + artifact;
    }

    static String list(List<ClasspathModelLoader> loaders) {
        return loaders.stream()
                .map(l -> l.getArtifact().toString())
                .collect(Collectors.joining("; "));
    }
}
