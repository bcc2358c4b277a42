/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

/**
 * The options shared by this package's MLP networks: hidden widths (depth is their count) and
 * hidden activation.
 *
 * @param <T> the concrete builder
 */
public abstract class MlpBuilder<T extends MlpBuilder<T>> {

    /** The 2-D reference width (Kumar et al. 2019). */
    public static final long[] REFERENCE_2D_WIDTHS = {512, 512, 512};

    long[] hiddenWidths = REFERENCE_2D_WIDTHS.clone();
    ActivationFunction activation;
    float dataScale = 1f;

    /**
     * Creates a builder whose default activation is the given one.
     *
     * @param defaultActivation the activation used unless {@link #optActivation} says otherwise
     */
    protected MlpBuilder(ActivationFunction defaultActivation) {
        this.activation = defaultActivation;
    }

    /**
     * Sets the hidden widths; the reference {@code 512, 512, 512} by default.
     *
     * @param widths each {@code > 0}; their count is the depth
     * @return this builder
     */
    public T optHiddenWidths(long... widths) {
        this.hiddenWidths = widths == null ? null : widths.clone();
        return self();
    }

    /**
     * Sets the hidden activation.
     *
     * @param activation the activation
     * @return this builder
     */
    public T optActivation(ActivationFunction activation) {
        this.activation = activation;
        return self();
    }

    /**
     * Sets the scale of the data, {@code s}: data enter the network as {@code x / s}, and a
     * generator's output leaves it as {@code s · G(z)}. Use the data's standard deviation, as the
     * reference code standardises its toy data; 1 (no scaling) by default.
     *
     * @param dataScale {@code s > 0}
     * @return this builder
     */
    public T optDataScale(float dataScale) {
        this.dataScale = dataScale;
        return self();
    }

    /**
     * Returns this builder, typed.
     *
     * @return this
     */
    protected abstract T self();

    MultilayerPerceptron buildMlp(String role, long in, long out, ActivationFunction outputAct) {
        return mlpBuilder(role, in, out, outputAct).build();
    }

    MultilayerPerceptron.Builder mlpBuilder(
            String role, long in, long out, ActivationFunction outputAct) {
        return MultilayerPerceptron.builder()
                .optRole(role)
                .setInputFeatures(in)
                .setHiddenWidths(hiddenWidths)
                .setOutputFeatures(out)
                .optActivation(activation)
                .optOutputActivation(outputAct);
    }
}
