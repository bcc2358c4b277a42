/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of a block's parameters, {@code φ̄ ← d·φ̄ + (1 - d)·φ}, kept
 * beside the block and written into it on request.
 *
 * <p>The averages live on the manager given at construction (the training run's), so they go
 * when the run ends; each update's temporary is closed at once.
 */
final class ParameterAverage {

    private final List<Parameter> parameters = new ArrayList<>();
    private final List<NDArray> averages = new ArrayList<>();
    private final float decay;

    /**
     * Starts the averages at the block's current parameters.
     *
     * @param block an initialised block
     * @param decay {@code d} in {@code (0, 1)}
     * @param manager the manager that owns the averages
     */
    ParameterAverage(Block block, float decay, NDManager manager) {
        this.decay = decay;
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            NDArray average = parameter.getArray().duplicate();
            average.attach(manager);
            parameters.add(parameter);
            averages.add(average);
        }
    }

    /** Folds the block's current parameters into the averages. */
    void update() {
        for (int i = 0; i < parameters.size(); i++) {
            try (NDArray scaled = parameters.get(i).getArray().mul(1f - decay)) {
                averages.get(i).muli(decay).addi(scaled);
            }
        }
    }

    /**
     * Copies the averages, for a checkpoint.
     *
     * @param manager the manager the copies join
     * @return the averages, in the block's parameter order
     */
    List<NDArray> snapshot(NDManager manager) {
        List<NDArray> copies = new ArrayList<>();
        for (NDArray average : averages) {
            NDArray copy = average.duplicate();
            copy.attach(manager);
            copies.add(copy);
        }
        return copies;
    }

    /**
     * Restores averages taken by {@link #snapshot}.
     *
     * @param saved the averages, in the block's parameter order
     * @throws IllegalArgumentException if they do not fit the block
     */
    void restore(List<NDArray> saved) {
        if (saved.size() != averages.size()) {
            throw new IllegalArgumentException(
                    "The checkpoint holds "
                            + saved.size()
                            + " weight averages, the network has "
                            + averages.size()
                            + " parameters");
        }
        for (int i = 0; i < saved.size(); i++) {
            NDArray average = averages.get(i);
            if (!saved.get(i).getShape().equals(average.getShape())) {
                throw new IllegalArgumentException(
                        "A saved weight average has shape "
                                + saved.get(i).getShape()
                                + ", the parameter "
                                + average.getShape());
            }
            average.muli(0f).addi(saved.get(i));
        }
    }

    /** Overwrites the block's parameters with the averages. */
    void copyToBlock() {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).getArray().muli(0f).addi(averages.get(i));
        }
    }
}
