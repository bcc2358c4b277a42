/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.Model;
import ai.djl.modality.Input;
import ai.djl.modality.Output;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;

import io.github.energygan.sampling.SampleRequest;

import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks an energy-GAN translator from the input and output types given to {@code Criteria}:
 *
 * <ul>
 *   <li>{@link SampleRequest} → {@link GeneratedSamples}: sampling ({@link
 *       EnergyGanSamplingTranslator});
 *   <li>{@code float[]} → {@link EnergyScore}: scoring single points, batched by {@code
 *       batchPredict} ({@link EnergyScoringTranslator});
 *   <li>{@link NDArray} → {@link EnergyScores}: scoring a batch ({@link
 *       EnergyBatchScoringTranslator});
 *   <li>{@link Image} → {@link EnergyScore}: scoring images, batched ({@link
 *       ImageScoringTranslator}).
 *   <li>{@link Input} → {@link Output}: DJL Serving's types, JSON in and out, for scoring and
 *       sampling ({@link EnergyGanServingTranslator}); {@code Criteria<Input, Output>} finds this
 *       factory in a saved directory's {@code serving.properties} with none given.
 * </ul>
 */
public final class EnergyGanTranslatorFactory implements TranslatorFactory {

    private static final Set<Pair<Type, Type>> SUPPORTED = new LinkedHashSet<>();

    static {
        SUPPORTED.add(new Pair<>(SampleRequest.class, GeneratedSamples.class));
        SUPPORTED.add(new Pair<>(float[].class, EnergyScore.class));
        SUPPORTED.add(new Pair<>(NDArray.class, EnergyScores.class));
        SUPPORTED.add(new Pair<>(Image.class, EnergyScore.class));
        SUPPORTED.add(new Pair<>(Input.class, Output.class));
    }

    /** {@inheritDoc} */
    @Override
    public Set<Pair<Type, Type>> getSupportedTypes() {
        return SUPPORTED;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the pair of types is not supported; the message lists the
     *     supported pairs
     */
    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Translator<I, O> newInstance(
            Class<I> input, Class<O> output, Model model, Map<String, ?> arguments) {
        if (input == SampleRequest.class && output == GeneratedSamples.class) {
            return (Translator<I, O>) new EnergyGanSamplingTranslator();
        }
        if (input == float[].class && output == EnergyScore.class) {
            return (Translator<I, O>) new EnergyScoringTranslator();
        }
        if (input == NDArray.class && output == EnergyScores.class) {
            return (Translator<I, O>) new EnergyBatchScoringTranslator();
        }
        if (input == Image.class && output == EnergyScore.class) {
            return (Translator<I, O>) new ImageScoringTranslator();
        }
        if (input == Input.class && output == Output.class) {
            return (Translator<I, O>) new EnergyGanServingTranslator();
        }
        throw new IllegalArgumentException(
                "No energy-gan translator for "
                        + name(input)
                        + " → "
                        + name(output)
                        + "; supported: "
                        + describeSupported());
    }

    /**
     * Lists the supported type pairs, for error messages.
     *
     * @return e.g. {@code SampleRequest → GeneratedSamples, float[] → EnergyScore, ...}
     */
    public static String describeSupported() {
        return SUPPORTED.stream()
                .map(p -> name(p.getKey()) + " → " + name(p.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String name(Type type) {
        return type instanceof Class ? ((Class<?>) type).getSimpleName() : String.valueOf(type);
    }
}
