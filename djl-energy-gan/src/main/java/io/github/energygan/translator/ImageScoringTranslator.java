/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.translator;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.translate.TranslatorContext;

import io.github.energygan.nn.EnergyGanBlock;

/**
 * Scores images: DJL {@link Image} → {@link EnergyScore}, batched like the vector scorer. The image
 * is read as grey (for a one-channel model) or colour, its 8-bit values mapped to {@code [-1, 1]}
 * as the training images were ({@code x = v/127.5 − 1}); it must already have the model's width and
 * height.
 */
public final class ImageScoringTranslator extends PointScoringTranslator<Image> {

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the model does not take images, or the image has another
     *     width or height
     */
    @Override
    NDArray toPoint(TranslatorContext ctx, EnergyGanBlock gan, Image input) {
        return Translators.toModelInput(ctx.getNDManager(), gan.getDataShape(), input);
    }
}
