/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.plot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A heatmap of a 2-D energy {@code U(x)} over a rectangle with samples drawn on top, as PNG. The
 * colour scale runs from the lowest energy on the grid (dark) to its 90th percentile (yellow);
 * higher energies saturate, so the wells stay readable however steep the walls are.
 */
public final class EnergyLandscapePlot {

    /** How many nats below the highest log density the log-density colour scale reaches. */
    static final double LOG_DENSITY_RANGE = 25;

    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final int resolution;
    private final String title;
    private final int size;
    private final Double logPartition;

    private EnergyLandscapePlot(Builder builder) {
        xMin = builder.xMin;
        xMax = builder.xMax;
        yMin = builder.yMin;
        yMax = builder.yMax;
        resolution = builder.resolution;
        title = builder.title;
        size = builder.size;
        logPartition = builder.logPartition;
    }

    /**
     * Returns a builder; the default window is {@code [-5, 5]²}, which holds the 25-grid.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders the chart.
     *
     * @param energy maps points {@code (n, 2)} to energies {@code (n)}
     * @param manager a manager for the grid (nothing stays attached to it)
     * @param samples points to draw, {@code (m, 2)}, or null for none
     * @return the chart
     * @throws IllegalArgumentException if the samples are not {@code (m, 2)}
     */
    public JFreeChart chart(UnaryOperator<NDArray> energy, NDManager manager, NDArray samples) {
        Objects.requireNonNull(energy, "energy");
        double[][] grid;
        double lower;
        double upper;
        try (NDManager scope = manager.newSubManager()) {
            NDArray xs = scope.linspace((float) xMin, (float) xMax, resolution);
            NDArray ys = scope.linspace((float) yMin, (float) yMax, resolution);
            // Row-major mesh: y varies slowest.
            NDArray points =
                    xs.tile(resolution).stack(ys.repeat(resolution), 1); // (r², 2)
            NDArray u = energy.apply(points);
            if (logPartition != null) {
                // log p = −U − log Z, from the highest density down by LOG_DENSITY_RANGE nats.
                u = u.neg().sub(logPartition.floatValue());
                upper = u.max().getFloat();
                lower = upper - LOG_DENSITY_RANGE;
            } else {
                NDArray sorted = u.sort();
                lower = sorted.getFloat(0);
                upper = sorted.getFloat((long) (0.9 * (sorted.size() - 1)));
            }
            grid =
                    new double[][] {
                        toDoubles(points.get(":, 0").toFloatArray()),
                        toDoubles(points.get(":, 1").toFloatArray()),
                        toDoubles(u.toFloatArray())
                    };
        }
        DefaultXYZDataset heat = new DefaultXYZDataset();
        String label = logPartition != null ? "log p(x)" : "U(x)";
        heat.addSeries(label, grid);
        XYBlockRenderer heatRenderer = new XYBlockRenderer();
        heatRenderer.setBlockWidth((xMax - xMin) / (resolution - 1));
        heatRenderer.setBlockHeight((yMax - yMin) / (resolution - 1));
        ViridisPaintScale scale = new ViridisPaintScale(lower, upper);
        heatRenderer.setPaintScale(scale);

        NumberAxis xAxis = new NumberAxis("x₁");
        xAxis.setRange(xMin, xMax);
        NumberAxis yAxis = new NumberAxis("x₂");
        yAxis.setRange(yMin, yMax);
        XYPlot plot = new XYPlot(heat, xAxis, yAxis, heatRenderer);
        plot.setBackgroundPaint(Color.BLACK);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        if (samples != null) {
            Shape shape = samples.getShape();
            if (shape.dimension() != 2 || shape.get(1) != 2) {
                throw new IllegalArgumentException(
                        "Samples to plot must be (m, 2), got " + shape);
            }
            float[] values = samples.toFloatArray();
            XYSeries series = new XYSeries("samples", false, true);
            for (int i = 0; i + 1 < values.length; i += 2) {
                series.add(values[i], values[i + 1]);
            }
            XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
            dots.setSeriesShape(0, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
            dots.setSeriesPaint(0, new Color(255, 70, 70));
            plot.setDataset(1, new XYSeriesCollection(series));
            plot.setRenderer(1, dots);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis scaleAxis = new NumberAxis(label);
        scaleAxis.setRange(lower, upper > lower ? upper : lower + 1e-9);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(new RectangleInsets(10, 5, 10, 5));
        legend.setStripWidth(15);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Renders and writes the chart as PNG (through a temporary file).
     *
     * @param png the target file; its directory is created if needed
     * @param energy maps points {@code (n, 2)} to energies {@code (n)}
     * @param manager a manager for the grid
     * @param samples points to draw, or null
     * @throws IOException if the file cannot be written
     */
    public void save(Path png, UnaryOperator<NDArray> energy, NDManager manager, NDArray samples)
            throws IOException {
        PngWriter.write(chart(energy, manager, samples), png, size + 100, size);
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The builder for {@link EnergyLandscapePlot}. */
    public static final class Builder {

        private double xMin = -5;
        private double xMax = 5;
        private double yMin = -5;
        private double yMax = 5;
        private int resolution = 200;
        private String title = "Energy landscape";
        private int size = 800;
        private Double logPartition;

        Builder() {}

        /**
         * Draws the normalised log density {@code log p(x) = −U(x) − log Z} instead of {@code U},
         * from its highest value down by 25 nats, so that wells and their depth read the same
         * across models.
         *
         * @param logZ {@code log Z}, the energy's normaliser (for example from {@code
         *     DensityEvaluation})
         * @return this builder
         */
        public Builder optLogDensity(double logZ) {
            this.logPartition = logZ;
            return this;
        }

        /**
         * Sets the window.
         *
         * @param xMin left
         * @param xMax right, {@code > xMin}
         * @param yMin bottom
         * @param yMax top, {@code > yMin}
         * @return this builder
         */
        public Builder optWindow(double xMin, double xMax, double yMin, double yMax) {
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
            return this;
        }

        /**
         * Sets the grid resolution per axis; 200 by default.
         *
         * @param resolution {@code >= 2}
         * @return this builder
         */
        public Builder optResolution(int resolution) {
            this.resolution = resolution;
            return this;
        }

        /**
         * Sets the title.
         *
         * @param title the title
         * @return this builder
         */
        public Builder optTitle(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the picture's height in pixels (the width adds room for the colour legend); 800 by
         * default.
         *
         * @param size {@code >= 100}
         * @return this builder
         */
        public Builder optSize(int size) {
            this.size = size;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the plot
         * @throws IllegalArgumentException if the window is empty or a size too small
         */
        public EnergyLandscapePlot build() {
            if (!(xMax > xMin) || !(yMax > yMin)) {
                throw new IllegalArgumentException(
                        "The plot window must have xMax > xMin and yMax > yMin");
            }
            if (resolution < 2 || size < 100) {
                throw new IllegalArgumentException(
                        "Resolution must be >= 2 and size >= 100, got "
                                + resolution
                                + " and "
                                + size);
            }
            return new EnergyLandscapePlot(this);
        }
    }
}
