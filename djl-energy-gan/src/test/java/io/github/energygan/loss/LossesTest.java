/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The losses against values computed by hand. */
class LossesTest {

    private static final float EPS = 1e-6f;
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDArray v(float... values) {
        return manager.create(values);
    }

    private static float value(NDArray scalar) {
        return scalar.getFloat();
    }

    @Test
    void contrastiveIsPositiveMinusNegativePhase() {
        // mean(1, 2, 3) - mean(4, 5) = 2 - 4.5
        NDList predictions = new NDList(v(1, 2, 3), v(4, 5));
        assertEquals(-2.5f, value(new ContrastiveEnergyLoss().evaluate(new NDList(), predictions)), EPS);
    }

    @Test
    void gradientPenaltyIsLambdaTimesMeanSquaredNorm() {
        // 0.1 · mean(1, 3) = 0.2
        NDList predictions = new NDList(v(0), v(0), v(1, 3));
        assertEquals(0.2f, value(new GradientPenalty(0.1f).evaluate(new NDList(), predictions)), EPS);
        assertEquals(
                0.8f,
                value(new GradientPenalty(0.4f, 0).evaluate(null, new NDList(v(1, 3)))),
                EPS);
    }

    @Test
    void energyLossAddsItsParts() {
        // (mean(-1, 1) - mean(2)) + 0.5 · mean(4, 2) = -2 + 1.5
        NDList predictions = new NDList(v(-1, 1), v(2), v(4, 2));
        EnergyLoss loss = new EnergyLoss(0.5f);
        assertEquals(-0.5f, value(loss.evaluate(new NDList(), predictions)), EPS);
        assertEquals(0.5f, loss.getPenalty().getLambda());
        assertEquals(2, loss.getComponents().size());
    }

    @Test
    void energyMagnitudePenaltyIsAlphaTimesBothPhasesMeanSquares() {
        // 0.1 · (mean(1, 9) + mean(4)) = 0.1 · (5 + 4)
        NDList predictions = new NDList(v(-1, 3), v(2), v(0, 0));
        assertEquals(
                0.9f,
                value(new EnergyMagnitudePenalty(0.1f).evaluate(new NDList(), predictions)),
                EPS);
        // (mean(-1, 3) - 2) + 0.5 · mean(0, 0) + 0.1 · 9 = -1 + 0 + 0.9
        EnergyLoss loss = new EnergyLoss(Schedule.constant(0.5f), 0.1f);
        assertEquals(-0.1f, value(loss.evaluate(new NDList(), predictions)), EPS);
        assertEquals(3, loss.getComponents().size());
        assertEquals(2, new EnergyLoss(Schedule.constant(0.5f), 0f).getComponents().size());
        assertThrows(IllegalArgumentException.class, () -> new EnergyMagnitudePenalty(-1f));
    }

    @Test
    void energyLossWithZeroLambdaIsTheContrastiveLoss() {
        NDList predictions = new NDList(v(3), v(1), v(100));
        assertEquals(2f, value(new EnergyLoss(0f).evaluate(new NDList(), predictions)), EPS);
    }

    @Test
    void jsdLossIsBinaryCrossEntropyOverJointAndMarginalLogits() {
        // logits 0 everywhere: BCE = log 2; Î = -2 log 2
        NDList zeros = new NDList(v(9), v(0, 0), v(0, 0));
        JsdMutualInformation jsd = new JsdMutualInformation();
        assertEquals((float) Math.log(2), value(jsd.evaluate(new NDList(), zeros)), EPS);
        assertEquals((float) (-2 * Math.log(2)), value(jsd.estimate(zeros)), EPS);

        // joint t=2, marginal t=-1 and 1:
        // BCE = (softplus(-2) + softplus(-1) + softplus(1)) / 3
        double sp2 = Math.log1p(Math.exp(-2));
        double spm1 = Math.log1p(Math.exp(-1));
        double sp1 = Math.log1p(Math.exp(1));
        NDList mixed = new NDList(v(0), v(2), v(-1, 1));
        assertEquals(
                (float) (3 * (sp2 + spm1 + sp1) / 3),
                value(new JsdMutualInformation(3f).evaluate(new NDList(), mixed)),
                1e-5f);
        // Î = -softplus(-2) - mean(softplus(-1), softplus(1))
        assertEquals((float) (-sp2 - (spm1 + sp1) / 2), value(jsd.estimate(mixed)), 1e-5f);
    }

    @Test
    void jsdEstimateGrowsWhenTheStatisticsNetworkSeparatesPairs() {
        NDList separated = new NDList(v(0), v(8, 8), v(-8, -8));
        NDList confused = new NDList(v(0), v(0, 0), v(0, 0));
        JsdMutualInformation jsd = new JsdMutualInformation();
        assertTrue(value(jsd.estimate(separated)) > value(jsd.estimate(confused)));
        assertTrue(value(jsd.estimate(separated)) > -1e-3f, "the JSD estimate is at most 0");
    }

    @Test
    void infoGanLossAndBound() {
        // λ₂ · mean(2, 4) = 1.5 · 3; bound = k/2 - 3/2 with k = 2
        NDList predictions = new NDList(v(0), v(2, 4));
        InfoGanMutualInformation info = new InfoGanMutualInformation(1.5f, 2);
        assertEquals(4.5f, value(info.evaluate(new NDList(), predictions)), EPS);
        assertEquals(-0.5f, value(info.estimate(predictions)), EPS);
    }

    @Test
    void generatorLossIsSampleEnergyPlusEstimatorLoss() {
        NDList predictions = new NDList(v(1, 3), v(0, 0), v(0, 0));
        GeneratorLoss loss = new GeneratorLoss(new JsdMutualInformation());
        assertEquals(2f + (float) Math.log(2), value(loss.evaluate(new NDList(), predictions)), EPS);
        assertTrue(loss.getMutualInformation().isPresent());

        GeneratorLoss bare = new GeneratorLoss(null);
        assertEquals(2f, value(bare.evaluate(new NDList(), new NDList(v(1, 3)))), EPS);
        assertFalse(bare.getMutualInformation().isPresent());
    }

    @Test
    void lossesAccumulateLikeAnyDjlEvaluator() {
        EnergyLoss loss = new EnergyLoss(0.1f);
        loss.addAccumulator("train");
        loss.updateAccumulator("train", new NDList(), new NDList(v(1), v(0), v(10)));
        loss.updateAccumulator("train", new NDList(), new NDList(v(3), v(0), v(10)));
        // (1 + 1) and (3 + 1), averaged
        assertEquals(3f, loss.getAccumulator("train"), EPS);
    }

    @Test
    void badCoefficientsAreRejectedWithTheirValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new EnergyLoss(-0.1f));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GradientPenalty(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> new GradientPenalty(1f, -1));
        assertThrows(IllegalArgumentException.class, () -> new JsdMutualInformation(0f));
        assertThrows(IllegalArgumentException.class, () -> new InfoGanMutualInformation(1f, 0));
    }

    @Test
    void malformedPredictionsAreRejectedWithTheConvention() {
        ContrastiveEnergyLoss loss = new ContrastiveEnergyLoss();
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> loss.evaluate(new NDList(), new NDList(v(1))));
        assertTrue(missing.getMessage().contains("U(x_model)"), missing.getMessage());
        NDArray matrix = manager.zeros(new Shape(2, 2));
        IllegalArgumentException shape =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> loss.evaluate(new NDList(), new NDList(matrix, v(1))));
        assertTrue(shape.getMessage().contains("(2, 2)"), shape.getMessage());
        NDArray empty = manager.zeros(new Shape(0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new GradientPenalty(1f).evaluate(new NDList(), new NDList(v(1), v(1), empty)));
    }
}
