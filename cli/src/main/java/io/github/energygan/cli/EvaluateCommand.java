/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import ai.djl.ndarray.NDManager;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.github.energygan.dataset.GaussianMixture2d;
import io.github.energygan.dataset.ToyDataset2d;
import io.github.energygan.metrics.DensityQuality;
import io.github.energygan.model.EnergyGanModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code energy-gan evaluate}: a 2-D model's energy measured as a density. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Measures a 2-D model's energy U as a density p(x) = exp(-U(x))/Z on its mixture:",
            "held-out NLL beside the true density's and a KDE peer's, the modes in strict wells,",
            "the mean barrier between adjacent modes, the mass within 3 sigma of a mode, and a",
            "log-density picture."
        })
final class EvaluateCommand implements Callable<Integer> {

    static final String REPORT_JSON = "density.json";

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    @Mixin ModelSource source;

    @Option(
            names = "--dataset",
            description =
                    "The mixture the model was trained on: grid-25 or ring-8 (default: the zoo"
                            + " artifact's name, else grid-25).")
    String dataset;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description =
                    "Seed of the training data, for the KDE peer; the held-out samples use"
                            + " seed + 1000000 (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--data-size",
            defaultValue = "100000",
            description = "Training points the KDE peer is fitted on (default: ${DEFAULT-VALUE}).")
    int dataSize;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(
            names = {"-o", "--output"},
            defaultValue = "energy-gan-evaluate",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path output;

    /** {@inheritDoc} */
    @Override
    @SuppressWarnings("try") // the claim is held until everything is written, never read
    public Integer call() throws Exception {
        source.check();
        if (dataset != null) {
            ToyDataset2d.checkMixture(dataset, "--dataset");
        }
        if (dataSize < 2) {
            throw new IllegalArgumentException("--data-size must be >= 2, got " + dataSize);
        }
        try (EnergyGanModel model = source.load();
                NDManager manager = NDManager.newBaseManager()) {
            if (model.getArchitecture().dataShape().dimension() != 1
                    || model.getArchitecture().dataFeatures() != 2) {
                throw new IllegalArgumentException(
                        "evaluate measures 2-D models; this one takes "
                                + model.getArchitecture().dataShape());
            }
            String name = dataset != null ? dataset : source.zoo != null ? source.zoo : "grid-25";
            ToyDataset2d.checkMixture(name, "--dataset");
            ToyDataset2d data = ToyDataset2d.byName(name, manager, dataSize, seed, dataSize);
            GaussianMixture2d mixture = (GaussianMixture2d) data;
            try (OutputDirectory.Claim claim =
                    OutputDirectory.claim(output, overwrite.overwrite)) {
                long start = System.nanoTime();
                DensityQuality quality =
                        DensityReport.evaluate(
                                model,
                                mixture,
                                data.getPoints(),
                                seed,
                                output.resolve(DensityReport.DENSITY_PNG));
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("model", source.describe());
                report.put("dataset", name);
                report.put("trainingSeed", seed);
                report.put("dataSize", dataSize);
                report.put("heldOutSamples", DensityReport.HELD_OUT);
                report.put("density", DensityReport.toMap(quality));
                report.put("seconds", seconds);
                OutputDirectory.writeString(output.resolve(REPORT_JSON), GSON.toJson(report));
                System.out.printf(
                        Locale.ROOT,
                        "%nenergy-gan evaluate: %s on %s%n  density     %s%n  files       %s,"
                                + " %s in %s (%.1f s)%n",
                        source.describe(),
                        name,
                        quality.summary(),
                        DensityReport.DENSITY_PNG,
                        REPORT_JSON,
                        output,
                        seconds);
                return 0;
            }
        }
    }
}
