/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.AbstractCompositeLoss;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generator's loss (Kumar et al. 2019): {@code L_G = mean_z U(G(z)) - Î(X; Z)}, the entropy term
 * given by a {@link MutualInformationLoss} ({@link JsdMutualInformation} or {@link
 * InfoGanMutualInformation}), or left out.
 *
 * <p>Convention: {@code labels} are ignored. {@code predictions} = {@code [U(G(z)) (batch),
 * ...the estimator's inputs]}, as {@code GeneratorObjective}
 * returns them. Output: a scalar.
 */
public class GeneratorLoss extends AbstractCompositeLoss {

    private final MutualInformationLoss mutualInformation;

    /**
     * Creates the loss.
     *
     * @param mutualInformation the entropy term, or null to train without one (mode collapse is
     *     then expected; useful only as an ablation)
     */
    public GeneratorLoss(MutualInformationLoss mutualInformation) {
        super("GeneratorLoss");
        this.mutualInformation = mutualInformation;
        List<Loss> parts = new ArrayList<>();
        parts.add(new GeneratorEnergyLoss());
        if (mutualInformation != null) {
            parts.add(mutualInformation);
        }
        components = parts;
    }

    /**
     * Returns the entropy term.
     *
     * @return the mutual information loss, if any
     */
    public Optional<MutualInformationLoss> getMutualInformation() {
        return Optional.ofNullable(mutualInformation);
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        // DJL's NDArrays.add needs two or more terms; without an estimator there is one.
        NDArray total = components.get(0).evaluate(labels, predictions);
        for (int i = 1; i < components.size(); i++) {
            total = total.add(components.get(i).evaluate(labels, predictions));
        }
        return total;
    }

    /** {@inheritDoc} */
    @Override
    protected Pair<NDList, NDList> inputForComponent(
            int componentIndex, NDList labels, NDList predictions) {
        return new Pair<>(labels, predictions);
    }
}
