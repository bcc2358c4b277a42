/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of one partition, scored a batch at a time: reads up to a batch of rows, checks and
 * reads each row's point, scores the valid points in one call, and hands the rows on with their
 * scores appended. Only one batch is held at a time, so a partition of any size runs in bounded
 * memory.
 *
 * <p>The scorer (a model and its predictor) is opened on the first batch that has a valid row, so
 * an empty partition loads nothing, and closed when the partition ends: when the rows run out, or
 * when the task completes for any other reason (a {@code limit} downstream, a failure).
 */
final class PartitionBatches implements Iterator<Row> {

    /** Scores one batch of points; opened once per partition. */
    interface BatchScorer extends AutoCloseable {

        /**
         * Scores points.
         *
         * @param points the points, each of the model's data size, all finite
         * @return one array of output values per point, in order
         * @throws Exception if scoring fails
         */
        List<Object[]> score(List<double[]> points) throws Exception;
    }

    /** Opens a partition's scorer on the executor. */
    interface ScorerFactory extends java.io.Serializable {

        /**
         * Opens the scorer.
         *
         * @return the scorer; closed when the partition ends
         * @throws Exception if the model cannot be loaded
         */
        BatchScorer open() throws Exception;
    }

    private final Iterator<Row> rows;
    private final PointColumns columns;
    private final int idColumn;
    private final String idName;
    private final InvalidRows policy;
    private final int batchSize;
    private final int outputs;
    private final ScorerFactory factory;
    private final int partition;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private BatchScorer scorer;
    private boolean closed;
    private long position;

    /**
     * Wraps a partition's rows.
     *
     * @param rows the rows
     * @param columns where the points are
     * @param idColumn the id column's index, or -1
     * @param idName the id column's name, or null
     * @param policy what to do with a row that cannot be scored
     * @param batchSize how many rows to score at a time
     * @param outputs how many values the scorer appends to each row
     * @param factory opens the scorer
     */
    PartitionBatches(
            Iterator<Row> rows,
            PointColumns columns,
            int idColumn,
            String idName,
            InvalidRows policy,
            int batchSize,
            int outputs,
            ScorerFactory factory) {
        this.rows = rows;
        this.columns = columns;
        this.idColumn = idColumn;
        this.idName = idName;
        this.policy = policy;
        this.batchSize = batchSize;
        this.outputs = outputs;
        this.factory = factory;
        TaskContext task = TaskContext.get();
        this.partition = task == null ? -1 : task.partitionId();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> close());
        }
    }

    @Override
    public boolean hasNext() {
        if (ready.isEmpty() && !closed) {
            fill();
        }
        return !ready.isEmpty();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void fill() {
        List<Row> batch = new ArrayList<>(batchSize);
        List<double[]> points = new ArrayList<>(batchSize);
        List<String> reasons = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && rows.hasNext()) {
            Row row = rows.next();
            double[] point = new double[columns.size()];
            String reason = columns.read(row, point);
            if (reason != null && policy == InvalidRows.FAIL) {
                throw new IllegalArgumentException(
                        "Cannot score " + describe(row) + ": " + reason + " (policy FAIL)");
            }
            position++;
            batch.add(row);
            reasons.add(reason);
            if (reason == null) {
                points.add(point);
            }
        }
        if (batch.isEmpty()) {
            close();
            return;
        }
        List<Object[]> scores = points.isEmpty() ? List.of() : score(points);
        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
            Object[] out = reasons.get(i) == null ? scores.get(next++) : new Object[outputs];
            ready.add(append(batch.get(i), out, reasons.get(i)));
        }
        if (!rows.hasNext()) {
            close();
        }
    }

    private List<Object[]> score(List<double[]> points) {
        try {
            if (scorer == null) {
                TaskSetup.prepare();
                scorer = factory.open();
            }
            return scorer.score(points);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Scoring partition " + partition + " failed: " + e.getMessage(), e);
        }
    }

    private Row append(Row row, Object[] scores, String reason) {
        int width = row.length();
        boolean withReason = policy == InvalidRows.NULL_SCORES;
        Object[] values = new Object[width + scores.length + (withReason ? 1 : 0)];
        for (int j = 0; j < width; j++) {
            values[j] = row.get(j);
        }
        System.arraycopy(scores, 0, values, width, scores.length);
        if (withReason) {
            values[values.length - 1] = reason;
        }
        return RowFactory.create(values);
    }

    private String describe(Row row) {
        String where = "row " + (position + 1) + " of partition " + partition;
        return idColumn < 0 ? where : where + " (" + idName + " = " + row.get(idColumn) + ")";
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (scorer != null) {
            try {
                scorer.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not close the partition's model", e);
            } finally {
                scorer = null;
            }
        }
    }
}
