/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.zoo;

import ai.djl.Application;

import java.util.List;
import java.util.Map;

/**
 * The artifacts the zoo ships. Kept apart from {@link EnergyGanModelZoo}: DJL instantiates the zoo
 * while its own {@code ModelZoo} class is still initialising, before any static field of a subclass
 * would be set.
 */
public final class ZooArtifacts {

    /**
     * The application the 2-D artifacts declare: DJL's {@code tabular} (DJL has no application for
     * density models, and {@code Application.of} maps paths it does not know to {@code
     * undefined}).
     */
    public static final Application DENSITY_2D = Application.Tabular.ANY;

    private static final String ROOT = "io/github/energygan/zoo/";

    static final List<ZooArtifact> ALL =
            List.of(
                    new ZooArtifact(
                            "grid-25",
                            DENSITY_2D,
                            Map.of(
                                    "dataset",
                                    "grid-25",
                                    "estimator",
                                    "jsd",
                                    "architecture",
                                    "fast-2d"),
                            ROOT + "grid-25"),
                    new ZooArtifact(
                            "ring-8",
                            DENSITY_2D,
                            Map.of(
                                    "dataset",
                                    "ring-8",
                                    "estimator",
                                    "jsd",
                                    "architecture",
                                    "fast-2d"),
                            ROOT + "ring-8"),
                    new ZooArtifact(
                            "fashion-mnist",
                            Application.CV.IMAGE_GENERATION,
                            Map.of(
                                    "dataset",
                                    "fashion-mnist",
                                    "estimator",
                                    "jsd",
                                    "architecture",
                                    "image-narrow"),
                            ROOT + "fashion-mnist"));

    private ZooArtifacts() {}
}
