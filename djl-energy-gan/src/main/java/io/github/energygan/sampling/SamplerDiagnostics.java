/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import java.util.List;
import java.util.Locale;

/**
 * What a sampler run did: the method and energy, the step size used, acceptance per chain and on
 * average, and the energy trace. Plain values, so it serialises to JSON as is.
 */
public final class SamplerDiagnostics {

    private final String method;
    private final String energy;
    private final int chains;
    private final int warmUpSteps;
    private final int steps;
    private final boolean adapted;
    private final double initialStepSize;
    private final double stepSize;
    private final double targetAcceptance;
    private final double warmUpAcceptance;
    private final double meanAcceptance;
    private final float[] chainAcceptance;
    private final float[] energyTrace;

    /** The most values an energy trace keeps after the start. */
    public static final int MAX_TRACE = 10_000;

    SamplerDiagnostics(
            String method,
            String energy,
            int chains,
            int warmUpSteps,
            int steps,
            boolean adapted,
            double initialStepSize,
            double stepSize,
            double targetAcceptance,
            double warmUpAcceptance,
            double meanAcceptance,
            float[] chainAcceptance,
            float[] energyTrace) {
        this.method = method;
        this.energy = energy;
        this.chains = chains;
        this.warmUpSteps = warmUpSteps;
        this.steps = steps;
        this.adapted = adapted;
        this.initialStepSize = initialStepSize;
        this.stepSize = stepSize;
        this.targetAcceptance = targetAcceptance;
        this.warmUpAcceptance = warmUpAcceptance;
        this.meanAcceptance = meanAcceptance;
        this.chainAcceptance = chainAcceptance;
        this.energyTrace = energyTrace;
    }

    /**
     * Combines the diagnostics of batches of chains of one request into those of all its chains:
     * counts add up, acceptance rates and the energy trace are averaged over chains (each batch
     * weighted by its chains), and the step sizes are the first batch's, which the others kept.
     *
     * @param batches the batches' diagnostics, in order, with equal step counts
     * @return the diagnostics of all the chains
     */
    static SamplerDiagnostics combine(List<SamplerDiagnostics> batches) {
        SamplerDiagnostics first = batches.get(0);
        int chains = 0;
        double warmUpAcceptance = 0;
        double meanAcceptance = 0;
        float[] trace = new float[first.energyTrace.length];
        double[] traceSum = new double[trace.length];
        int acceptances = 0;
        for (SamplerDiagnostics batch : batches) {
            chains += batch.chains;
            acceptances += batch.chainAcceptance.length;
            warmUpAcceptance += batch.warmUpAcceptance * batch.chains;
            meanAcceptance += batch.meanAcceptance * batch.chains;
            for (int i = 0; i < trace.length; i++) {
                traceSum[i] += (double) batch.energyTrace[i] * batch.chains;
            }
        }
        float[] chainAcceptance = new float[acceptances];
        int at = 0;
        for (SamplerDiagnostics batch : batches) {
            System.arraycopy(
                    batch.chainAcceptance, 0, chainAcceptance, at, batch.chainAcceptance.length);
            at += batch.chainAcceptance.length;
        }
        for (int i = 0; i < trace.length; i++) {
            trace[i] = (float) (traceSum[i] / chains);
        }
        return new SamplerDiagnostics(
                first.method,
                first.energy,
                chains,
                first.warmUpSteps,
                first.steps,
                first.adapted,
                first.initialStepSize,
                first.stepSize,
                first.targetAcceptance,
                warmUpAcceptance / chains,
                meanAcceptance / chains,
                chainAcceptance,
                trace);
    }

    /**
     * Returns the method, {@code "MALA"} or {@code "Langevin (unadjusted)"}.
     *
     * @return the method
     */
    public String getMethod() {
        return method;
    }

    /**
     * Returns a description of the energy sampled (β, prior term).
     *
     * @return the energy
     */
    public String getEnergy() {
        return energy;
    }

    /**
     * Returns the number of chains (one per batch row).
     *
     * @return the chain count
     */
    public int getChains() {
        return chains;
    }

    /**
     * Returns the warm-up (burn-in) steps run before the kept steps.
     *
     * @return the warm-up steps
     */
    public int getWarmUpSteps() {
        return warmUpSteps;
    }

    /**
     * Returns the steps run after warm-up, with the step size frozen.
     *
     * @return the steps
     */
    public int getSteps() {
        return steps;
    }

    /**
     * Whether the step size was adapted during warm-up.
     *
     * @return true if adapted
     */
    public boolean isAdapted() {
        return adapted;
    }

    /**
     * Returns the step size at the start of the run.
     *
     * @return {@code α₀}
     */
    public double getInitialStepSize() {
        return initialStepSize;
    }

    /**
     * Returns the step size used after warm-up.
     *
     * @return {@code α}
     */
    public double getStepSize() {
        return stepSize;
    }

    /**
     * Returns the acceptance rate the adaptation aimed at, or NaN when not adapted.
     *
     * @return the target
     */
    public double getTargetAcceptance() {
        return targetAcceptance;
    }

    /**
     * Returns the mean acceptance probability during warm-up, or NaN without warm-up.
     *
     * @return the warm-up acceptance
     */
    public double getWarmUpAcceptance() {
        return warmUpAcceptance;
    }

    /**
     * Returns the fraction of accepted proposals after warm-up, over all chains (1 for unadjusted
     * Langevin, which takes every proposal; NaN when no step was run after warm-up).
     *
     * @return the mean acceptance rate
     */
    public double getMeanAcceptance() {
        return meanAcceptance;
    }

    /**
     * Returns each chain's fraction of accepted proposals after warm-up.
     *
     * @return {@code (chains)} rates, a copy
     */
    public float[] getChainAcceptance() {
        return chainAcceptance.clone();
    }

    /**
     * Returns the mean energy over chains at the start and after every step (warm-up included),
     * or, for runs longer than {@value #MAX_TRACE} steps, after every {@link
     * #getEnergyTraceStride()}-th step and the last: the trace stays a few tens of kilobytes
     * however long the chains run.
     *
     * @return {@code ceil((warmUpSteps + steps) / stride) + 1} values, a copy
     */
    public float[] getEnergyTrace() {
        return energyTrace.clone();
    }

    /**
     * Returns how many steps apart the {@link #getEnergyTrace() energy trace}'s values are: 1 for
     * runs of up to {@value #MAX_TRACE} steps.
     *
     * @return the stride, {@code ≥ 1}
     */
    public int getEnergyTraceStride() {
        return traceStride(warmUpSteps + steps);
    }

    /**
     * The stride that keeps a run's energy trace to at most {@value #MAX_TRACE} values after the
     * start.
     *
     * @param totalSteps warm-up and counted steps, {@code ≥ 0}
     * @return {@code ⌈totalSteps / MAX_TRACE⌉}, at least 1
     */
    static int traceStride(int totalSteps) {
        return Math.max(1, (int) ((totalSteps + (long) MAX_TRACE - 1) / MAX_TRACE));
    }

    /**
     * Returns the lowest per-chain acceptance rate, to spot stuck chains.
     *
     * @return the minimum, or NaN with no chains
     */
    public double getMinimumChainAcceptance() {
        double min = Double.NaN;
        for (float a : chainAcceptance) {
            min = Double.isNaN(min) ? a : Math.min(min, a);
        }
        return min;
    }

    /**
     * One line for logs and the command line.
     *
     * @return the summary
     */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%s on %s: %d chains, %d warm-up + %d steps, step size %.4g%s, acceptance %.3f"
                        + " (lowest chain %.3f), mean energy %.4g -> %.4g",
                method,
                energy,
                chains,
                warmUpSteps,
                steps,
                stepSize,
                adapted
                        ? String.format(
                                Locale.ROOT,
                                " (adapted from %.4g towards %.3f)",
                                initialStepSize,
                                targetAcceptance)
                        : "",
                meanAcceptance,
                getMinimumChainAcceptance(),
                energyTrace[0],
                energyTrace[energyTrace.length - 1]);
    }

    @Override
    public String toString() {
        return summary();
    }
}
