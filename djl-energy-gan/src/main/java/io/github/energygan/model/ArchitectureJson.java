/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import io.github.energygan.nn.ActivationFunction;

import java.io.IOException;
import java.util.List;

/**
 * The JSON form of an {@link EnergyGanArchitecture}, in every schema this version reads.
 *
 * <ul>
 *   <li>Schema 2 (written): the records' own components, with {@code family} ({@code mlp} or
 *       {@code conv}) telling which record; each network's layers are an object {@code {widths,
 *       activation}}, the estimator {@code {kind, layers}}.
 *   <li>Schema 1: one flat object for both families ({@code energyWidths}, {@code
 *       energyActivation}, …, {@code estimator} as a name, {@code imageShape} for images).
 * </ul>
 *
 * <p>An activation is written as {@link ActivationFunction#toString()} ({@code leaky_relu:0.2}).
 * Whatever the schema, the records' constructors validate what was read.
 */
public final class ArchitectureJson {

    /** The schema this version writes. */
    public static final int SCHEMA_VERSION = 2;

    private static final Gson GSON =
            new GsonBuilder()
                    .setPrettyPrinting()
                    .registerTypeAdapter(ActivationFunction.class, new ActivationAdapter())
                    .create();

    private ArchitectureJson() {}

    /**
     * Writes an architecture in the current schema.
     *
     * @param architecture the architecture
     * @return the JSON text
     */
    public static String write(EnergyGanArchitecture architecture) {
        JsonObject object = new JsonObject();
        object.addProperty("family", architecture.family());
        GSON.toJsonTree(architecture).getAsJsonObject().entrySet().forEach(
                e -> object.add(e.getKey(), e.getValue()));
        return GSON.toJson(object);
    }

    /**
     * Reads an architecture written in the given schema.
     *
     * @param json the text
     * @param schema the schema it was written in, 1 or 2
     * @return the architecture
     * @throws IllegalArgumentException if the text is not a valid architecture of that schema
     */
    public static EnergyGanArchitecture read(String json, int schema) {
        try {
            JsonElement root = JsonParser.parseString(json);
            if (root == null || !root.isJsonObject()) {
                throw new IllegalArgumentException(
                        "Not a valid energy-gan architecture: not a JSON object");
            }
            JsonObject object = root.getAsJsonObject();
            String family = object.has("family") ? object.get("family").getAsString() : null;
            if (!"mlp".equals(family) && !"conv".equals(family)) {
                throw new IllegalArgumentException(
                        "Unsupported network family '"
                                + family
                                + "'; this version reads mlp and conv");
            }
            return switch (schema) {
                case 1 -> readSchema1(GSON.fromJson(object, Schema1.class), family);
                case 2 -> construct(
                        object, "mlp".equals(family) ? MlpArchitecture.class : ConvArchitecture.class);
                default -> throw new IllegalArgumentException(
                        "Architecture schema "
                                + schema
                                + " is not one this version reads (1 or "
                                + SCHEMA_VERSION
                                + ")");
            };
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "Not a valid energy-gan architecture (a field is missing or malformed): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Lets Gson call the record's canonical constructor, and gives its validation message back
     * unwrapped (Gson wraps what a record constructor throws).
     */
    private static EnergyGanArchitecture construct(
            JsonObject object, Class<? extends EnergyGanArchitecture> type) {
        try {
            return GSON.fromJson(object, type);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException(
                    "Not a valid energy-gan architecture (a field is missing or malformed): "
                            + cause.getMessage(),
                    e);
        }
    }

    private static EnergyGanArchitecture readSchema1(Schema1 s, String family) {
        EstimatorSpec estimator =
                new EstimatorSpec(
                        EnergyGanArchitecture.Estimator.parse(s.estimator),
                        new Layers(s.estimatorWidths, ActivationFunction.parse(s.estimatorActivation)));
        Layers energy = new Layers(s.energyWidths, ActivationFunction.parse(s.energyActivation));
        if ("mlp".equals(family)) {
            if (s.imageShape != null) {
                throw new IllegalArgumentException(
                        "Not a valid energy-gan architecture: family mlp with image shape "
                                + s.imageShape);
            }
            return new MlpArchitecture(
                    s.dataFeatures,
                    s.latentFeatures,
                    s.dataScale,
                    energy,
                    s.energyBasePrecision,
                    new Layers(s.generatorWidths, ActivationFunction.parse(s.generatorActivation)),
                    s.generatorOutputBound,
                    estimator);
        }
        if (s.energyBasePrecision != 0f) {
            throw new IllegalArgumentException(
                    "energyBasePrecision is available for the mlp family only; the convolutional"
                            + " energy has none");
        }
        if (s.generatorOutputBound != 0f) {
            throw new IllegalArgumentException(
                    "generatorOutputBound does not apply to images (the generator ends in tanh);"
                            + " got "
                            + s.generatorOutputBound);
        }
        return new ConvArchitecture(
                s.imageShape, s.latentFeatures, energy, s.generatorWidths, estimator);
    }

    /** Schema 1's flat fields, as Gson fills them. */
    @SuppressWarnings("unused") // written by Gson
    private static final class Schema1 {
        List<Long> imageShape;
        long dataFeatures;
        long latentFeatures;
        float dataScale = 1f;
        List<Long> energyWidths;
        String energyActivation;
        float energyBasePrecision;
        List<Long> generatorWidths;
        String generatorActivation;
        float generatorOutputBound;
        List<Long> estimatorWidths;
        String estimatorActivation;
        String estimator;
    }

    /** Writes an activation as its spec string, and parses it back. */
    private static final class ActivationAdapter extends TypeAdapter<ActivationFunction> {

        @Override
        public void write(JsonWriter out, ActivationFunction value) throws IOException {
            out.value(value == null ? null : value.toString());
        }

        @Override
        public ActivationFunction read(JsonReader in) throws IOException {
            return ActivationFunction.parse(in.nextString());
        }
    }
}
