/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.zoo;

import ai.djl.Application;

import java.util.Map;
import java.util.Objects;

/**
 * One pretrained model of the zoo: its artifact id, the application it declares, the properties
 * {@code Criteria.optFilter} matches against, and where its files sit on the classpath.
 *
 * @param artifactId e.g. {@code grid-25}
 * @param application the application declared to {@code Criteria}
 * @param properties filterable properties: {@code dataset}, {@code estimator}, {@code architecture}
 * @param resourceFolder the classpath folder holding {@code energy-gan.json} and the weights
 */
public record ZooArtifact(
        String artifactId,
        Application application,
        Map<String, String> properties,
        String resourceFolder) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public ZooArtifact {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(application, "application");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(resourceFolder, "resourceFolder");
    }

    /**
     * Whether every filter names a property this artifact has, with the same value.
     *
     * @param filters {@code Criteria}'s filters
     * @return true if all match (or there are none)
     */
    public boolean matches(Map<String, String> filters) {
        if (filters == null) {
            return true;
        }
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            if (!filter.getValue().equals(properties.get(filter.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return artifactId + " " + properties;
    }
}
