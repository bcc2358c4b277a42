/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.modality.Input;
import ai.djl.modality.Output;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.sampling.SampleRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DJL Serving's types, {@link Input} → {@link Output}, with JSON in and out, so that {@code
 * Criteria<Input, Output>} loads a saved directory with no translator factory given (DJL's
 * serving factory reads this project's factory from the directory's {@code serving.properties}).
 *
 * <ul>
 *   <li>Scoring: {@code {"points": [[x₁, x₂, …], …]}} → {@code {"energies": […],
 *       "squaredGradientNorms": […]}}, as {@link EnergyBatchScoringTranslator}.
 *   <li>Sampling: {@code {"count": 64, "steps": 100, "warmUpSteps": 100, "stepSize": 0.05,
 *       "beta": 1, "prior": true, "method": "mala", "seed": 0, "batchSize": 4096}} (every field
 *       but {@code count} optional, with {@link SampleRequest}'s defaults) → {@code {"samples":
 *       […], "energies": […], "rawSamples": […]}}, as {@link EnergyGanSamplingTranslator}.
 * </ul>
 */
public final class EnergyGanServingTranslator implements NoBatchifyTranslator<Input, Output> {

    private static final Gson GSON = new Gson();
    private static final String KIND = "energy-gan.serving.kind";
    private static final String SCORE = "score";
    private static final String SAMPLE = "sample";

    private final EnergyBatchScoringTranslator scoring = new EnergyBatchScoringTranslator();
    private final EnergyGanSamplingTranslator sampling = new EnergyGanSamplingTranslator();

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the body is not a JSON object with {@code points} or
     *     {@code count}, or a value is out of range, saying what was expected
     */
    @Override
    public NDList processInput(TranslatorContext ctx, Input input) {
        JsonObject body = parse(input);
        if (body.has("points")) {
            ctx.setAttachment(KIND, SCORE);
            return scoring.processInput(ctx, points(ctx, body.get("points")));
        }
        if (body.has("count")) {
            ctx.setAttachment(KIND, SAMPLE);
            return sampling.processInput(ctx, request(body));
        }
        throw new IllegalArgumentException(
                "Expected a JSON object with \"points\" (a list of points to score) or \"count\""
                        + " (how many samples to draw), got the fields "
                        + body.keySet());
    }

    /** {@inheritDoc} */
    @Override
    public Output processOutput(TranslatorContext ctx, NDList list) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (SCORE.equals(ctx.getAttachment(KIND))) {
            EnergyScores scores = scoring.processOutput(ctx, list);
            json.put("energies", scores.energies());
            json.put("squaredGradientNorms", scores.squaredGradientNorms());
        } else {
            GeneratedSamples samples = sampling.processOutput(ctx, list);
            json.put("samples", samples.samples());
            json.put("energies", samples.energies());
            json.put("rawSamples", samples.rawSamples());
        }
        Output output = new Output();
        output.addProperty("Content-Type", "application/json");
        output.add(GSON.toJson(json));
        return output;
    }

    private static JsonObject parse(Input input) {
        String text = input.getData() == null ? "" : input.getData().getAsString();
        try {
            JsonElement element = JsonParser.parseString(text);
            if (element.isJsonObject()) {
                return element.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(
                    "The request body is not JSON (" + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException(
                "Expected a JSON object with \"points\" or \"count\", got: "
                        + (text.length() > 80 ? text.substring(0, 80) + "…" : text));
    }

    private static NDArray points(TranslatorContext ctx, JsonElement element) {
        if (!element.isJsonArray() || element.getAsJsonArray().isEmpty()) {
            throw new IllegalArgumentException(
                    "\"points\" must be a non-empty list of points, each a list of numbers");
        }
        JsonArray rows = element.getAsJsonArray();
        EnergyGanBlock gan = Translators.pair(ctx.getModel());
        int features = Math.toIntExact(gan.getSingleSampleShape().size());
        float[] flat = new float[rows.size() * features];
        for (int i = 0; i < rows.size(); i++) {
            JsonElement row = rows.get(i);
            if (!row.isJsonArray() || row.getAsJsonArray().size() != features) {
                throw new IllegalArgumentException(
                        "Point "
                                + i
                                + " must be a list of "
                                + features
                                + " numbers (the model's data size), got "
                                + row);
            }
            for (int j = 0; j < features; j++) {
                try {
                    flat[i * features + j] = row.getAsJsonArray().get(j).getAsFloat();
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "Point " + i + " holds a value that is not a number: " + row, e);
                }
            }
        }
        Shape shape = new Shape(rows.size()).addAll(gan.getDataShape());
        return ctx.getNDManager().create(flat, shape);
    }

    private static SampleRequest request(JsonObject body) {
        try {
            SampleRequest.Builder builder =
                    SampleRequest.builder().setCount(body.get("count").getAsInt());
            if (body.has("steps")) {
                builder.optSteps(body.get("steps").getAsInt());
            }
            if (body.has("warmUpSteps")) {
                builder.optWarmUpSteps(body.get("warmUpSteps").getAsInt());
            }
            if (body.has("stepSize")) {
                builder.optStepSize(body.get("stepSize").getAsDouble());
            }
            if (body.has("beta")) {
                builder.optBeta(body.get("beta").getAsFloat());
            }
            if (body.has("prior")) {
                builder.optPrior(body.get("prior").getAsBoolean());
            }
            if (body.has("method")) {
                builder.optMethod(SampleRequest.Method.parse(body.get("method").getAsString()));
            }
            if (body.has("seed")) {
                builder.optSeed(body.get("seed").getAsInt());
            }
            if (body.has("batchSize")) {
                builder.optBatchSize(body.get("batchSize").getAsInt());
            }
            return builder.build();
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    "A sampling request's fields must be numbers (count, steps, warmUpSteps,"
                            + " stepSize, beta, seed, batchSize), a boolean (prior) and a name"
                            + " (method): "
                            + e.getMessage(),
                    e);
        }
    }
}
