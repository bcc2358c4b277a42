/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.dataset.GaussianMixture2d;
import io.github.energygan.dataset.ToyDataset2d;
import io.github.energygan.metrics.MemorisationCheck;
import io.github.energygan.metrics.MixtureMetrics;
import io.github.energygan.metrics.MixtureQuality;
import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.translator.GeneratedSamples;
import io.github.energygan.zoo.EnergyGanModelZoo;

import java.util.Locale;

/**
 * What a user of the model zoo runs, as its own program: {@link ZooOfflineTest} starts it in a
 * fresh JVM whose classpath holds only the zoo jar and its runtime dependencies, with {@code
 * ai.djl.offline=true}. For each artifact it looks the model up with {@code Criteria} exactly as
 * the README shows and draws samples raw and with MALA; for a 2-D artifact, the protocol's 2,500,
 * and it prints {@code ZOO artifact modes highQuality% modes highQuality%}; for the image one,
 * {@value #IMAGE_SAMPLES}, and it prints the nearest-neighbour distances of the memorisation check,
 * {@code ZOO artifact rawToTrain rawToTest malaToTrain malaToTest}.
 */
public final class ZooLookupMain {

    static final int IMAGE_SAMPLES = 250;

    private ZooLookupMain() {}

    /**
     * Runs the lookups.
     *
     * @param args the artifact ids to check
     * @throws Exception if a lookup or a draw fails
     */
    public static void main(String[] args) throws Exception {
        for (String artifact : args) {
            if (artifact.equals("fashion-mnist")) {
                checkImages(artifact);
                continue;
            }
            GeneratedSamples raw = draw(artifact, 2500, 0);
            GeneratedSamples mala = draw(artifact, 2500, 100);
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

    /**
     * The image artifact's card measure: the memorisation check (mean nearest-neighbour distances
     * to 10,000 training and 10,000 test images) of {@value #IMAGE_SAMPLES} raw and MALA samples.
     */
    private static void checkImages(String artifact) throws Exception {
        GeneratedSamples raw = draw(artifact, IMAGE_SAMPLES, 0);
        GeneratedSamples mala = draw(artifact, IMAGE_SAMPLES, 100);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray train =
                    FashionMnist.builder().setManager(manager).optLimit(10_000).build().getImages();
            NDArray test =
                    FashionMnist.builder()
                            .setManager(manager)
                            .optUsage(FashionMnist.Usage.TEST)
                            .optLimit(10_000)
                            .build()
                            .getImages();
            Shape shape = new Shape(IMAGE_SAMPLES, 1, 28, 28);
            MemorisationCheck before =
                    MemorisationCheck.of(manager.create(flat(raw.samples()), shape), train, test);
            MemorisationCheck after =
                    MemorisationCheck.of(manager.create(flat(mala.samples()), shape), train, test);
            System.out.printf(
                    Locale.ROOT,
                    "ZOO %s %.3f %.3f %.3f %.3f%n",
                    artifact,
                    before.samplesToTrain(),
                    before.samplesToTest(),
                    after.samplesToTrain(),
                    after.samplesToTest());
        }
    }

    private static float[] flat(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        }
        return flat;
    }

    static GeneratedSamples draw(String artifact, int count, int steps) throws Exception {
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
                            .setCount(count) // one chain per sample
                            .optSteps(steps) // 0: the raw generator; unset: 100 (2-D) or 10 (images)
                            .optWarmUpSteps(steps)
                            .optSeed(0)
                            .build();
            GeneratedSamples samples = predictor.predict(request);
            System.out.println(samples.getDiagnostics().map(d -> d.summary()).orElse("raw G(z)"));
            return samples; // not in README
        }
        // end-snippet
    }
}
