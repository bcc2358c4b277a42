/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.translator.EnergyScore;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** The zoo through DJL's own discovery: lookups, filters, and the errors users see. */
class EnergyGanModelZooTest {

    @Test
    void djlDiscoversTheZooThroughItsProvider() {
        assertTrue(ModelZoo.hasModelZoo(EnergyGanModelZoo.GROUP_ID));
        ModelZoo zoo = ModelZoo.getModelZoo(EnergyGanModelZoo.GROUP_ID);
        assertTrue(
                zoo.getModelLoaders().stream().anyMatch(l -> l.getArtifactId().equals("grid-25")));
    }

    @Test
    void anArtifactScoresWithTheTypesItIsAskedFor() throws Exception {
        Criteria<float[], EnergyScore> criteria =
                Criteria.builder()
                        .setTypes(float[].class, EnergyScore.class)
                        .optGroupId(EnergyGanModelZoo.GROUP_ID)
                        .optArtifactId("grid-25")
                        .optFilter("estimator", "jsd")
                        .build();
        try (ZooModel<float[], EnergyScore> model = criteria.loadModel();
                Predictor<float[], EnergyScore> predictor = model.newPredictor()) {
            EnergyScore onMode = predictor.predict(new float[] {2f, -2f});
            EnergyScore between = predictor.predict(new float[] {1f, -1f});
            assertTrue(between.energy() > onMode.energy(), onMode + " vs " + between);
            assertEquals("grid-25", model.getProperty("dataset"));
        }
    }

    @Test
    void filtersAndTypesThatNothingServesAreNamed() {
        Criteria<float[], EnergyScore> wrongFilter =
                Criteria.builder()
                        .setTypes(float[].class, EnergyScore.class)
                        .optGroupId(EnergyGanModelZoo.GROUP_ID)
                        .optFilter("dataset", "moons")
                        .build();
        ModelNotFoundException filter =
                assertThrows(ModelNotFoundException.class, wrongFilter::loadModel);
        String chain = chain(filter);
        assertTrue(chain.contains("the energy-gan zoo has: grid-25 {"), chain);

        Criteria<String, String> wrongTypes =
                Criteria.builder()
                        .setTypes(String.class, String.class)
                        .optGroupId(EnergyGanModelZoo.GROUP_ID)
                        .optArtifactId("grid-25")
                        .build();
        ModelNotFoundException types =
                assertThrows(ModelNotFoundException.class, wrongTypes::loadModel);
        String typesChain = chain(types);
        assertTrue(typesChain.contains("String → String"), typesChain);
        assertTrue(typesChain.contains("SampleRequest → GeneratedSamples"), typesChain);

        ModelNotFoundException unknown =
                assertThrows(
                        ModelNotFoundException.class, () -> new EnergyGanModelZoo().load("moons"));
        assertTrue(unknown.getMessage().contains("grid-25 {"), unknown.getMessage());
    }

    @Test
    void theZooLoadsItsNetworksDirectlyToo() throws Exception {
        try (EnergyGanModel model = new EnergyGanModelZoo().load("grid-25")) {
            assertEquals(2, model.getArchitecture().dataFeatures());
        }
        assertTrue(
                new ZooArtifact("a", ZooArtifacts.DENSITY_2D, Map.of("k", "v"), "x")
                        .matches(Map.of("k", "v")));
    }

    private static String chain(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause()) {
            text.append(e.getMessage()).append(" / ");
        }
        return text.toString();
    }
}
