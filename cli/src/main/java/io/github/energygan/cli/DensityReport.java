/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.github.energygan.dataset.GaussianMixture2d;
import io.github.energygan.dataset.ToyDataset2d;
import io.github.energygan.metrics.DensityEvaluation;
import io.github.energygan.metrics.DensityQuality;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.plot.EnergyLandscapePlot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A 2-D model's energy measured as a density, with its log-density picture. */
final class DensityReport {

    /** The picture's file name. */
    static final String DENSITY_PNG = "density.png";

    /** How many fresh true samples the held-out NLL averages over. */
    static final int HELD_OUT = 5_000;

    /** Added to the training seed for the held-out samples' seed. */
    static final long HELD_OUT_SEED_OFFSET = 1_000_000;

    private DensityReport() {}

    /**
     * Evaluates a model's energy on a mixture, against fresh samples drawn with the training seed
     * plus {@link #HELD_OUT_SEED_OFFSET}, and draws its log density with the training points'
     * first 2,500 on top.
     *
     * @param model the trained model
     * @param mixture the mixture it was trained on
     * @param training the points it was trained on, for the KDE peer
     * @param seed the training data's seed
     * @param png where the picture goes
     * @return the figures
     * @throws IOException if the picture cannot be written
     */
    static DensityQuality evaluate(
            EnergyGanModel model,
            GaussianMixture2d mixture,
            NDArray training,
            long seed,
            Path png)
            throws IOException {
        NDManager manager = training.getManager();
        try (NDManager scope = manager.newSubManager()) {
            NDArray heldOut =
                    ToyDataset2d.byName(
                                    mixture.getName(),
                                    scope,
                                    HELD_OUT,
                                    seed + HELD_OUT_SEED_OFFSET,
                                    HELD_OUT)
                            .getPoints();
            DensityEvaluation evaluation = new DensityEvaluation(mixture);
            DensityQuality quality = evaluation.evaluate(model::energy, training, heldOut);
            double[] w = evaluation.window();
            EnergyLandscapePlot.builder()
                    .optWindow(w[0], w[1], w[2], w[3])
                    .optResolution(400)
                    .optLogDensity(quality.logPartition())
                    .optTitle(
                            String.format(
                                    java.util.Locale.ROOT,
                                    "log p(x) = −U(x) − log Z (%s); held-out NLL %.2f, KDE %.2f,"
                                            + " true %.2f",
                                    mixture.getName(),
                                    quality.heldOutNll(),
                                    quality.kdeNll(),
                                    quality.trueNll()))
                    .build()
                    .save(png, model::energy, scope, training.get(":2500"));
            return quality;
        }
    }

    /**
     * Returns the figures as a report entry.
     *
     * @param q the figures
     * @return field name to value
     */
    static Map<String, Object> toMap(DensityQuality q) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("heldOutNll", q.heldOutNll());
        map.put("trueDensityNll", q.trueNll());
        map.put("kdeNll", q.kdeNll());
        map.put("strictMinima", q.strictMinima());
        map.put("modes", q.modes());
        map.put("meanBarrier", q.meanBarrier());
        map.put("massWithin3SigmaPercent", 100 * q.massNearModes());
        map.put("logPartition", q.logPartition());
        return map;
    }
}
