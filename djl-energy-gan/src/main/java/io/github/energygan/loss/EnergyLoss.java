/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.ndarray.NDList;
import ai.djl.training.loss.AbstractCompositeLoss;
import ai.djl.util.Pair;

import java.util.Arrays;

/**
 * The energy network's loss (Kumar et al. 2019):
 *
 * <pre>
 *   L_U = mean_{x~data} U(x) - mean_z U(G(z).detached) + λ · mean_{x~data} ||∇_x U(x)||²
 * </pre>
 *
 * <p>A composite of {@link ContrastiveEnergyLoss} and {@link GradientPenalty}, so evaluators and
 * loggers can report each part. Works in a stock {@code DefaultTrainingConfig} with {@code
 * EnergyCritic} as the model's block.
 *
 * <p>Convention: {@code labels} are ignored (they may be empty). {@code predictions} = {@code
 * [U(x_data) (batch), U(x_model) (batch'), ||∇_x U(x_data)||² (batch)]}, as {@code EnergyCritic}
 * returns them. Output: a scalar.
 */
public class EnergyLoss extends AbstractCompositeLoss {

    private final ContrastiveEnergyLoss contrastive;
    private final GradientPenalty penalty;

    /**
     * Creates the loss.
     *
     * @param lambda the gradient penalty coefficient {@code λ ≥ 0}; the 2-D reference is 0.1
     * @throws IllegalArgumentException if {@code λ} is negative or not finite
     */
    public EnergyLoss(float lambda) {
        this(new GradientPenalty(lambda));
    }

    /**
     * Creates the loss with a penalty coefficient that follows a schedule over training.
     *
     * @param lambda the coefficient {@code λ ≥ 0} as a function of the iteration
     */
    public EnergyLoss(Schedule lambda) {
        this(new GradientPenalty(lambda, GradientPenalty.DEFAULT_INDEX));
    }

    /**
     * Creates the loss with a scheduled penalty coefficient and the energy-magnitude regulariser
     * of Du &amp; Mordatch 2019 (none when its weight is 0).
     *
     * @param lambda the coefficient {@code λ ≥ 0} as a function of the iteration
     * @param magnitudeWeight {@code α ≥ 0} of {@code α · (mean U(x_data)² + mean U(x_model)²)}
     * @throws IllegalArgumentException if {@code α} is negative or not finite
     */
    public EnergyLoss(Schedule lambda, float magnitudeWeight) {
        this(
                new GradientPenalty(lambda, GradientPenalty.DEFAULT_INDEX),
                magnitudeWeight == 0f ? null : new EnergyMagnitudePenalty(magnitudeWeight));
    }

    private EnergyLoss(GradientPenalty penalty) {
        this(penalty, null);
    }

    private EnergyLoss(GradientPenalty penalty, EnergyMagnitudePenalty magnitude) {
        super("EnergyLoss");
        contrastive = new ContrastiveEnergyLoss();
        this.penalty = penalty;
        components =
                magnitude == null
                        ? Arrays.asList(contrastive, penalty)
                        : Arrays.asList(contrastive, penalty, magnitude);
    }

    /**
     * Returns the positive-minus-negative-phase part.
     *
     * @return the contrastive loss
     */
    public ContrastiveEnergyLoss getContrastive() {
        return contrastive;
    }

    /**
     * Returns the penalty part.
     *
     * @return the gradient penalty
     */
    public GradientPenalty getPenalty() {
        return penalty;
    }

    /** {@inheritDoc} */
    @Override
    protected Pair<NDList, NDList> inputForComponent(
            int componentIndex, NDList labels, NDList predictions) {
        return new Pair<>(labels, predictions);
    }
}
