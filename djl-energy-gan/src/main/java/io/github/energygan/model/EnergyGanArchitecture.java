/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import ai.djl.ndarray.types.Shape;

import io.github.energygan.nn.EnergyGanBlock;

import java.util.Locale;

/**
 * Everything needed to rebuild an {@link EnergyGanBlock} before its weights are loaded: sizes,
 * widths, activations and the entropy estimator. An immutable value: {@code equals}, {@code
 * toString} and the JSON form (saved beside the weights, see {@link ArchitectureJson}) each come
 * from the records that implement it, {@link MlpArchitecture} for vectors and {@link
 * ConvArchitecture} for images.
 */
public sealed interface EnergyGanArchitecture permits MlpArchitecture, ConvArchitecture {

    /**
     * The entropy estimators. (Its binary name, {@code EnergyGanArchitecture$Estimator}, is
     * recorded in the provenance of saved Tribuo models, which load it by that name.)
     */
    enum Estimator {
        /** Jensen–Shannon / Deep InfoMax with a statistics network (the reference default). */
        JSD,
        /** The InfoGAN lower bound with an encoder. */
        INFOGAN,
        /** No entropy term (an ablation: expect mode collapse). */
        NONE;

        /**
         * Parses a name, case-insensitive.
         *
         * @param name {@code jsd}, {@code infogan} or {@code none}
         * @return the estimator
         * @throws IllegalArgumentException for any other name
         */
        public static Estimator parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(
                        "Unknown estimator '" + name + "'; expected jsd, infogan or none", e);
            }
        }
    }

    /**
     * Returns the shape of one sample: {@code (d)} for vectors, {@code (C, H, W)} for images.
     *
     * @return the data shape
     */
    Shape dataShape();

    /**
     * Returns the number of values in one sample.
     *
     * @return {@code d}, or {@code C·H·W}
     */
    default long dataFeatures() {
        return dataShape().size();
    }

    /**
     * Returns the latent dimension.
     *
     * @return {@code k}
     */
    long latentFeatures();

    /**
     * Returns the data scale {@code s}: the networks see {@code x / s} and the generator emits
     * {@code s · G(z)}. Images come in {@code [-1, 1]} and are taken as they are: 1.
     *
     * @return {@code s > 0}
     */
    default float dataScale() {
        return 1f;
    }

    /**
     * Returns the precision {@code ρ} of the energy's Gaussian base measure {@code (ρ/2)·‖x/s‖²};
     * 0 if there is none.
     *
     * @return {@code ρ ≥ 0}
     */
    default float energyBasePrecision() {
        return 0f;
    }

    /**
     * Returns the entropy estimator and its network's layers.
     *
     * @return the estimator
     */
    EstimatorSpec estimator();

    /**
     * Returns the network family as saved: {@code mlp} for vectors, {@code conv} for images.
     *
     * @return the family
     */
    String family();

    /**
     * Builds a new, uninitialised block with this architecture.
     *
     * @return the block
     */
    EnergyGanBlock newBlock();

    /**
     * Returns this architecture with another latent dimension.
     *
     * @param latentFeatures {@code k > 0}
     * @return the architecture
     * @throws IllegalArgumentException if {@code latentFeatures ≤ 0}
     */
    EnergyGanArchitecture withLatentFeatures(long latentFeatures);

    /**
     * Returns this architecture with another entropy estimator on the same layers.
     *
     * @param kind the estimator
     * @return the architecture
     * @throws IllegalArgumentException if this family has no network for that estimator
     */
    EnergyGanArchitecture withEstimator(Estimator kind);

    /**
     * Serialises to JSON (the current schema, {@link ArchitectureJson#SCHEMA_VERSION}).
     *
     * @return the JSON text
     */
    default String toJson() {
        return ArchitectureJson.write(this);
    }

    /**
     * Parses and validates JSON written by {@link #toJson()}.
     *
     * @param json the text
     * @return the architecture
     * @throws IllegalArgumentException if the text is not a valid architecture
     */
    static EnergyGanArchitecture fromJson(String json) {
        return ArchitectureJson.read(json, ArchitectureJson.SCHEMA_VERSION);
    }
}
