/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.plot;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;

/**
 * A perceptually uniform colour scale (matplotlib's viridis, sampled at nine anchors and
 * interpolated linearly): dark purple for the lowest value, yellow for the highest.
 */
final class ViridisPaintScale implements PaintScale, Serializable {

    private static final long serialVersionUID = 1L;

    private static final int[][] ANCHORS = {
        {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
        {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}
    };

    private final double lower;
    private final double upper;

    ViridisPaintScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper > lower ? upper : lower + 1e-9;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        double t = (value - lower) / (upper - lower);
        if (Double.isNaN(t)) {
            return Color.GRAY;
        }
        t = Math.max(0, Math.min(1, t));
        double position = t * (ANCHORS.length - 1);
        int i = Math.min((int) position, ANCHORS.length - 2);
        double f = position - i;
        int[] a = ANCHORS[i];
        int[] b = ANCHORS[i + 1];
        return new Color(
                (int) Math.round(a[0] + f * (b[0] - a[0])),
                (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }
}
