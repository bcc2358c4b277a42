/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.nn.EncoderMlp;
import io.github.energygan.nn.EnergyConv;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.nn.EnergyMlp;
import io.github.energygan.nn.GeneratorConv;
import io.github.energygan.nn.GeneratorMlp;
import io.github.energygan.nn.StatisticsConv;
import io.github.energygan.nn.StatisticsMlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to rebuild an {@link EnergyGanBlock} before its weights are loaded: sizes,
 * widths, activations and the entropy estimator. Saved as JSON beside the weights.
 *
 * <p>Presets: {@link #reference2d()} is the 2-D reference of Kumar et al. 2019 (three hidden layers of
 * 512 everywhere); {@link #fast2d()} is the default of the {@code demo} job, narrower so that it
 * trains to full mode coverage in minutes on a 2-core CPU.
 */
public final class EnergyGanArchitecture {

    /** The entropy estimator used to train the generator. */
    public enum Estimator {
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

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final String family;
    private final long[] imageShape;
    private final long dataFeatures;
    private final long latentFeatures;
    private final float dataScale;
    private final long[] energyWidths;
    private final String energyActivation;
    private final float energyBasePrecision;
    private final long[] generatorWidths;
    private final String generatorActivation;
    private final float generatorOutputBound;
    private final long[] estimatorWidths;
    private final String estimatorActivation;
    private final Estimator estimator;

    private EnergyGanArchitecture(Builder b) {
        family = b.imageShape == null ? "mlp" : "conv";
        imageShape = b.imageShape == null ? null : b.imageShape.clone();
        dataFeatures =
                b.imageShape == null
                        ? b.dataFeatures
                        : b.imageShape[0] * b.imageShape[1] * b.imageShape[2];
        latentFeatures = b.latentFeatures;
        dataScale = b.dataScale;
        energyWidths = b.energyWidths.clone();
        energyActivation = b.energyActivation.toString();
        energyBasePrecision = b.energyBasePrecision;
        generatorWidths = b.generatorWidths.clone();
        generatorActivation = b.generatorActivation.toString();
        generatorOutputBound = b.generatorOutputBound;
        estimatorWidths = b.estimatorWidths.clone();
        estimatorActivation = b.estimatorActivation.toString();
        estimator = b.estimator;
    }

    /**
     * The 2-D reference nets (Kumar et al. 2019): {@code G 2→512→512→512→2} ReLU, {@code U
     * 2→512→512→512→1} LeakyReLU(0.2), {@code T (2+2)→512→512→512→1} LeakyReLU(0.2), JSD estimator.
     *
     * @return the reference architecture
     */
    public static EnergyGanArchitecture reference2d() {
        return builder().build();
    }

    /**
     * The {@code demo} default: the reference layout at width 128 (about 16× fewer multiply-adds
     * per step than {@link #reference2d()}), with the generator's output bounded to three data
     * scales so that no sample lands far out where the energy is unconstrained.
     *
     * @return the fast 2-D architecture
     */
    public static EnergyGanArchitecture fast2d() {
        return builder()
                .optEnergyWidths(128, 128, 128)
                .optGeneratorWidths(128, 128, 128)
                .optGeneratorOutputBound(3f)
                .optEstimatorWidths(128, 128, 128)
                .build();
    }

    /**
     * The narrow 28×28 image preset: the reference layout of Kumar et al. 2019 (strided convolutions
     * with kernel 5, LeakyReLU(0.2), no normalisation, in the energy network) at an eighth of its
     * width and one layer fewer, so that it trains on a 2-core CPU: {@code U} convolutions 1→16→32
     * →64 (28 → 14 → 7 → 4) and a linear map to 1; {@code G} from a 64-dimensional code, linear to
     * 64×4×4, then upsample-and-convolve stages 64→32→16→1 (4 → 7 → 14 → 28), tanh output; {@code
     * T} convolutions 1→16→32→64 joined with {@code z}, a hidden layer of 128, linear to 1.
     * Measured on 2 cores at batch 64: about 0.58 s per iteration of five energy steps and one
     * generator step (twice these widths take about 5× as long).
     *
     * @return the narrow image architecture
     */
    public static EnergyGanArchitecture imageNarrow() {
        return builder()
                .optImageShape(1, 28, 28)
                .setLatentFeatures(64)
                .optEnergyWidths(16, 32, 64)
                .optGeneratorWidths(64, 32, 16)
                .optEstimatorWidths(16, 32, 64, 128)
                .build();
    }

    /**
     * Returns a builder with the 2-D reference defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised from this architecture.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = builder();
        if (imageShape != null) {
            builder.optImageShape(imageShape[0], imageShape[1], imageShape[2]);
        }
        return builder.setDataFeatures(dataFeatures)
                .setLatentFeatures(latentFeatures)
                .optDataScale(dataScale)
                .optEnergyWidths(energyWidths)
                .optEnergyActivation(ActivationFunction.parse(energyActivation))
                .optEnergyBasePrecision(energyBasePrecision)
                .optGeneratorWidths(generatorWidths)
                .optGeneratorActivation(ActivationFunction.parse(generatorActivation))
                .optGeneratorOutputBound(generatorOutputBound)
                .optEstimatorWidths(estimatorWidths)
                .optEstimatorActivation(ActivationFunction.parse(estimatorActivation))
                .optEstimator(estimator);
    }

    /**
     * Builds a new, uninitialised block with this architecture.
     *
     * @return the block
     */
    public EnergyGanBlock newBlock() {
        if (imageShape != null) {
            return newConvBlock();
        }
        EnergyMlp energy =
                EnergyMlp.builder()
                        .setInputFeatures(dataFeatures)
                        .optHiddenWidths(energyWidths)
                        .optDataScale(dataScale)
                        .optActivation(ActivationFunction.parse(energyActivation))
                        .optBasePrecision(energyBasePrecision)
                        .build();
        GeneratorMlp generator =
                GeneratorMlp.builder()
                        .setLatentFeatures(latentFeatures)
                        .setOutputFeatures(dataFeatures)
                        .optHiddenWidths(generatorWidths)
                        .optDataScale(dataScale)
                        .optOutputBound(generatorOutputBound)
                        .optActivation(ActivationFunction.parse(generatorActivation))
                        .build();
        Block estimatorBlock = null;
        if (estimator == Estimator.JSD) {
            estimatorBlock =
                    StatisticsMlp.builder()
                            .setDataFeatures(dataFeatures)
                            .setLatentFeatures(latentFeatures)
                            .optHiddenWidths(estimatorWidths)
                            .optDataScale(dataScale)
                            .optActivation(ActivationFunction.parse(estimatorActivation))
                            .build();
        } else if (estimator == Estimator.INFOGAN) {
            estimatorBlock =
                    EncoderMlp.builder()
                            .setDataFeatures(dataFeatures)
                            .setLatentFeatures(latentFeatures)
                            .optHiddenWidths(estimatorWidths)
                            .optDataScale(dataScale)
                            .optActivation(ActivationFunction.parse(estimatorActivation))
                            .build();
        }
        return new EnergyGanBlock(energy, generator, estimatorBlock);
    }

    private EnergyGanBlock newConvBlock() {
        Shape shape = new Shape(imageShape);
        EnergyConv energy =
                new EnergyConv(shape, energyWidths, ActivationFunction.parse(energyActivation));
        GeneratorConv generator = new GeneratorConv(latentFeatures, shape, generatorWidths);
        Block estimatorBlock = null;
        if (estimator == Estimator.JSD) {
            estimatorBlock =
                    new StatisticsConv(
                            shape,
                            latentFeatures,
                            Arrays.copyOf(estimatorWidths, estimatorWidths.length - 1),
                            estimatorWidths[estimatorWidths.length - 1],
                            ActivationFunction.parse(estimatorActivation));
        }
        return new EnergyGanBlock(energy, generator, estimatorBlock);
    }

    /**
     * Returns the shape of one sample: {@code (d)} for the MLP family, {@code (C, H, W)} for the
     * convolutional one.
     *
     * @return the data shape
     */
    public Shape getDataShape() {
        return imageShape == null ? new Shape(dataFeatures) : new Shape(imageShape);
    }

    /**
     * Returns the data dimension.
     *
     * @return {@code d}
     */
    public long getDataFeatures() {
        return dataFeatures;
    }

    /**
     * Returns the latent dimension.
     *
     * @return {@code k}
     */
    public long getLatentFeatures() {
        return latentFeatures;
    }

    /**
     * Returns the data scale {@code s}: the networks see {@code x / s} and the generator emits
     * {@code s · G(z)}.
     *
     * @return {@code s}
     */
    public float getDataScale() {
        return dataScale;
    }

    /**
     * Returns the precision {@code ρ} of the energy's Gaussian base measure {@code (ρ/2)·‖x/s‖²}; 0
     * if there is none.
     *
     * @return {@code ρ ≥ 0}
     */
    public float getEnergyBasePrecision() {
        return energyBasePrecision;
    }

    /**
     * Returns the entropy estimator.
     *
     * @return the estimator
     */
    public Estimator getEstimator() {
        return estimator;
    }

    /**
     * Returns the network family: {@code mlp} for vectors, {@code conv} for images.
     *
     * @return the family
     */
    public String getFamily() {
        return family;
    }

    /**
     * Serialises to JSON.
     *
     * @return the JSON text
     */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * Parses and validates JSON written by {@link #toJson()}.
     *
     * @param json the text
     * @return the architecture
     * @throws IllegalArgumentException if the text is not a valid architecture
     */
    public static EnergyGanArchitecture fromJson(String json) {
        EnergyGanArchitecture parsed;
        try {
            parsed = GSON.fromJson(json, EnergyGanArchitecture.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(
                    "Not a valid energy-gan architecture: " + e.getMessage(), e);
        }
        if (parsed == null) {
            throw new IllegalArgumentException(
                    "Not a valid energy-gan architecture: empty document");
        }
        if (!"mlp".equals(parsed.family) && !"conv".equals(parsed.family)) {
            throw new IllegalArgumentException(
                    "Unsupported network family '"
                            + parsed.family
                            + "'; this version reads mlp and conv");
        }
        if ("conv".equals(parsed.family) != (parsed.imageShape != null)) {
            throw new IllegalArgumentException(
                    "Not a valid energy-gan architecture: family "
                            + parsed.family
                            + " with image shape "
                            + Arrays.toString(parsed.imageShape));
        }
        if (parsed.energyWidths == null
                || parsed.generatorWidths == null
                || parsed.estimatorWidths == null
                || parsed.energyActivation == null
                || parsed.generatorActivation == null
                || parsed.estimatorActivation == null
                || parsed.estimator == null) {
            throw new IllegalArgumentException(
                    "Not a valid energy-gan architecture: a field is missing in " + json);
        }
        // Rebuild through the builder so every field is validated the same way.
        return parsed.toBuilder().build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EnergyGanArchitecture)) {
            return false;
        }
        EnergyGanArchitecture that = (EnergyGanArchitecture) o;
        return dataFeatures == that.dataFeatures
                && family.equals(that.family)
                && Arrays.equals(imageShape, that.imageShape)
                && latentFeatures == that.latentFeatures
                && Float.compare(dataScale, that.dataScale) == 0
                && Arrays.equals(energyWidths, that.energyWidths)
                && energyActivation.equals(that.energyActivation)
                && Float.compare(energyBasePrecision, that.energyBasePrecision) == 0
                && Arrays.equals(generatorWidths, that.generatorWidths)
                && generatorActivation.equals(that.generatorActivation)
                && Float.compare(generatorOutputBound, that.generatorOutputBound) == 0
                && Arrays.equals(estimatorWidths, that.estimatorWidths)
                && estimatorActivation.equals(that.estimatorActivation)
                && estimator == that.estimator;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                family,
                Arrays.hashCode(imageShape),
                dataFeatures,
                latentFeatures,
                dataScale,
                Arrays.hashCode(energyWidths),
                energyActivation,
                energyBasePrecision,
                Arrays.hashCode(generatorWidths),
                generatorActivation,
                generatorOutputBound,
                Arrays.hashCode(estimatorWidths),
                estimatorActivation,
                estimator);
    }

    @Override
    public String toString() {
        if (imageShape != null) {
            return String.format(
                    Locale.ROOT,
                    "images %s; U conv %s k5s2 %s → 1; G %d → %s up·conv → %d, tanh; %s conv %s"
                            + " %s",
                    getDataShape(),
                    joined(energyWidths),
                    energyActivation,
                    latentFeatures,
                    joined(generatorWidths),
                    imageShape[0],
                    estimator.name().toLowerCase(Locale.ROOT),
                    joined(estimatorWidths),
                    estimatorActivation);
        }
        return String.format(
                Locale.ROOT,
                "U %d→%s→1 %s%s; G %d→%s→%d %s%s; %s %s %s; data scale %s",
                dataFeatures,
                joined(energyWidths),
                energyActivation,
                energyBasePrecision > 0f ? " + Gaussian base ρ " + energyBasePrecision : "",
                latentFeatures,
                joined(generatorWidths),
                dataFeatures,
                generatorActivation,
                generatorOutputBound > 0f ? ", output ±" + generatorOutputBound + "·s·tanh" : "",
                estimator.name().toLowerCase(Locale.ROOT),
                joined(estimatorWidths),
                estimatorActivation,
                dataScale);
    }

    private static String joined(long[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                sb.append('→');
            }
            sb.append(widths[i]);
        }
        return sb.toString();
    }

    /** The builder for {@link EnergyGanArchitecture}; defaults are the 2-D reference. */
    public static final class Builder {

        private long[] imageShape;
        private long dataFeatures = 2;
        private long latentFeatures = 2;
        private float dataScale = 1f;
        private long[] energyWidths = {512, 512, 512};
        private ActivationFunction energyActivation = ActivationFunction.leakyRelu(0.2f);
        private float energyBasePrecision;
        private long[] generatorWidths = {512, 512, 512};
        private ActivationFunction generatorActivation = ActivationFunction.relu();
        private float generatorOutputBound;
        private long[] estimatorWidths = {512, 512, 512};
        private ActivationFunction estimatorActivation = ActivationFunction.leakyRelu(0.2f);
        private Estimator estimator = Estimator.JSD;

        Builder() {}

        /**
         * Sets the data dimension; 2 by default.
         *
         * @param dataFeatures {@code d > 0}
         * @return this builder
         */
        public Builder setDataFeatures(long dataFeatures) {
            this.dataFeatures = dataFeatures;
            return this;
        }

        /**
         * Sets the latent dimension; 2 by default.
         *
         * @param latentFeatures {@code k > 0}
         * @return this builder
         */
        public Builder setLatentFeatures(long latentFeatures) {
            this.latentFeatures = latentFeatures;
            return this;
        }

        /**
         * Sets the data scale {@code s} (the data's standard deviation is the usual choice: the
         * networks then work on standardised data, as the reference code does); 1 by default.
         *
         * @param dataScale {@code s > 0}
         * @return this builder
         */
        public Builder optDataScale(float dataScale) {
            this.dataScale = dataScale;
            return this;
        }

        /**
         * Sets the energy network's hidden widths.
         *
         * @param widths each {@code > 0}
         * @return this builder
         */
        public Builder optEnergyWidths(long... widths) {
            this.energyWidths = widths;
            return this;
        }

        /**
         * Sets the energy network's activation.
         *
         * @param activation the activation
         * @return this builder
         */
        public Builder optEnergyActivation(ActivationFunction activation) {
            this.energyActivation = activation;
            return this;
        }

        /**
         * Adds a Gaussian base measure {@code (ρ/2)·‖x/s‖²} to the energy (MLP family only): the
         * model stays normalisable and the energy grows away from the data however the network
         * extrapolates. 0 (none, the article's energy) by default.
         *
         * @param precision {@code ρ ≥ 0}, finite
         * @return this builder
         */
        public Builder optEnergyBasePrecision(float precision) {
            this.energyBasePrecision = precision;
            return this;
        }

        /**
         * Sets the generator's hidden widths.
         *
         * @param widths each {@code > 0}
         * @return this builder
         */
        public Builder optGeneratorWidths(long... widths) {
            this.generatorWidths = widths;
            return this;
        }

        /**
         * Sets the generator's activation.
         *
         * @param activation the activation
         * @return this builder
         */
        public Builder optGeneratorActivation(ActivationFunction activation) {
            this.generatorActivation = activation;
            return this;
        }

        /**
         * Bounds the generator's output to {@code ±bound} data scales with a scaled tanh; 0
         * (unbounded, the reference) by default.
         *
         * @param bound {@code >= 0}
         * @return this builder
         */
        public Builder optGeneratorOutputBound(float bound) {
            this.generatorOutputBound = bound;
            return this;
        }

        /**
         * Sets the estimator network's hidden widths.
         *
         * @param widths each {@code > 0}
         * @return this builder
         */
        public Builder optEstimatorWidths(long... widths) {
            this.estimatorWidths = widths;
            return this;
        }

        /**
         * Sets the estimator network's activation.
         *
         * @param activation the activation
         * @return this builder
         */
        public Builder optEstimatorActivation(ActivationFunction activation) {
            this.estimatorActivation = activation;
            return this;
        }

        /**
         * Sets the entropy estimator; JSD by default.
         *
         * @param estimator the estimator
         * @return this builder
         */
        public Builder optEstimator(Estimator estimator) {
            this.estimator = estimator;
            return this;
        }

        /**
         * Makes this a convolutional architecture for images of the given shape. The widths then
         * read as channels: {@code energyWidths} those of the energy network's strided
         * convolutions, {@code generatorWidths} the generator's, from its first map to its last
         * hidden stage, and {@code estimatorWidths} the statistics network's convolutions followed
         * by the width of its hidden layer. Only the JSD estimator (or none) is available.
         *
         * @param channels {@code C > 0}
         * @param height {@code H > 0}
         * @param width {@code W > 0}
         * @return this builder
         */
        public Builder optImageShape(long channels, long height, long width) {
            this.imageShape = new long[] {channels, height, width};
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the architecture
         * @throws IllegalArgumentException naming the first invalid field
         */
        public EnergyGanArchitecture build() {
            positive("dataFeatures", dataFeatures);
            positive("latentFeatures", latentFeatures);
            if (!(dataScale > 0f) || Float.isInfinite(dataScale)) {
                throw new IllegalArgumentException(
                        "dataScale must be positive and finite, got " + dataScale);
            }
            widths("energyWidths", energyWidths);
            widths("generatorWidths", generatorWidths);
            widths("estimatorWidths", estimatorWidths);
            if (!(energyBasePrecision >= 0f) || Float.isInfinite(energyBasePrecision)) {
                throw new IllegalArgumentException(
                        "energyBasePrecision must be finite and >= 0, got " + energyBasePrecision);
            }
            if (imageShape != null && energyBasePrecision != 0f) {
                throw new IllegalArgumentException(
                        "energyBasePrecision is available for the mlp family only; the"
                                + " convolutional energy has none");
            }
            if (!(generatorOutputBound >= 0f) || Float.isInfinite(generatorOutputBound)) {
                throw new IllegalArgumentException(
                        "generatorOutputBound must be finite and >= 0, got "
                                + generatorOutputBound);
            }
            Objects.requireNonNull(energyActivation, "energyActivation");
            Objects.requireNonNull(generatorActivation, "generatorActivation");
            Objects.requireNonNull(estimatorActivation, "estimatorActivation");
            Objects.requireNonNull(estimator, "estimator");
            if (imageShape != null) {
                positive("imageShape channels", imageShape[0]);
                positive("imageShape height", imageShape[1]);
                positive("imageShape width", imageShape[2]);
                if (estimator == Estimator.INFOGAN) {
                    throw new IllegalArgumentException(
                            "estimator INFOGAN has no convolutional encoder yet; use JSD or NONE"
                                    + " for images");
                }
                if (estimator == Estimator.JSD && estimatorWidths.length < 2) {
                    throw new IllegalArgumentException(
                            "estimatorWidths for images are the statistics network's channels"
                                    + " followed by its hidden width: at least two values, got "
                                    + Arrays.toString(estimatorWidths));
                }
                if (generatorOutputBound != 0f) {
                    throw new IllegalArgumentException(
                            "generatorOutputBound does not apply to images (the generator ends in"
                                    + " tanh); got "
                                    + generatorOutputBound);
                }
            }
            return new EnergyGanArchitecture(this);
        }

        private static void positive(String field, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException(field + " must be > 0, got " + value);
            }
        }

        private static void widths(String field, long[] widths) {
            if (widths == null) {
                throw new IllegalArgumentException(field + " must be set");
            }
            for (long width : widths) {
                if (width <= 0) {
                    throw new IllegalArgumentException(
                            field + " must all be > 0, got " + Arrays.toString(widths));
                }
            }
        }
    }
}
