/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;

import io.github.energygan.dataset.GaussianMixture2d;
import io.github.energygan.dataset.ToyDataset2d;
import io.github.energygan.metrics.MixtureMetrics;
import io.github.energygan.metrics.MixtureQuality;
import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.translator.GeneratedSamples;
import io.github.energygan.zoo.EnergyGanModelZoo;

import java.util.Locale;

/**
 * What a user of the model zoo runs, as its own program: {@link ZooOfflineTest} starts it in a
 * fresh JVM whose classpath holds only the zoo jar and its runtime dependencies, with {@code
 * ai.djl.offline=true}. For each 2-D artifact it looks the model up with {@code Criteria} exactly
 * as the README shows, draws the protocol's 2,500 samples raw and with MALA, and prints one line
 * per artifact: {@code artifact modes highQuality% mode highQuality%}.
 */
public final class ZooLookupMain {

    private ZooLookupMain() {}

    /**
     * Runs the lookups.
     *
     * @param args the artifact ids to check
     * @throws Exception if a lookup or a draw fails
     */
    public static void main(String[] args) throws Exception {
        for (String artifact : args) {
            GeneratedSamples raw = draw(artifact, 0);
            GeneratedSamples mala = draw(artifact, 100);
            try (NDManager manager = NDManager.newBaseManager()) {
                GaussianMixture2d mixture =
                        (GaussianMixture2d) ToyDataset2d.byName(artifact, manager, 256, 0, 256);
                MixtureQuality before =
                        MixtureMetrics.evaluate(manager.create(raw.samples()), mixture);
                MixtureQuality after =
                        MixtureMetrics.evaluate(manager.create(mala.samples()), mixture);
                System.out.printf(
                        Locale.ROOT,
                        "ZOO %s %d %.2f %d %.2f%n",
                        artifact,
                        before.modesCovered(),
                        100 * before.highQualityFraction(),
                        after.modesCovered(),
                        100 * after.highQualityFraction());
            }
        }
        try {
            Criteria.builder()
                    .setTypes(SampleRequest.class, GeneratedSamples.class)
                    .optGroupId(EnergyGanModelZoo.GROUP_ID)
                    .optFilter("dataset", "moons")
                    .build()
                    .loadModel();
            System.out.println("ZOO unknown filter was found");
        } catch (ModelNotFoundException e) {
            // DJL wraps the loaders' answers: ours, which lists the zoo, is the cause.
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(t.getMessage()).append(" / ");
            }
            System.out.println("ZOO unknown filter: " + chain);
        }
    }

    static GeneratedSamples draw(String artifact, int steps) throws Exception {
        // snippet:zoo
        Criteria<SampleRequest, GeneratedSamples> criteria =
                Criteria.builder()
                        .setTypes(SampleRequest.class, GeneratedSamples.class)
                        .optGroupId(EnergyGanModelZoo.GROUP_ID)
                        .optArtifactId(artifact) // "grid-25", "ring-8" or "fashion-mnist"
                        .build();
        try (ZooModel<SampleRequest, GeneratedSamples> model = criteria.loadModel();
                Predictor<SampleRequest, GeneratedSamples> predictor = model.newPredictor()) {
            SampleRequest request =
                    SampleRequest.builder()
                            .setCount(2500)
                            .optSteps(steps) // 0: the raw generator; 100: latent MALA
                            .optWarmUpSteps(steps)
                            .optSeed(0)
                            .build();
            return predictor.predict(request);
        }
        // end-snippet
    }
}
