/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import io.github.energygan.model.ModelManifest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a checkpoint holds besides the weights, so that a training run can continue from it
 * exactly: the completed iterations, both optimizers' moments and counts, the weight averages,
 * and the adapted step of the negatives' chains. Random draws need no state: each iteration's
 * stream, and the data order, follow from the config's seed and the iteration's number.
 *
 * <p>Two files beside the model's: {@value #JSON} (the numbers, and the SHA-256 of the arrays
 * file) and {@value #ARRAYS} (the arrays, DJL's {@code NDList} encoding). A load verifies the
 * digest and the run's fingerprint (the config and the architecture) before anything is used.
 */
final class TrainingState {

    /** The numbers' file. */
    static final String JSON = "training-state.json";

    /** The arrays' file. */
    static final String ARRAYS = "training-state.ndlist";

    private static final int FORMAT = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    final long iteration;
    final double negativeStep;
    final String fingerprint;
    final ResumableAdam.State energy;
    final ResumableAdam.State generator;
    final List<NDArray> energyAverage;
    final List<NDArray> generatorAverage;

    TrainingState(
            long iteration,
            double negativeStep,
            String fingerprint,
            ResumableAdam.State energy,
            ResumableAdam.State generator,
            List<NDArray> energyAverage,
            List<NDArray> generatorAverage) {
        this.iteration = iteration;
        this.negativeStep = negativeStep;
        this.fingerprint = fingerprint;
        this.energy = energy;
        this.generator = generator;
        this.energyAverage = energyAverage;
        this.generatorAverage = generatorAverage;
    }

    /** The JSON form. */
    private static final class Numbers {
        int format;
        long iteration;
        double negativeStep;
        String fingerprint;
        int[] energyCounts;
        int energyUpdates;
        int[] generatorCounts;
        int generatorUpdates;
        int energyAverages;
        int generatorAverages;
        String arraysSha256;
    }

    /**
     * Writes the two files into a directory.
     *
     * @param directory the checkpoint's staging directory
     * @throws IOException if a file cannot be written
     */
    void write(Path directory) throws IOException {
        NDList arrays = new NDList();
        arrays.addAll(energy.means());
        arrays.addAll(energy.variances());
        arrays.addAll(generator.means());
        arrays.addAll(generator.variances());
        arrays.addAll(energyAverage);
        arrays.addAll(generatorAverage);
        byte[] encoded = arrays.encode();
        Files.write(directory.resolve(ARRAYS), encoded);
        Numbers numbers = new Numbers();
        numbers.format = FORMAT;
        numbers.iteration = iteration;
        numbers.negativeStep = negativeStep;
        numbers.fingerprint = fingerprint;
        numbers.energyCounts = energy.counts();
        numbers.energyUpdates = energy.updates();
        numbers.generatorCounts = generator.counts();
        numbers.generatorUpdates = generator.updates();
        numbers.energyAverages = energyAverage.size();
        numbers.generatorAverages = generatorAverage.size();
        numbers.arraysSha256 = ModelManifest.sha256(new ByteArrayInputStream(encoded));
        Files.writeString(directory.resolve(JSON), GSON.toJson(numbers), StandardCharsets.UTF_8);
    }

    /**
     * Whether a directory holds a training state.
     *
     * @param directory a checkpoint directory
     * @return true if both files are there
     */
    static boolean isIn(Path directory) {
        return Files.isRegularFile(directory.resolve(JSON))
                && Files.isRegularFile(directory.resolve(ARRAYS));
    }

    /**
     * Reads and verifies a training state.
     *
     * @param directory the checkpoint directory
     * @param manager the manager the arrays join
     * @return the state
     * @throws IOException if a file is missing or unreadable, or the arrays do not match their
     *     digest or the numbers; the message names the file
     */
    static TrainingState read(Path directory, NDManager manager) throws IOException {
        Path json = directory.resolve(JSON);
        Path arraysFile = directory.resolve(ARRAYS);
        if (!isIn(directory)) {
            throw new IOException(
                    "Checkpoint "
                            + directory
                            + " holds no training state ("
                            + JSON
                            + " and "
                            + ARRAYS
                            + "); it was written without the trainer, or by an older version,"
                            + " and can be loaded as a model but not resumed");
        }
        Numbers numbers;
        try {
            numbers = GSON.fromJson(Files.readString(json, StandardCharsets.UTF_8), Numbers.class);
        } catch (JsonParseException e) {
            throw new IOException(json + " is not a training state: " + e.getMessage(), e);
        }
        if (numbers == null
                || numbers.format != FORMAT
                || numbers.fingerprint == null
                || numbers.energyCounts == null
                || numbers.generatorCounts == null
                || numbers.arraysSha256 == null) {
            throw new IOException(
                    json + " is not a training state of format " + FORMAT + " (fields missing)");
        }
        byte[] encoded = Files.readAllBytes(arraysFile);
        String digest;
        try (InputStream in = new ByteArrayInputStream(encoded)) {
            digest = ModelManifest.sha256(in);
        }
        if (!digest.equals(numbers.arraysSha256)) {
            throw new IOException(
                    arraysFile
                            + " does not match the SHA-256 recorded in "
                            + json
                            + "; the checkpoint is damaged");
        }
        NDList arrays;
        try {
            arrays = NDList.decode(manager, encoded);
        } catch (RuntimeException e) {
            throw new IOException(arraysFile + " cannot be decoded: " + e.getMessage(), e);
        }
        int e = numbers.energyCounts.length;
        int g = numbers.generatorCounts.length;
        int expected = 2 * e + 2 * g + numbers.energyAverages + numbers.generatorAverages;
        if (arrays.size() != expected) {
            throw new IOException(
                    arraysFile + " holds " + arrays.size() + " arrays, " + json + " " + expected);
        }
        int at = 0;
        List<NDArray> energyMeans = slice(arrays, at, e);
        at += e;
        List<NDArray> energyVariances = slice(arrays, at, e);
        at += e;
        List<NDArray> generatorMeans = slice(arrays, at, g);
        at += g;
        List<NDArray> generatorVariances = slice(arrays, at, g);
        at += g;
        List<NDArray> energyAverage = slice(arrays, at, numbers.energyAverages);
        at += numbers.energyAverages;
        List<NDArray> generatorAverage = slice(arrays, at, numbers.generatorAverages);
        return new TrainingState(
                numbers.iteration,
                numbers.negativeStep,
                numbers.fingerprint,
                new ResumableAdam.State(
                        energyMeans, energyVariances, numbers.energyCounts, numbers.energyUpdates),
                new ResumableAdam.State(
                        generatorMeans,
                        generatorVariances,
                        numbers.generatorCounts,
                        numbers.generatorUpdates),
                energyAverage,
                generatorAverage);
    }

    private static List<NDArray> slice(NDList arrays, int from, int count) {
        return new ArrayList<>(arrays.subList(from, from + count));
    }
}
