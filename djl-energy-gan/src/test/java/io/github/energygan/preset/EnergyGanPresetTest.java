/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.energygan.training.EnergyGanTrainingConfig;

import org.junit.jupiter.api.Test;

class EnergyGanPresetTest {

    @Test
    void presetsAreFoundByName() {
        assertEquals(EnergyGanPreset.FAST_2D, EnergyGanPreset.byName("fast-2d"));
        assertEquals(EnergyGanPreset.REFERENCE_2D, EnergyGanPreset.byName("REFERENCE-2D"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EnergyGanPreset.byName("huge"));
        assertTrue(e.getMessage().contains("fast-2d"), e.getMessage());
        assertEquals(2.5f, EnergyGanPreset.FAST_2D.architecture(2.5f).dataScale());
    }

    @Test
    void aPresetStretchedToAnotherLengthKeepsItsScheduleShape() {
        EnergyGanPreset preset = EnergyGanPreset.FAST_2D;
        EnergyGanTrainingConfig full = preset.trainingConfig().build();
        EnergyGanTrainingConfig tenth = preset.trainingConfig(full.iterations() / 10).build();
        assertEquals(full.iterations() / 10, tenth.iterations());
        assertEquals(full.warmUpIterations() / 10, tenth.warmUpIterations());
        assertEquals(full.penaltyLambda(), tenth.penaltyLambda());
        assertEquals(full.finalPenaltyFactor(), tenth.finalPenaltyFactor());
        // λ and the entropy weight fall along the same cosine, whatever the length.
        assertEquals(
                full.penaltyLambdaAt(full.iterations() - 1),
                tenth.penaltyLambdaAt(tenth.iterations() - 1),
                1e-7);
        assertEquals(0.0003f, full.penaltyLambdaAt(full.iterations() - 1), 1e-8);
        assertEquals(0.001f, full.penaltyLambdaAt(0), 1e-9);
        assertEquals(1, preset.trainingConfig(1).build().iterations());
        assertThrows(IllegalArgumentException.class, () -> preset.trainingConfig(0));
    }
}
