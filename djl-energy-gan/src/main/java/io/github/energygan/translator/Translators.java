/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.Model;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.energygan.gradient.InputGradient;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.scoring.EnergyScorer;

import java.util.ArrayList;
import java.util.List;

/** What the translators share: finding the pair in a model, and scoring a batch. */
final class Translators {

    static final String BATCH = "energy-gan.batch";

    private Translators() {}

    /**
     * Returns the model's pair.
     *
     * @throws IllegalArgumentException if the model's block is not an {@link EnergyGanBlock}
     */
    static EnergyGanBlock pair(Model model) {
        if (!(model.getBlock() instanceof EnergyGanBlock)) {
            throw new IllegalArgumentException(
                    "Model '"
                            + model.getName()
                            + "' has block "
                            + (model.getBlock() == null
                                    ? "null"
                                    : model.getBlock().getClass().getName())
                            + "; the energy-gan translators need an EnergyGanBlock (load it with"
                            + " EnergyGanModel.load or from the energy-gan model zoo)");
        }
        return (EnergyGanBlock) model.getBlock();
    }

    /**
     * Scores a batch: {@code U(x)} from the predictor's forward pass, {@code ||∇_x U(x)||²} from
     * the energy network's input gradient (exact where the layers allow it).
     */
    static EnergyScores score(EnergyGanBlock gan, NDArray batch, NDList forward) {
        NDArray energies = InputGradient.asBatchVector(forward.singletonOrThrow());
        return new EnergyScores(
                energies.toFloatArray(),
                EnergyScorer.of(gan).squaredGradientNorms(batch).toFloatArray());
    }

    /**
     * Converts an image to a point of the model's data shape {@code (C, H, W)}, 8-bit values to
     * {@code [-1, 1]}.
     *
     * @throws IllegalArgumentException if the model does not take images or the sizes differ
     */
    static NDArray toModelInput(NDManager manager, Shape dataShape, Image image) {
        if (image == null) {
            throw new IllegalArgumentException("The image is null");
        }
        if (dataShape.dimension() != 3) {
            throw new IllegalArgumentException(
                    "This model takes vectors of shape "
                            + dataShape
                            + ", not images; score float[] or NDArray inputs");
        }
        long channels = dataShape.get(0);
        if (image.getHeight() != dataShape.get(1) || image.getWidth() != dataShape.get(2)) {
            throw new IllegalArgumentException(
                    "Expected a "
                            + dataShape.get(2)
                            + "×"
                            + dataShape.get(1)
                            + " image (width × height), got "
                            + image.getWidth()
                            + "×"
                            + image.getHeight()
                            + "; resize it first");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(
                    "Images have 1 or 3 channels; this model takes " + channels);
        }
        NDArray hwc =
                image.toNDArray(manager, channels == 1 ? Image.Flag.GRAYSCALE : Image.Flag.COLOR);
        return hwc.transpose(2, 0, 1).toType(DataType.FLOAT32, false).div(127.5f).sub(1f);
    }

    /** Converts a batch of model outputs {@code (n, C, H, W)} in {@code [-1, 1]} to DJL images. */
    static List<Image> toImages(NDArray batch) {
        NDArray bytes =
                batch.clip(-1f, 1f).add(1f).mul(127.5f).round().toType(DataType.UINT8, false);
        if (bytes.getShape().get(1) == 1) {
            // DJL's image factory builds colour images only: repeat the grey channel.
            bytes = bytes.repeat(1, 3);
        }
        List<Image> images = new ArrayList<>();
        ImageFactory factory = ImageFactory.getInstance();
        for (int i = 0; i < bytes.getShape().get(0); i++) {
            images.add(factory.fromNDArray(bytes.get(i)));
        }
        return images;
    }

    /**
     * Checks that a batch holds finite values only.
     *
     * @throws IllegalArgumentException naming how many values are not
     */
    static void requireFinite(NDArray batch) {
        long bad = batch.isNaN().logicalOr(batch.isInfinite()).countNonzero().getLong();
        if (bad > 0) {
            throw new IllegalArgumentException(
                    "The input holds "
                            + bad
                            + " NaN or infinite value(s); energies are defined for finite points"
                            + " only");
        }
    }
}
