/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import java.util.Optional;

/**
 * A way to compute the input gradient {@code ∇_x U(x)} of an energy network for the
 * zero-centred gradient penalty, such that the penalty's parameter gradient comes from one
 * ordinary backward pass.
 *
 * <p>Why not double backward: DJL exposes no {@code torch.autograd.grad}, and {@code
 * backward(create_graph=true)} writes graph-carrying gradients into every parameter that DJL never
 * frees (several MB per step). Two leak-free strategies exist:
 *
 * <ul>
 *   <li>{@link ExactInputGradient}: the gradient is built from each layer's vector-Jacobian
 *       product as NDArray operations; exact, for blocks made of supported layers.
 *   <li>{@link FiniteDifferenceInputGradient}: for any deterministic block, the penalty's
 *       parameter gradient from a central difference along the (constant) input gradient; error
 *       {@code O(h²)}.
 * </ul>
 *
 * <p>{@link #forBlock(Block)} gives the exact one, and refuses a block it does not cover rather
 * than fall back to an approximation silently.
 */
public interface InputGradient {

    /**
     * Computes the energy and the squared norm of its input gradient, per sample.
     *
     * <p>The energy network may return {@code (batch)} or {@code (batch, 1)}; the energy returned
     * here is {@code (batch)}. The squared norm is taken over all non-batch axes (the full
     * flattened norm). Its value is {@code ||∇_x U(x)||²} and its gradient with respect to the
     * network's parameters is that of {@code ||∇_x U(x)||²} (exactly, or to {@code O(h²)} for the
     * finite-difference strategy), so {@code mean(squaredNorm)} can be added to a loss.
     *
     * @param energy the energy network {@code U}
     * @param parameterStore the parameter store to read weights from
     * @param x the input, {@code (batch, ...)}
     * @param training whether this is a training pass
     * @return {@code [U(x) (batch), ||∇_x U(x)||² (batch)]}
     */
    NDList energyAndSquaredGradientNorm(
            Block energy, ParameterStore parameterStore, NDArray x, boolean training);

    /**
     * Returns the exact strategy for a block that {@link ExactInputGradient} covers, and refuses
     * any other: a finite-difference penalty is an approximation (relative error about {@code
     * 1e-4} with smooth activations, of order one across the kinks of ReLU-like ones), so it is
     * used only where a caller asks for it by name, {@code new FiniteDifferenceInputGradient()}.
     *
     * @param energy the energy network
     * @return {@link ExactInputGradient#INSTANCE}
     * @throws IllegalArgumentException if some part of the block has no exact input gradient; the
     *     message names the part and says how to proceed
     */
    static InputGradient forBlock(Block energy) {
        Optional<String> unsupported = ExactInputGradient.unsupportedPart(energy);
        if (unsupported.isPresent()) {
            throw new IllegalArgumentException(
                    "The gradient penalty needs the exact input gradient of the energy, and "
                            + unsupported.get()
                            + StockBlocks.howToProceed());
        }
        return ExactInputGradient.INSTANCE;
    }

    /**
     * Sums the squares of a {@code (batch, ...)} array over every non-batch axis.
     *
     * @param gradient the per-sample gradients
     * @return {@code (batch)}
     */
    static NDArray squaredNorm(NDArray gradient) {
        NDArray squared = gradient.square();
        if (squared.getShape().dimension() == 1) {
            return squared;
        }
        return squared.reshape(squared.getShape().get(0), -1).sum(new int[] {1});
    }

    /**
     * Brings an energy to shape {@code (batch)}.
     *
     * @param energy {@code (batch)} or {@code (batch, 1)}
     * @return {@code (batch)}
     * @throws IllegalArgumentException for any other shape
     */
    static NDArray asBatchVector(NDArray energy) {
        ai.djl.ndarray.types.Shape shape = energy.getShape();
        if (shape.dimension() == 1) {
            return energy;
        }
        if (shape.dimension() == 2 && shape.get(1) == 1) {
            return energy.squeeze(1);
        }
        throw new IllegalArgumentException(
                "An energy network must return one scalar per sample, shape (batch) or (batch, 1);"
                        + " got "
                        + shape);
    }
}
