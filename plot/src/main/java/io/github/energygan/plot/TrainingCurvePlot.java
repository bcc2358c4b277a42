/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.plot;

import io.github.energygan.training.listener.EnergyStatistics;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Training curves of an energy GAN as PNG: the energies of data and of samples with their gap
 * (top), and the gradient penalty and mutual-information estimate (bottom), against iteration.
 */
public final class TrainingCurvePlot {

    private TrainingCurvePlot() {}

    /**
     * Renders the chart.
     *
     * @param history the statistics, oldest first, non-empty
     * @param title the title
     * @return the chart
     * @throws IllegalArgumentException if the history is empty
     */
    public static JFreeChart chart(List<EnergyStatistics> history, String title) {
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException("No training statistics to plot");
        }
        XYSeries data = new XYSeries("mean U(data)");
        XYSeries model = new XYSeries("mean U(G(z))");
        XYSeries gap = new XYSeries("gap");
        XYSeries penalty = new XYSeries("λ·penalty");
        XYSeries mi = new XYSeries("MI estimate");
        for (EnergyStatistics s : history) {
            data.add(s.iteration(), s.energyData());
            model.add(s.iteration(), s.energyModel());
            gap.add(s.iteration(), s.gap());
            penalty.add(s.iteration(), s.penalty());
            if (!Double.isNaN(s.mutualInformation())) {
                mi.add(s.iteration(), s.mutualInformation());
            }
        }
        XYSeriesCollection energies = new XYSeriesCollection();
        energies.addSeries(data);
        energies.addSeries(model);
        energies.addSeries(gap);
        XYSeriesCollection regularisers = new XYSeriesCollection();
        regularisers.addSeries(penalty);
        regularisers.addSeries(mi);

        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("iteration"));
        combined.add(
                panel(energies, "energy", new Color[] {Color.BLUE, Color.RED, Color.DARK_GRAY}), 2);
        combined.add(
                panel(regularisers, "penalty / MI", new Color[] {new Color(0, 140, 0), Color.MAGENTA}),
                1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot panel(XYSeriesCollection series, String label, Color[] colours) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(series, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    /**
     * Renders and writes the chart as PNG (through a temporary file).
     *
     * @param png the target file; its directory is created if needed
     * @param history the statistics, oldest first, non-empty
     * @param title the title
     * @throws IOException if the file cannot be written
     */
    public static void save(Path png, List<EnergyStatistics> history, String title)
            throws IOException {
        PngWriter.write(chart(history, title), png, 1000, 700);
    }
}
