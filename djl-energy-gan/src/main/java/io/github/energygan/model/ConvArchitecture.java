/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import ai.djl.ndarray.types.Shape;

import io.github.energygan.nn.EnergyConv;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.nn.GeneratorConv;
import io.github.energygan.nn.StatisticsConv;
import io.github.energygan.util.Checks;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Convolutional networks for images: the energy network's strided convolutions (kernel 5, stride
 * 2), the generator's upsample-and-convolve stages ending in tanh, and the JSD estimator's
 * statistics network (convolutions joined with {@code z}, then a hidden layer). Images come in
 * {@code [-1, 1]}, the range of the generator's tanh; there is no data scale. The energy can carry
 * a Gaussian base measure {@code (ρ/2)·‖x‖²} ({@code energyBasePrecision}), as the anomaly scores
 * of images want; the image presets have none.
 *
 * @param imageShape {@code [C, H, W]}, each {@code > 0}
 * @param latentFeatures the latent dimension {@code k > 0}
 * @param energy the energy network's convolution channels and activation
 * @param energyBasePrecision {@code ρ ≥ 0}, finite: the precision of the energy's Gaussian base
 *     measure; 0 for none (a file that does not give it reads as 0)
 * @param generatorChannels the generator's channels, from its first map to its last hidden stage
 * @param estimator JSD or NONE (there is no convolutional encoder); for JSD its layers are the
 *     statistics network's convolution channels followed by the width of its hidden layer
 */
public record ConvArchitecture(
        List<Long> imageShape,
        long latentFeatures,
        Layers energy,
        float energyBasePrecision,
        List<Long> generatorChannels,
        EstimatorSpec estimator)
        implements EnergyGanArchitecture {

    /**
     * An architecture whose energy has no base measure.
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public ConvArchitecture(
            List<Long> imageShape,
            long latentFeatures,
            Layers energy,
            List<Long> generatorChannels,
            EstimatorSpec estimator) {
        this(imageShape, latentFeatures, energy, 0f, generatorChannels, estimator);
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public ConvArchitecture {
        if (imageShape == null
                || imageShape.size() != 3
                || imageShape.stream().anyMatch(v -> v == null || v <= 0)) {
            throw new IllegalArgumentException(
                    "imageShape must be three positive sizes (C, H, W), got " + imageShape);
        }
        imageShape = List.copyOf(imageShape);
        Checks.positive("latentFeatures", latentFeatures);
        Objects.requireNonNull(energy, "energy");
        Checks.nonNegative("energyBasePrecision", energyBasePrecision);
        generatorChannels = new Layers(generatorChannels, energy.activation()).widths();
        Objects.requireNonNull(estimator, "estimator");
        if (estimator.kind() == EnergyGanArchitecture.Estimator.INFOGAN) {
            throw new IllegalArgumentException(
                    "estimator INFOGAN has no convolutional encoder yet; use JSD or NONE for"
                            + " images");
        }
        if (estimator.kind() == EnergyGanArchitecture.Estimator.JSD && estimator.layers().widths().size() < 2) {
            throw new IllegalArgumentException(
                    "estimatorWidths for images are the statistics network's channels followed"
                            + " by its hidden width: at least two values, got "
                            + estimator.layers().widths());
        }
    }

    /** {@inheritDoc} */
    @Override
    public Shape dataShape() {
        return new Shape(imageShape.stream().mapToLong(Long::longValue).toArray());
    }

    /** {@inheritDoc} */
    @Override
    public String family() {
        return "conv";
    }

    /**
     * Returns this architecture for images with another number of channels (the networks' first
     * and last layers follow the image shape).
     *
     * @param channels {@code > 0}
     * @return the architecture
     */
    public ConvArchitecture withChannels(long channels) {
        return new ConvArchitecture(
                java.util.List.of(channels, imageShape.get(1), imageShape.get(2)),
                latentFeatures,
                energy,
                energyBasePrecision,
                generatorChannels,
                estimator);
    }

    /** {@inheritDoc} */
    @Override
    public ConvArchitecture withLatentFeatures(long latent) {
        return new ConvArchitecture(
                imageShape, latent, energy, energyBasePrecision, generatorChannels, estimator);
    }

    /** {@inheritDoc} */
    @Override
    public ConvArchitecture withEstimator(EnergyGanArchitecture.Estimator kind) {
        return new ConvArchitecture(
                imageShape,
                latentFeatures,
                energy,
                energyBasePrecision,
                generatorChannels,
                estimator.withKind(kind));
    }

    /** {@inheritDoc} */
    @Override
    public EnergyGanBlock newBlock() {
        Shape shape = dataShape();
        EnergyConv u =
                new EnergyConv(
                        shape, energy.widthArray(), energy.activation(), energyBasePrecision);
        GeneratorConv g =
                new GeneratorConv(
                        latentFeatures,
                        shape,
                        generatorChannels.stream().mapToLong(Long::longValue).toArray());
        StatisticsConv t = null;
        if (estimator.kind() == EnergyGanArchitecture.Estimator.JSD) {
            long[] widths = estimator.layers().widthArray();
            t =
                    new StatisticsConv(
                            shape,
                            latentFeatures,
                            Arrays.copyOf(widths, widths.length - 1),
                            widths[widths.length - 1],
                            estimator.layers().activation());
        }
        return new EnergyGanBlock(u, g, t);
    }
}
