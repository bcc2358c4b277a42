/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import io.github.energygan.nn.ActivationFunction;
import io.github.energygan.nn.EnergyMlp;
import io.github.energygan.scoring.EnergyScorer;

import org.junit.jupiter.api.Test;

/** What {@link EnergyCritic} hands the energy loss when the energy has a Gaussian base measure. */
class EnergyCriticTest {

    private static EnergyMlp energy(NDManager manager, float basePrecision) {
        EnergyMlp energy =
                EnergyMlp.builder()
                        .setInputFeatures(3)
                        .optHiddenWidths(8, 6)
                        .optActivation(ActivationFunction.leakyRelu(0.2f))
                        .optDataScale(2f)
                        .optBasePrecision(basePrecision)
                        .build();
        Engine.getInstance().setRandomSeed(21);
        energy.initialize(manager, DataType.FLOAT64, new Shape(1, 3));
        return energy;
    }

    @Test
    void thePenaltySeesTheNetworkPartOnlyWhileTheEnergiesKeepTheBaseMeasure() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EnergyMlp plain = energy(manager, 0f);
            EnergyMlp based = energy(manager, 0.5f);
            Engine.getInstance().setRandomSeed(22);
            NDArray data = manager.randomNormal(new Shape(16, 3)).toType(DataType.FLOAT64, false);
            NDArray model = data.mul(3);
            ParameterStore store = new ParameterStore(manager, false);
            NDList withoutBase =
                    new EnergyCritic(plain).forward(store, new NDList(data, model), true);
            NDList withBase = new EnergyCritic(based).forward(store, new NDList(data, model), true);
            // Same seed, same perceptron: the base measure (ρ/2)·‖x/s‖² = ‖x‖²/16 adds to both
            // energies, and its fixed gradient stays out of the penalty's squared norms.
            assertClose(
                    withBase.get(0), withoutBase.get(0).add(data.square().sum(new int[] {1}).div(16)));
            assertClose(
                    withBase.get(1),
                    withoutBase.get(1).add(model.square().sum(new int[] {1}).div(16)));
            assertClose(withBase.get(2), withoutBase.get(2));
            // The full energy's gradient is not what is penalised: it includes (ρ/s²)·x.
            NDArray fullGradient = new EnergyScorer(based).energiesAndGradients(data).get(1);
            NDArray fullNorms = fullGradient.square().sum(new int[] {1}).mul(4);
            assertTrue(fullNorms.sub(withBase.get(2)).abs().max().getDouble() > 1e-3);
        }
    }

    private static void assertClose(NDArray actual, NDArray expected) {
        double error = actual.sub(expected).abs().max().getDouble();
        assertTrue(error < 1e-9, "max |difference| " + error);
    }
}
