/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import io.github.energygan.zoo.EnergyGanModelZoo;
import io.github.energygan.zoo.ZooArtifact;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.concurrent.Callable;

/** Lists the pretrained models that ship in the model-zoo jar. */
@Command(
        name = "zoo",
        mixinStandardHelpOptions = true,
        description = {
            "List the energy-gan model zoo: pretrained models inside the model-zoo jar, loaded",
            "offline by DJL's Criteria (group id " + EnergyGanModelZoo.GROUP_ID + ")."
        })
public final class ZooCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "list", description = "What to do: list (default).")
    String action;

    /** {@inheritDoc} */
    @Override
    public Integer call() {
        if (!"list".equals(action)) {
            throw new IllegalArgumentException(
                    "Unknown zoo action '" + action + "'; expected list");
        }
        System.out.printf(
                Locale.ROOT, "energy-gan model zoo (group id %s):%n", EnergyGanModelZoo.GROUP_ID);
        for (ZooArtifact artifact : EnergyGanModelZoo.artifacts()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-14s %-24s %s%n",
                    artifact.artifactId(),
                    artifact.application().getPath(),
                    artifact.properties());
        }
        System.out.println("Sample one: energy-gan sample --zoo <artifact>");
        return 0;
    }
}
