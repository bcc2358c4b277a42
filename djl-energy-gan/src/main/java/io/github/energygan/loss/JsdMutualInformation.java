/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

import io.github.energygan.util.Scalars;

/**
 * The Jensen–Shannon (Deep InfoMax) mutual-information estimator (Hjelm et al. 2019):
 *
 * <pre>
 *   Î_JSD = mean_joint[-softplus(-T(G(zᵢ), zᵢ))] - mean_marginal[softplus(T(G(zᵢ), z_π(i)))]
 * </pre>
 *
 * <p>As in the reference implementation, the loss is written as a binary cross-entropy with logits
 * over the {@code 2B} concatenated logits (joint labelled 1, marginal labelled 0), times {@code
 * weight}: for equal batch sizes this is {@code -weight · Î_JSD / 2}. The statistics network {@code
 * T} and the generator minimise it together: {@code T} to tell joint from marginal pairs, {@code G}
 * to make its samples tell their {@code z}.
 *
 * <p>Convention: {@code labels} are ignored. {@code predictions[1]} = {@code T} on joint pairs,
 * {@code (batch)}; {@code predictions[2]} = {@code T} on marginal pairs, {@code (batch')}. Output:
 * a scalar.
 */
public class JsdMutualInformation extends MutualInformationLoss {

    /** The reference weight on the BCE mean. */
    public static final float REFERENCE_WEIGHT = 1f;

    /** Creates the estimator with the reference weight 1. */
    public JsdMutualInformation() {
        this(REFERENCE_WEIGHT);
    }

    /**
     * Creates the estimator.
     *
     * @param weight the weight on the BCE mean, {@code > 0}
     */
    public JsdMutualInformation(float weight) {
        super("JsdMutualInformation", weight);
    }

    /**
     * Creates the estimator with a weight that follows a schedule over training.
     *
     * @param weight the weight on the BCE mean, {@code > 0}, as a function of the iteration
     */
    public JsdMutualInformation(Schedule weight) {
        super("JsdMutualInformation", weight);
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray joint = Predictions.vector(getName(), predictions, 1, "T(G(z), z)");
        NDArray marginal = Predictions.vector(getName(), predictions, 2, "T(G(z), z_π)");
        long nJoint = joint.getShape().get(0);
        long nMarginal = marginal.getShape().get(0);
        // BCE with logits: label 1 costs softplus(-t), label 0 costs softplus(t).
        NDArray sum =
                Activation.softPlus(joint.neg()).sum().add(Activation.softPlus(marginal).sum());
        return Scalars.mul(Scalars.div(sum, (float) (nJoint + nMarginal)), getWeight());
    }

    /** {@inheritDoc} */
    @Override
    public NDArray estimate(NDList predictions) {
        NDArray joint = Predictions.vector(getName(), predictions, 1, "T(G(z), z)");
        NDArray marginal = Predictions.vector(getName(), predictions, 2, "T(G(z), z_π)");
        return Activation.softPlus(joint.neg())
                .mean()
                .neg()
                .sub(Activation.softPlus(marginal).mean());
    }
}
