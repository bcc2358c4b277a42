/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import ai.djl.ndarray.types.Shape;

import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.nn.EncoderMlp;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.nn.EnergyMlp;
import io.github.energygan.nn.EntropyEstimator;
import io.github.energygan.nn.GeneratorMlp;
import io.github.energygan.nn.MlpBuilder;
import io.github.energygan.nn.StatisticsMlp;
import io.github.energygan.util.Checks;

import java.util.Objects;

/**
 * Multilayer perceptrons for vectors: the energy {@code U: R^d → R}, the generator {@code G: R^k →
 * R^d}, and the estimator's statistics network {@code T(x, z)} or encoder {@code Enc(x)}.
 *
 * @param dataFeatures the data dimension {@code d > 0}
 * @param latentFeatures the latent dimension {@code k > 0}
 * @param dataScale {@code s > 0}, finite: the networks see {@code x / s} and the generator emits
 *     {@code s · G(z)} (the data's standard deviation is the usual choice, as in the reference code
 *     of Kumar et al. 2019)
 * @param energy the energy network's hidden layers
 * @param energyBasePrecision {@code ρ ≥ 0}, finite: a Gaussian base measure {@code (ρ/2)·‖x/s‖²}
 *     added to the energy, which keeps the model normalisable and the energy growing away from the
 *     data however the network extrapolates; 0 is the article's energy
 * @param generator the generator's hidden layers
 * @param generatorOutputBound {@code ≥ 0}, finite: bounds the generator's output to {@code ±bound}
 *     data scales with a scaled tanh; 0 leaves it unbounded (the reference)
 * @param estimator the entropy estimator and its network's layers
 */
public record MlpArchitecture(
        long dataFeatures,
        long latentFeatures,
        float dataScale,
        Layers energy,
        float energyBasePrecision,
        Layers generator,
        float generatorOutputBound,
        EstimatorSpec estimator)
        implements EnergyGanArchitecture {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public MlpArchitecture {
        Checks.positive("dataFeatures", dataFeatures);
        Checks.positive("latentFeatures", latentFeatures);
        Checks.positive("dataScale", dataScale);
        Checks.nonNegative("energyBasePrecision", energyBasePrecision);
        Checks.nonNegative("generatorOutputBound", generatorOutputBound);
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(estimator, "estimator");
    }

    /**
     * The reference nets of Kumar et al. 2019 for data of the given size: {@code G k→512→512→512→d}
     * ReLU, {@code U d→512→512→512→1} LeakyReLU(0.2), {@code T (d+k)→512→512→512→1} LeakyReLU(0.2),
     * the JSD estimator, no base measure, an unbounded generator.
     *
     * @param dataFeatures {@code d > 0}
     * @param latentFeatures {@code k > 0}
     * @param dataScale {@code s > 0}
     * @return the architecture
     */
    public static MlpArchitecture reference(
            long dataFeatures, long latentFeatures, double dataScale) {
        ActivationFunction leaky = ActivationFunction.leakyRelu(0.2f);
        return new MlpArchitecture(
                dataFeatures,
                latentFeatures,
                (float) dataScale,
                Layers.of(leaky, 512, 512, 512),
                0f,
                Layers.of(ActivationFunction.relu(), 512, 512, 512),
                0f,
                new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(leaky, 512, 512, 512)));
    }

    /** {@inheritDoc} */
    @Override
    public Shape dataShape() {
        return new Shape(dataFeatures);
    }

    /** {@inheritDoc} */
    @Override
    public String family() {
        return "mlp";
    }

    /**
     * Returns this architecture with another activation between the energy network's hidden
     * layers; its widths stay.
     *
     * @param activation the activation
     * @return the architecture
     */
    public MlpArchitecture withEnergyActivation(ActivationFunction activation) {
        return new MlpArchitecture(
                dataFeatures,
                latentFeatures,
                dataScale,
                new Layers(energy.widths(), activation),
                energyBasePrecision,
                generator,
                generatorOutputBound,
                estimator);
    }

    /**
     * Returns this architecture with another Gaussian base measure.
     *
     * @param precision {@code ρ ≥ 0}, finite
     * @return the architecture
     * @throws IllegalArgumentException if it is not
     */
    public MlpArchitecture withEnergyBasePrecision(float precision) {
        return new MlpArchitecture(
                dataFeatures,
                latentFeatures,
                dataScale,
                energy,
                precision,
                generator,
                generatorOutputBound,
                estimator);
    }

    /** {@inheritDoc} */
    @Override
    public MlpArchitecture withLatentFeatures(long latent) {
        return new MlpArchitecture(
                dataFeatures,
                latent,
                dataScale,
                energy,
                energyBasePrecision,
                generator,
                generatorOutputBound,
                estimator);
    }

    /** {@inheritDoc} */
    @Override
    public MlpArchitecture withEstimator(EnergyGanArchitecture.Estimator kind) {
        return new MlpArchitecture(
                dataFeatures,
                latentFeatures,
                dataScale,
                energy,
                energyBasePrecision,
                generator,
                generatorOutputBound,
                estimator.withKind(kind));
    }

    /** {@inheritDoc} */
    @Override
    public EnergyGanBlock newBlock() {
        EnergyMlp u =
                layers(EnergyMlp.builder().setInputFeatures(dataFeatures), energy)
                        .optBasePrecision(energyBasePrecision)
                        .build();
        GeneratorMlp g =
                layers(
                                GeneratorMlp.builder()
                                        .setLatentFeatures(latentFeatures)
                                        .setOutputFeatures(dataFeatures),
                                generator)
                        .optOutputBound(generatorOutputBound)
                        .build();
        EntropyEstimator estimatorBlock =
                switch (estimator.kind()) {
                    case JSD -> layers(
                                    StatisticsMlp.builder()
                                            .setDataFeatures(dataFeatures)
                                            .setLatentFeatures(latentFeatures),
                                    estimator.layers())
                            .build();
                    case INFOGAN -> layers(
                                    EncoderMlp.builder()
                                            .setDataFeatures(dataFeatures)
                                            .setLatentFeatures(latentFeatures),
                                    estimator.layers())
                            .build();
                    case NONE -> null;
                };
        return new EnergyGanBlock(u, g, estimatorBlock);
    }

    /** Gives a network's builder its hidden layers and this architecture's data scale. */
    private <B extends MlpBuilder<B>> B layers(B builder, Layers layers) {
        return builder.optHiddenWidths(layers.widthArray())
                .optActivation(layers.activation())
                .optDataScale(dataScale);
    }
}
