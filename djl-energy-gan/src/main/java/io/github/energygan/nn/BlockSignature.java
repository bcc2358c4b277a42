/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.MalformedModelException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers that fix a block's parameter shapes and its function (sizes, widths, activations,
 * scales), saved as its metadata and compared on load, so that weights never load into a block
 * they were not trained for. Numbers only: a change in how a block describes itself never breaks
 * a saved file. Written as a count and that many doubles (exact for every int, long up to
 * {@code 2^53} and float).
 */
final class BlockSignature {

    private final List<String> names = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    /**
     * Adds a number.
     *
     * @param name what it is, for messages
     * @param value its value
     * @return this signature
     */
    BlockSignature add(String name, double value) {
        names.add(name);
        values.add(value);
        return this;
    }

    /**
     * Adds a list of numbers, preceded by its length.
     *
     * @param name what they are, for messages
     * @param list the values
     * @return this signature
     */
    BlockSignature add(String name, long[] list) {
        add(name + " count", list.length);
        for (int i = 0; i < list.length; i++) {
            add(name + "[" + i + "]", list[i]);
        }
        return this;
    }

    /**
     * Adds an activation as its kind's position in {@link ActivationFunction.Kind} (append-only,
     * so positions never change) and its {@code α}; absent as {@code −1}.
     *
     * @param name what it is, for messages
     * @param activation the activation, or null
     * @return this signature
     */
    BlockSignature add(String name, ActivationFunction activation) {
        add(name, activation == null ? -1 : activation.getKind().ordinal());
        return add(name + " α", activation == null ? 0 : activation.getAlpha());
    }

    /**
     * Writes the numbers.
     *
     * @param os the stream
     * @throws IOException if it cannot be written
     */
    void write(DataOutputStream os) throws IOException {
        os.writeInt(values.size());
        for (double value : values) {
            os.writeDouble(value);
        }
    }

    /**
     * Reads saved numbers and checks them against this signature's.
     *
     * @param is the stream
     * @param block the block's name, for messages
     * @throws IOException if the stream cannot be read
     * @throws MalformedModelException naming the first number that differs
     */
    void readAndCheck(DataInputStream is, String block) throws IOException, MalformedModelException {
        int count = is.readInt();
        if (count != values.size()) {
            throw new MalformedModelException(
                    "The weights were saved for a "
                            + block
                            + " described by "
                            + count
                            + " numbers, but this one has "
                            + values.size());
        }
        for (int i = 0; i < count; i++) {
            double saved = is.readDouble();
            if (Double.compare(saved, values.get(i)) != 0) {
                throw new MalformedModelException(
                        "The weights were saved for a "
                                + block
                                + " with "
                                + names.get(i)
                                + " = "
                                + saved
                                + ", but this one has "
                                + values.get(i));
            }
        }
    }
}
