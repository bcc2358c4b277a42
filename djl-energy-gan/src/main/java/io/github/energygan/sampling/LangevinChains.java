/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.Progress;

import io.github.energygan.gradient.InputGradient;
import io.github.energygan.util.RandomStream;

import java.util.Arrays;

/**
 * The loop shared by both samplers: Langevin proposals {@code y = x − α∇E(x) + √(2α)·ε}, taken as
 * they are (unadjusted) or accepted per chain with the exact Metropolis–Hastings correction (MALA;
 * Roberts and Tweedie 1996).
 */
final class LangevinChains {

    private final boolean adjusted;
    private final double stepSize;
    private final boolean adapt;
    private final double targetAcceptance;
    private final int warmUpSteps;
    private final int steps;
    private final Integer seed;

    LangevinChains(
            boolean adjusted,
            double stepSize,
            boolean adapt,
            double targetAcceptance,
            int warmUpSteps,
            int steps,
            Integer seed) {
        this.adjusted = adjusted;
        this.stepSize = stepSize;
        this.adapt = adapt;
        this.targetAcceptance = targetAcceptance;
        this.warmUpSteps = warmUpSteps;
        this.steps = steps;
        this.seed = seed;
    }

    McmcResult run(EnergyFunction energy, NDArray initial, Progress progress) {
        energy.checkBatch(initial);
        NDManager outer = initial.getManager();
        RandomStream random = seed != null ? RandomStream.seeded(seed) : RandomStream.engine();
        int chains = Math.toIntExact(initial.getShape().get(0));
        int total = Math.addExact(warmUpSteps, steps);
        int stride = SamplerDiagnostics.traceStride(total);
        float[] trace = new float[(int) ((total + (long) stride - 1) / stride) + 1];
        StepSizeAdaptation adaptation =
                adapt ? new StepSizeAdaptation(stepSize, targetAcceptance) : null;
        double alpha = stepSize;
        double warmUpAcceptanceSum = 0;
        NDArray result;
        float[] chainAcceptance;
        try (NDManager chainManager = outer.newSubManager()) {
            NDArray x = initial.duplicate();
            x.attach(chainManager);
            requireFinite(x, "initial state");
            NDList current = energy.energyAndGradient(x);
            NDArray e = current.get(0);
            NDArray g = current.get(1);
            e.attach(chainManager);
            g.attach(chainManager);
            requireFinite(e, "initial energy");
            trace[0] = e.mean().getFloat();
            NDArray accepted = chainManager.zeros(new Shape(chains), DataType.FLOAT32);
            if (progress != null) {
                progress.reset(adjusted ? "MALA" : "Langevin", total);
            }
            for (int t = 0; t < total; t++) {
                boolean warmingUp = t < warmUpSteps;
                NDArray nextX;
                NDArray nextE;
                NDArray nextG;
                try (NDManager step = chainManager.newSubManager()) {
                    x.tempAttach(step);
                    e.tempAttach(step);
                    g.tempAttach(step);
                    NDArray noise = random.normal(step, x.getShape(), x.getDataType());
                    NDArray proposal =
                            x.sub(g.mul(alpha)).add(noise.mul((float) Math.sqrt(2 * alpha)));
                    NDList proposed = energy.energyAndGradient(proposal);
                    NDArray proposedE = proposed.get(0);
                    NDArray proposedG = proposed.get(1);
                    if (adjusted) {
                        NDArray logRatio =
                                logAcceptanceRatio(
                                        x, e, proposal, proposedE, proposedG, noise, alpha);
                        NDArray probability = logRatio.minimum(0f).exp();
                        NDArray accept =
                                random.uniform(step, 0f, 1f, new Shape(chains), logRatio.getDataType())
                                        .log()
                                        .lt(logRatio);
                        NDArray rows =
                                accept.reshape(broadcastShape(x.getShape()))
                                        .broadcast(x.getShape());
                        nextX = NDArrays.where(rows, proposal, x);
                        nextE = NDArrays.where(accept, proposedE, e);
                        nextG = NDArrays.where(rows, proposedG, g);
                        if (warmingUp) {
                            double mean = probability.mean().getFloat();
                            warmUpAcceptanceSum += mean;
                            if (adaptation != null) {
                                alpha = adaptation.update(mean);
                            }
                        } else {
                            accepted.addi(accept.toType(DataType.FLOAT32, false));
                        }
                    } else {
                        if (!isFinite(proposedE)) {
                            throw new IllegalStateException(
                                    "Unadjusted Langevin reached a non-finite energy at step "
                                            + (t + 1)
                                            + " with step size "
                                            + alpha
                                            + " on "
                                            + energy
                                            + "; lower the step size, or use MALA, which rejects"
                                            + " such proposals");
                        }
                        nextX = proposal;
                        nextE = proposedE;
                        nextG = proposedG;
                    }
                    if ((t + 1) % stride == 0 || t + 1 == total) {
                        trace[(int) ((t + (long) stride) / stride)] = nextE.mean().getFloat();
                    }
                    nextX.attach(chainManager);
                    nextE.attach(chainManager);
                    nextG.attach(chainManager);
                }
                x.close();
                e.close();
                g.close();
                if (progress != null) {
                    progress.increment(1);
                }
                x = nextX;
                e = nextE;
                g = nextG;
            }
            if (adjusted && steps > 0) {
                chainAcceptance = accepted.div(steps).toFloatArray();
            } else {
                chainAcceptance = new float[chains];
                Arrays.fill(chainAcceptance, steps > 0 ? 1f : Float.NaN);
            }
            if (progress != null) {
                progress.end();
            }
            x.attach(outer);
            result = x;
        }
        double mean = 0;
        for (float a : chainAcceptance) {
            mean += a;
        }
        mean /= chains;
        SamplerDiagnostics diagnostics =
                new SamplerDiagnostics(
                        adjusted ? "MALA" : "Langevin (unadjusted)",
                        energy.toString(),
                        chains,
                        warmUpSteps,
                        steps,
                        adapt,
                        stepSize,
                        alpha,
                        adapt ? targetAcceptance : Double.NaN,
                        !adjusted
                                ? (warmUpSteps > 0 ? 1.0 : Double.NaN)
                                : warmUpSteps > 0 ? warmUpAcceptanceSum / warmUpSteps : Double.NaN,
                        mean,
                        chainAcceptance,
                        trace);
        return new McmcResult(result, diagnostics);
    }

    /**
     * {@code log r = E(x) − E(y) + log q(x|y) − log q(y|x)} with {@code log q(a|b) = −||a − b +
     * α∇E(b)||² / (4α)} (Kumar et al. 2019); since {@code y − x + α∇E(x) = √(2α)·ε}, the reverse term is
     * {@code −||ε||²/2}. Proposals with a non-finite energy or gradient get {@code −∞} (always
     * rejected).
     */
    private static NDArray logAcceptanceRatio(
            NDArray x,
            NDArray e,
            NDArray proposal,
            NDArray proposedE,
            NDArray proposedG,
            NDArray noise,
            double alpha) {
        NDArray back = x.sub(proposal).add(proposedG.mul(alpha));
        NDArray logBackward = InputGradient.squaredNorm(back).div((float) (-4 * alpha));
        NDArray logForward = InputGradient.squaredNorm(noise).mul(-0.5f);
        NDArray logRatio = e.sub(proposedE).add(logBackward).sub(logForward);
        NDArray valid = finiteMask(proposedE).logicalAnd(finiteMask(logBackward));
        NDArray rejected =
                x.getManager()
                        .full(logRatio.getShape(), Float.NEGATIVE_INFINITY, logRatio.getDataType());
        return NDArrays.where(valid, logRatio, rejected);
    }

    private static Shape broadcastShape(Shape shape) {
        long[] dims = new long[shape.dimension()];
        Arrays.fill(dims, 1);
        dims[0] = shape.get(0);
        return new Shape(dims);
    }

    private static NDArray finiteMask(NDArray array) {
        return array.isNaN().logicalOr(array.isInfinite()).logicalNot();
    }

    private static boolean isFinite(NDArray array) {
        return finiteMask(array).all().getBoolean();
    }

    private static void requireFinite(NDArray array, String what) {
        if (!isFinite(array)) {
            long bad = finiteMask(array).logicalNot().countNonzero().getLong();
            throw new IllegalArgumentException(
                    "The "
                            + what
                            + " holds "
                            + bad
                            + " NaN or infinite value(s); every chain must start at a finite"
                            + " point with a finite energy");
        }
    }
}
