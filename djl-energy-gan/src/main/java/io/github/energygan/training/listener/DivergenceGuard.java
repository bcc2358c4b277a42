/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training.listener;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;

import io.github.energygan.engine.PyTorchAutograd;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stops training when it diverges: a NaN or infinite energy, penalty, estimator output or gradient,
 * or a runaway energy, one that lies further than a bound from the mean energy of the data (without
 * enough penalty, {@code U(data)} can fall without limit while {@code U(G(z))} rises, or the
 * generator can run off to where {@code U} keeps falling). Energies are measured from the data's
 * mean because the losses do not fix {@code U}'s additive constant, which may drift harmlessly. The
 * guard runs before each optimiser step, so the step that diverged is never applied, and throws
 * {@link TrainingDivergedException}.
 *
 * <p>One exception: a step whose energies are finite but whose gradients are not, or hold an entry
 * beyond {@code maxGradient} in magnitude, is skipped, its gradients zeroed and a warning logged,
 * as mixed-precision trainers skip overflowing steps; only {@code maxSkippedSteps} such steps in a
 * row stop the run. The magnitude bound matters as much as finiteness: Adam keeps a running mean of
 * squared gradients, and an entry beyond about {@code 1.8e19} overflows that mean to infinity for
 * good, after which Adam's update of that weight is exactly zero at every later step, a silent
 * freeze; a smaller spike freezes it for hundreds of steps while the mean decays. Measured on the
 * 2-D presets (libtorch 2.7.1 CPU): now and then a backward pass returns NaN or gradients of {@code
 * 1e25}–{@code 1e34} from finite inputs and finite energies (two runs of 12,000 iterations had
 * three such spikes, one in the energy's weights and two in the generator's, and one NaN step),
 * while the largest entry of an ordinary step stays below {@code 1e2}; applied, one such spike
 * froze every weight of the energy network, another most of the generator's, and runs that suffered
 * one fell short of the 25-grid's quality.
 *
 * <p>{@code EnergyGanTrainer} adds one with the default bound when its
 * config has none.
 */
public class DivergenceGuard extends EnergyGanListener {

    /** The default bound on {@code |U|}. */
    public static final float DEFAULT_MAX_ENERGY_DEVIATION = 1e5f;

    /**
     * The default bound on a gradient entry's magnitude: far above the gradients of healthy
     * training (below {@code 1e2} on the 2-D presets), far below Adam's overflow at {@code 1.8e19}
     * and the spikes seen ({@code 1e25} and more).
     */
    public static final float DEFAULT_MAX_GRADIENT = 1e8f;

    /** The default number of consecutive steps with bad gradients that may be skipped. */
    public static final int DEFAULT_MAX_SKIPPED_STEPS = 3;

    private static final Logger logger = LoggerFactory.getLogger(DivergenceGuard.class);

    private final float maxEnergyDeviation;
    private final float maxGradient;
    private final int maxSkippedSteps;
    private float dataEnergy;

    /** Steps skipped in a row, counted per phase: a good step of the other phase is no cure. */
    private final Map<String, Integer> skippedInARow = new HashMap<>();

    private long skippedTotal;

    private boolean lastStepSkipped;

    /**
     * Creates a guard with the bounds {@link #DEFAULT_MAX_ENERGY_DEVIATION} and {@link
     * #DEFAULT_MAX_GRADIENT}.
     */
    public DivergenceGuard() {
        this(DEFAULT_MAX_ENERGY_DEVIATION, DEFAULT_MAX_SKIPPED_STEPS);
    }

    /**
     * Creates a guard with gradient bound {@link #DEFAULT_MAX_GRADIENT}.
     *
     * @param maxEnergyDeviation the bound on {@code |U(x) - mean U(data)|} for any data or model
     *     sample, {@code > 0}
     * @param maxSkippedSteps how many consecutive steps with bad gradients to skip before stopping,
     *     {@code >= 0}
     * @throws IllegalArgumentException if a bound is out of range
     */
    public DivergenceGuard(float maxEnergyDeviation, int maxSkippedSteps) {
        this(maxEnergyDeviation, DEFAULT_MAX_GRADIENT, maxSkippedSteps);
    }

    /**
     * Creates a guard.
     *
     * @param maxEnergyDeviation the bound on {@code |U(x) - mean U(data)|} for any data or model
     *     sample, {@code > 0}
     * @param maxGradient the bound on the magnitude of any gradient entry; a step with a larger one
     *     is skipped like a non-finite one, {@code > 0} and finite
     * @param maxSkippedSteps how many consecutive steps with bad gradients to skip before stopping,
     *     {@code >= 0}
     * @throws IllegalArgumentException if a bound is out of range
     */
    public DivergenceGuard(float maxEnergyDeviation, float maxGradient, int maxSkippedSteps) {
        if (!(maxEnergyDeviation > 0f)) {
            throw new IllegalArgumentException(
                    "maxEnergyDeviation must be positive, got " + maxEnergyDeviation);
        }
        if (!(maxGradient > 0f) || Float.isInfinite(maxGradient)) {
            throw new IllegalArgumentException(
                    "maxGradient must be positive and finite, got " + maxGradient);
        }
        if (maxSkippedSteps < 0) {
            throw new IllegalArgumentException(
                    "maxSkippedSteps must be >= 0, got " + maxSkippedSteps);
        }
        this.maxEnergyDeviation = maxEnergyDeviation;
        this.maxGradient = maxGradient;
        this.maxSkippedSteps = maxSkippedSteps;
    }

    /**
     * Returns the bound on {@code |U - mean U(data)|}.
     *
     * @return the bound
     */
    public float getMaxEnergyDeviation() {
        return maxEnergyDeviation;
    }

    /**
     * Returns the bound on a gradient entry's magnitude.
     *
     * @return the bound
     */
    public float getMaxGradient() {
        return maxGradient;
    }

    /**
     * Returns how many steps were skipped for non-finite or exploding gradients so far.
     *
     * @return the count
     */
    public long getSkippedSteps() {
        return skippedTotal;
    }

    /**
     * Returns whether the guard skipped the step it checked last: its gradients were zeroed, and
     * the optimiser must not be stepped. A trainer that honours this (as {@code
     * EnergyGanTrainer} does) leaves Adam's moments untouched by the
     * skipped step, and never hands DJL's {@code Trainer.step()} a first step of zero gradients,
     * which DJL rejects.
     *
     * @return true if the last checked step was skipped
     */
    public boolean isLastStepSkipped() {
        return lastStepSkipped;
    }

    /** {@inheritDoc} */
    @Override
    protected void onEnergyStep(Trainer trainer, BatchData batchData, long iteration) {
        NDList predictions = predictions(batchData);
        float mean = predictions.get(0).mean().getFloat();
        if (Float.isFinite(mean)) {
            dataEnergy = mean;
        }
        check(iteration, "U(data)", predictions.get(0), true);
        check(iteration, "U(G(z))", predictions.get(1), true);
        check(iteration, "||∇_x U(data)||²", predictions.get(2), false);
        checkGradients(iteration, trainer, "energy network");
    }

    /** {@inheritDoc} */
    @Override
    protected void onGeneratorStep(Trainer trainer, BatchData batchData, long iteration) {
        NDList predictions = predictions(batchData);
        check(iteration, "U(G(z)) in the generator step", predictions.get(0), true);
        for (int i = 1; i < predictions.size(); i++) {
            check(iteration, "the entropy estimator's output", predictions.get(i), false);
        }
        checkGradients(iteration, trainer, "generator or estimator");
    }

    /**
     * A finite loss can still give a non-finite or absurdly large gradient; applying it would
     * poison the weights or Adam's state.
     */
    private void checkGradients(long iteration, Trainer trainer, String what) {
        StringBuilder bad = new StringBuilder();
        for (Pair<String, Parameter> pair : trainer.getModel().getBlock().getParameters()) {
            NDArray array = pair.getValue().getArray();
            if (!pair.getValue().requiresGradient() || !array.hasGradient()) {
                continue;
            }
            // Every array derived from the gradient joins the scope and is freed with it.
            try (NDManager scope = array.getManager().newSubManager()) {
                NDArray gradient = array.getGradient();
                gradient.attach(scope);
                // |inf| > bound holds, NaN > bound does not: NaN is counted on its own.
                long outOfBounds =
                        gradient.isNaN()
                                .logicalOr(gradient.abs().gt(maxGradient))
                                .toType(DataType.INT64, false)
                                .sum()
                                .getLong();
                if (outOfBounds > 0) {
                    bad.append(bad.length() == 0 ? "" : ", ")
                            .append(pair.getKey())
                            .append(" (")
                            .append(outOfBounds)
                            .append(" of ")
                            .append(gradient.size())
                            .append(')');
                }
            }
        }
        lastStepSkipped = bad.length() > 0;
        if (!lastStepSkipped) {
            skippedInARow.put(what, 0);
            return;
        }
        String reason =
                String.format(
                        Locale.ROOT,
                        "the %s has NaN, infinite or exploding (|g| > %.1g) gradients in %s",
                        what,
                        maxGradient,
                        bad);
        int inARow = skippedInARow.merge(what, 1, Integer::sum);
        if (inARow > maxSkippedSteps) {
            throw new TrainingDivergedException(
                    iteration, reason + " (" + inARow + " steps in a row)", null);
        }
        skippedTotal++;
        for (Pair<String, Parameter> pair : trainer.getModel().getBlock().getParameters()) {
            NDArray array = pair.getValue().getArray();
            if (array.hasGradient()) {
                PyTorchAutograd.zeroGradient(array);
            }
        }
        logger.warn("Iteration {}: {}; step skipped, gradients zeroed", iteration, reason);
    }

    private void check(long iteration, String what, NDArray values, boolean bounded) {
        float maxAbs =
                bounded
                        ? values.sub(dataEnergy).abs().max().getFloat()
                        : values.abs().max().getFloat();
        if (Float.isNaN(maxAbs) || Float.isInfinite(maxAbs)) {
            throw new TrainingDivergedException(
                    iteration, what + " is " + (Float.isNaN(maxAbs) ? "NaN" : "infinite"), null);
        }
        if (bounded && maxAbs > maxEnergyDeviation) {
            throw new TrainingDivergedException(
                    iteration,
                    String.format(
                            Locale.ROOT,
                            "%s reached |U - mean U(data)| = %.4g, above the bound %.4g (runaway"
                                    + " energy)",
                            what,
                            maxAbs,
                            maxEnergyDeviation),
                    null);
        }
    }
}
