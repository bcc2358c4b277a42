/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.MalformedModelException;
import ai.djl.nn.AbstractBlock;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A block whose saved metadata is its {@link BlockSignature}, checked when weights load, with the
 * loader branching on the saved version as DJL's {@code Linear} does:
 *
 * <ul>
 *   <li>version 2: the signature's numbers;
 *   <li>version 1: what the block saved before, read by {@link #loadVersion1} (nothing, by
 *       default).
 * </ul>
 */
abstract class SignedBlock extends AbstractBlock {

    /** The metadata version this library writes. */
    static final byte VERSION = 2;

    SignedBlock() {
        super(VERSION);
    }

    /**
     * Returns the numbers that fix this block's parameter shapes and function.
     *
     * @return the signature
     */
    abstract BlockSignature signature();

    /**
     * Reads and checks what a version-1 file saved after the input shapes; nothing by default.
     *
     * @param is the stream
     * @throws IOException if the stream cannot be read
     * @throws MalformedModelException if what was saved does not fit this block
     */
    void loadVersion1(DataInputStream is) throws IOException, MalformedModelException {}

    /** {@inheritDoc} */
    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        signature().write(os);
    }

    /** {@inheritDoc} */
    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is)
            throws IOException, MalformedModelException {
        readInputShapes(is);
        switch (loadVersion) {
            case VERSION:
                signature().readAndCheck(is, toString());
                break;
            case 1:
                loadVersion1(is);
                break;
            default:
                throw new MalformedModelException(
                        "Unsupported encoding version " + loadVersion + " of " + toString());
        }
    }
}
