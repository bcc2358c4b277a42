/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

/** Step counts left unset are chosen by the data the model draws; set ones are kept. */
class SampleRequestTest {

    private static final Shape POINT = new Shape(2);
    private static final Shape IMAGE = new Shape(1, 28, 28);

    @Test
    void unsetStepsFollowTheData() {
        SampleRequest request = SampleRequest.of(8);
        assertTrue(request.hasDataDefaults());
        assertTrue(request.runsChains());
        IllegalStateException unresolved =
                assertThrows(IllegalStateException.class, request::getSteps);
        assertTrue(unresolved.getMessage().contains("forData"), unresolved.getMessage());
        assertTrue(request.toString().contains("default warm-up + default steps"), request.toString());

        SampleRequest points = request.forData(POINT);
        assertFalse(points.hasDataDefaults());
        assertEquals(SampleRequest.DEFAULT_STEPS, points.getSteps());
        assertEquals(SampleRequest.DEFAULT_STEPS, points.getWarmUpSteps());
        assertSame(points, points.forData(IMAGE), "a resolved request stays as it is");

        SampleRequest images = request.forData(IMAGE);
        assertEquals(SampleRequest.DEFAULT_IMAGE_STEPS, images.getSteps());
        assertEquals(SampleRequest.DEFAULT_IMAGE_STEPS, images.getWarmUpSteps());
        assertEquals(request.getSeed(), images.getSeed());
        assertEquals(request.getCount(), images.getCount());
    }

    @Test
    void setStepsAreKept() {
        SampleRequest raw = SampleRequest.builder().setCount(4).optSteps(0).optWarmUpSteps(0).build();
        assertFalse(raw.hasDataDefaults());
        assertFalse(raw.runsChains());
        assertEquals(0, raw.forData(IMAGE).getSteps());

        SampleRequest partly = SampleRequest.builder().setCount(4).optSteps(3).build();
        SampleRequest resolved = partly.forData(IMAGE);
        assertEquals(3, resolved.getSteps());
        assertEquals(SampleRequest.DEFAULT_IMAGE_STEPS, resolved.getWarmUpSteps());
        // toBuilder keeps what was left unset unset.
        assertTrue(partly.toBuilder().setCount(9).build().hasDataDefaults());

        assertThrows(
                IllegalArgumentException.class,
                () -> SampleRequest.builder().setCount(4).optSteps(-1).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> SampleRequest.builder().setCount(4).optWarmUpSteps(0).build(),
                "an automatic step size needs warm-up steps");
    }
}
