/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.zoo;

import ai.djl.MalformedModelException;
import ai.djl.repository.Repository;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ModelZoo;

import io.github.energygan.metrics.ImageClassifier;
import io.github.energygan.model.EnergyGanModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The energy-gan model zoo: pretrained energy GANs whose weights ship inside this jar, found by
 * DJL's {@code Criteria} through {@link EnergyGanZooProvider} and loaded offline.
 *
 * <p>Every artifact serves both kinds of translator (sampling and scoring), chosen by the types
 * given to {@code Criteria}, and declares the properties {@code dataset}, {@code estimator} and
 * {@code architecture} for {@code optFilter}.
 */
public final class EnergyGanModelZoo extends ModelZoo {

    /** The zoo's group id. */
    public static final String GROUP_ID = "io.github.energygan";

    /** The version of every artifact. */
    public static final String VERSION = "0.1.0";

    /**
     * The data sets whose image-quality classifier the zoo ships ({@link #classifier}): the
     * feature space in which the project's FID, KID, density and coverage are measured.
     */
    public static final List<String> CLASSIFIERS = List.of("fashion-mnist");

    private static final String CLASSIFIER_FOLDER = "io/github/energygan/zoo/classifiers/";

    private final List<ClasspathModelLoader> loaders = new ArrayList<>();

    /** Creates the zoo with its shipped artifacts. */
    public EnergyGanModelZoo() {
        Repository repository = Repository.newInstance("energy-gan-zoo", Paths.get("classpath"));
        for (ZooArtifact artifact : artifacts()) {
            ClasspathModelLoader loader = new ClasspathModelLoader(this, artifact, repository);
            loaders.add(loader);
            addModel(loader);
        }
    }

    /**
     * Returns the artifacts the zoo ships.
     *
     * @return the artifacts
     */
    public static List<ZooArtifact> artifacts() {
        return ZooArtifacts.ALL;
    }

    /** {@inheritDoc} */
    @Override
    public String getGroupId() {
        return GROUP_ID;
    }

    /** {@inheritDoc} */
    @Override
    public Set<String> getSupportedEngines() {
        return Collections.singleton("PyTorch");
    }

    /**
     * Loads an artifact by id, as an {@link EnergyGanModel} (for code that wants the networks
     * rather than a translator).
     *
     * @param artifactId e.g. {@code grid-25}
     * @return the model
     * @throws ModelNotFoundException for an unknown id; the message lists the artifacts
     * @throws IOException if a resource cannot be read
     * @throws MalformedModelException if the shipped files are damaged
     */
    public EnergyGanModel load(String artifactId)
            throws ModelNotFoundException, IOException, MalformedModelException {
        for (ClasspathModelLoader loader : loaders) {
            if (loader.getArtifactId().equals(artifactId)) {
                return loader.load();
            }
        }
        throw new ModelNotFoundException(
                "The energy-gan zoo has no artifact '" + artifactId + "'; it has: " + describe());
    }

    /**
     * Loads the shipped image-quality classifier of a data set, its weights checked against the
     * digest in its manifest. The same classifier gives every figure the project publishes, so
     * figures measured with it compare with them.
     *
     * @param dataset one of {@link #CLASSIFIERS}
     * @return the classifier; the caller closes it
     * @throws IllegalArgumentException for a data set without a shipped classifier
     * @throws IOException if a resource cannot be read
     * @throws MalformedModelException if the shipped files are damaged
     */
    public static ImageClassifier classifier(String dataset)
            throws IOException, MalformedModelException {
        if (!CLASSIFIERS.contains(dataset)) {
            throw new IllegalArgumentException(
                    "The energy-gan zoo ships image classifiers for "
                            + CLASSIFIERS
                            + ", not '"
                            + dataset
                            + "'");
        }
        String folder = CLASSIFIER_FOLDER + dataset + "/";
        String manifest =
                new String(
                        resource(folder + ImageClassifier.MANIFEST_FILE), StandardCharsets.UTF_8);
        byte[] weights = resource(folder + ImageClassifier.PARAMETER_FILE);
        return ImageClassifier.fromBytes(manifest, weights, "zoo classifier " + dataset);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EnergyGanModelZoo.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("The zoo jar lacks its resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /**
     * Lists the artifacts with their properties, for error messages.
     *
     * @return e.g. {@code grid-25 {dataset=grid-25, ...}; ring-8 {...}}
     */
    public String describe() {
        return ClasspathModelLoader.list(loaders);
    }
}
