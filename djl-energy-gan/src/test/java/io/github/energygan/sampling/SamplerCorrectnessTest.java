/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The samplers against distributions known in closed form, from 10,000 independent chains.
 *
 * <p>How the tolerances are derived: every test runs {@value #CHAINS} chains in parallel and keeps
 * each chain's final state, so the draws are independent and identically distributed once the
 * chains have mixed (each test runs many times the slowest relaxation time, stated where it is
 * set). A sample moment of {@code n} i.i.d. draws then has standard error {@code sqrt(Var/n)} with
 * {@code Var} known from the target: {@code Σᵢᵢ} for a mean, {@code (ΣᵢᵢΣⱼⱼ + Σᵢⱼ²)} for a
 * covariance entry of a Gaussian, the fourth central moment minus the squared variance for a
 * non-Gaussian variance. Each check allows {@value #Z} standard errors (two-sided tail 6e-5 per
 * check under the normal approximation), which is the whole tolerance: nothing was widened to pass.
 */
class SamplerCorrectnessTest {

    private static final int CHAINS = 10_000;
    private static final double Z = 4.0;

    /** Σ = [[2, 1.2], [1.2, 1]]: eigenvalues 2.8 and 0.2, correlation 0.85. */
    private static final double[] SIGMA = {2.0, 1.2, 1.2, 1.0};

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** Chains start away from the mode, all at one point, so convergence is part of the test. */
    private NDArray start(float x1, float x2) {
        return manager.create(new float[] {x1, x2}).reshape(1, 2).repeat(0, CHAINS);
    }

    private static double[] mean(NDArray samples) {
        float[] m = samples.mean(new int[] {0}).toFloatArray();
        return new double[] {m[0], m[1]};
    }

    private static double[] covariance(NDArray samples) {
        NDArray centred = samples.sub(samples.mean(new int[] {0}));
        float[] c =
                centred.transpose().matMul(centred).div(samples.getShape().get(0)).toFloatArray();
        return new double[] {c[0], c[1], c[2], c[3]};
    }

    private static void assertWithin(double expected, double actual, double variance, String what) {
        double tolerance = Z * Math.sqrt(variance / CHAINS);
        assertEquals(
                expected,
                actual,
                tolerance,
                what + ": expected " + expected + " ± " + tolerance + " (" + Z + " s.e.)");
    }

    /** Checks mean and covariance of draws against a Gaussian's (Σ), with Gaussian variances. */
    private static void assertGaussian(NDArray samples, double[] sigma, String label) {
        double[] m = mean(samples);
        double[] c = covariance(samples);
        assertWithin(0, m[0], sigma[0], label + " mean x1");
        assertWithin(0, m[1], sigma[3], label + " mean x2");
        assertWithin(sigma[0], c[0], 2 * sigma[0] * sigma[0], label + " var x1");
        assertWithin(sigma[3], c[3], 2 * sigma[3] * sigma[3], label + " var x2");
        assertWithin(
                sigma[1], c[1], sigma[0] * sigma[3] + sigma[1] * sigma[1], label + " cov x1 x2");
    }

    /**
     * The stationary covariance of unadjusted Langevin on a Gaussian of precision P: the chain
     * {@code x' = (I − αP)x + √(2α)ε} has {@code S = (I − αP)S(I − αP) + 2αI}, solved (P and S
     * commute) by {@code S = (P(I − αP/2))⁻¹}.
     */
    private static double[] langevinCovariance(double[] sigma, double alpha) {
        double det = sigma[0] * sigma[3] - sigma[1] * sigma[2];
        double p00 = sigma[3] / det;
        double p01 = -sigma[1] / det;
        double p11 = sigma[0] / det;
        // M = P − αP²/2
        double q00 = p00 * p00 + p01 * p01;
        double q01 = p00 * p01 + p01 * p11;
        double q11 = p01 * p01 + p11 * p11;
        double m00 = p00 - alpha / 2 * q00;
        double m01 = p01 - alpha / 2 * q01;
        double m11 = p11 - alpha / 2 * q11;
        double mdet = m00 * m11 - m01 * m01;
        return new double[] {m11 / mdet, -m01 / mdet, -m01 / mdet, m00 / mdet};
    }

    /** {@code vᵀCv} for Σ's stiff eigenvector {@code v = (2, −3)/√13}. */
    private static double project(double[] c) {
        return (4 * c[0] - 6 * c[1] - 6 * c[2] + 9 * c[3]) / 13;
    }

    @Test
    void malaSamplesACorrelatedGaussianExactly() {
        // α = 0.2 against precision eigenvalues 0.357 and 5: the slow direction contracts by
        // 1 − 0.2·0.357 = 0.93 per accepted step, so 400 steps leave 0.93^(400·acceptance) of the
        // start: negligible.
        McmcResult result =
                MalaSampler.builder()
                        .setStepSize(0.2)
                        .setSteps(400)
                        .optSeed(11)
                        .build()
                        .sample(TargetEnergies.gaussian(manager, SIGMA), start(4f, -3f));
        assertGaussian(result.getSamples(), SIGMA, "MALA α=0.2");
        SamplerDiagnostics diagnostics = result.getDiagnostics();
        assertEquals(CHAINS, diagnostics.getChainAcceptance().length);
        assertTrue(diagnostics.getMeanAcceptance() > 0.5 && diagnostics.getMeanAcceptance() < 1);
        assertEquals(401, diagnostics.getEnergyTrace().length);
        // The mean energy of a 2-D Gaussian is d/2 = 1 at stationarity.
        float[] trace = diagnostics.getEnergyTrace();
        assertEquals(1.0, trace[trace.length - 1], Z * Math.sqrt(0.5 / CHAINS));
    }

    @Test
    void unadjustedLangevinHasItsKnownBiasWhichMalaRemoves() {
        double alpha = 0.2;
        double[] biased = langevinCovariance(SIGMA, alpha);
        // Along Σ's eigenvector of eigenvalue 0.2, v = (2, −3)/√13, the target variance is 0.2 and
        // the ULA one 1/(5·(1 − 0.2·5/2)) = 0.4: far apart at this sample size.
        assertEquals(0.4, project(biased), 1e-9);
        McmcResult result =
                LangevinSampler.builder()
                        .setStepSize(alpha)
                        .setSteps(400)
                        .optSeed(12)
                        .build()
                        .sample(TargetEnergies.gaussian(manager, SIGMA), start(4f, -3f));
        assertGaussian(result.getSamples(), biased, "ULA α=0.2 (its own stationary law)");
        double fastVariance = project(covariance(result.getSamples()));
        double tolerance = Z * Math.sqrt(2 * 0.2 * 0.2 / CHAINS);
        assertTrue(
                fastVariance - 0.2 > 10 * tolerance,
                "ULA should be visibly off the target at this step: variance along the stiff"
                        + " direction "
                        + fastVariance);
        assertEquals(1.0, result.getDiagnostics().getMeanAcceptance());
    }

    @Test
    void malaWithADeliberatelyLargeStepIsStillRight() {
        // α = 0.6: α·λmax(P) = 3 > 2, so unadjusted Langevin diverges (next test), while MALA
        // rejects most proposals and stays exact. Its acceptance is low, so it runs longer; it
        // starts at the mode, since from far out in the tails every proposal of this size
        // overshoots the stiff direction and a chain would wait there for a very long time
        // (exact all the same, just slow).
        McmcResult result =
                MalaSampler.builder()
                        .setStepSize(0.6)
                        .setSteps(1500)
                        .optSeed(13)
                        .build()
                        .sample(TargetEnergies.gaussian(manager, SIGMA), start(0f, 0f));
        assertGaussian(result.getSamples(), SIGMA, "MALA α=0.6");
        double acceptance = result.getDiagnostics().getMeanAcceptance();
        assertTrue(acceptance < 0.4, "a large step should accept less, got " + acceptance);
        assertTrue(acceptance > 0.01, "acceptance " + acceptance);
    }

    @Test
    void unadjustedLangevinStopsWithAClearMessageWhenItDiverges() {
        LangevinSampler sampler =
                LangevinSampler.builder().setStepSize(0.6).setSteps(2000).optSeed(14).build();
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                sampler.sample(
                                        TargetEnergies.gaussian(manager, SIGMA), start(4f, -3f)));
        assertTrue(e.getMessage().contains("non-finite energy"), e.getMessage());
        assertTrue(e.getMessage().contains("lower the step size"), e.getMessage());
    }

    @Test
    void malaRecoversTheWeightsOfATwoComponentMixture() {
        // 0.3·N((−1.5, 0), 0.75²I) + 0.7·N((1.5, 0), 0.75²I): the density at the saddle is
        // e^{-2} of the peaks, so chains cross: Kramers' rate at the adapted step is about one
        // crossing per 100 steps, and 1,000 steps take the share of chains in the first
        // component from 1 (they all start there) to equilibrium up to e^{-10}. The estimator is
        // the mean responsibility of the first
        // component, E[r₁(x)] = w₁ exactly, with Var r₁ ≤ w₁(1 − w₁).
        float w1 = 0.3f;
        float[] mu1 = {-1.5f, 0f};
        float[] mu2 = {1.5f, 0f};
        float sigma = 0.75f;
        McmcResult result =
                MalaSampler.builder()
                        .optAdaptiveStepSize(0.05, 200)
                        .setSteps(1000)
                        .optSeed(15)
                        .build()
                        .sample(
                                TargetEnergies.mixture(manager, w1, mu1, mu2, sigma),
                                start(-1.5f, 0f));
        NDArray x = result.getSamples();
        NDArray l1 = TargetEnergies.componentLog(x, manager.create(mu1), sigma).add(Math.log(w1));
        NDArray l2 =
                TargetEnergies.componentLog(x, manager.create(mu2), sigma).add(Math.log(1 - w1));
        NDArray responsibility = l1.sub(l2).neg().exp().add(1f).pow(-1f);
        double weight = responsibility.mean().getFloat();
        assertWithin(w1, weight, w1 * (1 - w1), "weight of the first component");
        // Across the axis: the second coordinate is N(0, σ²) under both components.
        double[] c = covariance(x);
        assertWithin(sigma * sigma, c[3], 2 * Math.pow(sigma, 4), "var x2");
    }

    @Test
    void malaMatchesTheMarginalMomentsOfABanana() {
        // x₁ ~ N(0, 4), x₂ | x₁ ~ N(0.25(x₁² − 4), 1): E x₂ = 0, Var x₁ = 4,
        // Var x₂ = 1 + b²·2a⁴ = 3, and for the variance's standard error the fourth central
        // moment of x₂ is 3 + 6b²·2a⁴ + b⁴a⁸·60 = 75 (the 60 is χ²₁'s fourth central moment).
        float aSquared = 4f;
        float b = 0.25f;
        McmcResult result =
                MalaSampler.builder()
                        .optAdaptiveStepSize(0.01, 300)
                        .setSteps(700)
                        .optSeed(16)
                        .build()
                        .sample(TargetEnergies.banana(aSquared, b), start(3f, 3f));
        NDArray x = result.getSamples();
        double[] m = mean(x);
        double[] c = covariance(x);
        assertWithin(0, m[0], aSquared, "mean x1");
        assertWithin(0, m[1], 3, "mean x2");
        assertWithin(aSquared, c[0], 2 * aSquared * aSquared, "var x1");
        assertWithin(3, c[3], 75 - 9, "var x2");
    }

    @Test
    void adaptationLandsTheAcceptanceNearTheTarget() {
        for (double initial : new double[] {1e-3, 5.0}) {
            McmcResult result =
                    MalaSampler.builder()
                            .optAdaptiveStepSize(initial, 300)
                            .setSteps(300)
                            .optSeed(17)
                            .build()
                            .sample(TargetEnergies.banana(4f, 0.25f), start(0f, 0f));
            SamplerDiagnostics diagnostics = result.getDiagnostics();
            double acceptance = diagnostics.getMeanAcceptance();
            assertTrue(
                    acceptance >= 0.50 && acceptance <= 0.65,
                    "from step " + initial + ": acceptance " + acceptance);
            assertTrue(diagnostics.isAdapted());
            assertEquals(
                    StepSizeAdaptation.MALA_OPTIMAL_ACCEPTANCE, diagnostics.getTargetAcceptance());
            assertTrue(diagnostics.getStepSize() != initial);
        }
    }

    @Test
    void aSeedMakesARunRepeatable() {
        MalaSampler sampler =
                MalaSampler.builder().optAdaptiveStepSize(0.1, 20).setSteps(30).optSeed(3).build();
        EnergyFunction energy = TargetEnergies.banana(4f, 0.25f);
        NDArray first = sampler.sample(energy, start(1f, 1f)).getSamples();
        NDArray second = sampler.sample(energy, start(1f, 1f)).getSamples();
        assertEquals(first, second);
    }

    @Test
    void badSettingsAndInputsAreNamed() {
        assertThrows(
                IllegalArgumentException.class,
                () -> MalaSampler.builder().setStepSize(0).setSteps(1).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> MalaSampler.builder().setStepSize(-0.1).setSteps(1).build());
        IllegalArgumentException noStep =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> MalaSampler.builder().setSteps(1).build());
        assertTrue(noStep.getMessage().contains("setStepSize"), noStep.getMessage());
        IllegalArgumentException negative =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LangevinSampler.builder().setStepSize(0.1).setSteps(-1).build());
        assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> MalaSampler.builder().optAdaptiveStepSize(0.1, 0).setSteps(1).build());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        MalaSampler.builder()
                                .setStepSize(0.1)
                                .setSteps(1)
                                .optTargetAcceptance(1.0)
                                .build());

        MalaSampler sampler = MalaSampler.builder().setStepSize(0.1).setSteps(1).build();
        EnergyFunction energy = TargetEnergies.banana(4f, 0.25f);
        IllegalArgumentException shape =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> sampler.sample(energy, manager.zeros(new Shape(4, 3))));
        assertTrue(shape.getMessage().contains("(4, 3)"), shape.getMessage());
        IllegalArgumentException nan =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                sampler.sample(
                                        energy,
                                        manager.create(new float[] {0f, Float.NaN}).reshape(1, 2)));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    }
}
