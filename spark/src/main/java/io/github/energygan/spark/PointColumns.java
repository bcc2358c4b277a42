/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Where a DataFrame holds its points: named numeric columns (one per feature), or one column
 * holding a numeric array or a Spark ML vector. The schema is checked on the driver, before any
 * work; each row is checked as it is read, so that a null, a NaN or a vector of the wrong length is
 * reported, never scored.
 */
final class PointColumns implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final int[] indices;
    private final boolean vector;
    private final int size;
    private final boolean float32;

    private PointColumns(
            String[] names, int[] indices, boolean vector, int size, boolean float32) {
        this.names = names;
        this.indices = indices;
        this.vector = vector;
        this.size = size;
        this.float32 = float32;
    }

    /**
     * Checks the schema and locates the columns.
     *
     * @param schema the DataFrame's schema
     * @param featureColumns the feature columns, in the model's feature order, or empty
     * @param vectorColumn the vector column, or null
     * @param size how many numbers make a point
     * @param float32 whether the points are read as 32-bit floats, so that values beyond that
     *     range are refused
     * @return the columns
     * @throws IllegalArgumentException if both or neither are given, a column is missing or not
     *     numeric, or the number of feature columns is not {@code size}
     */
    static PointColumns of(
            StructType schema,
            List<String> featureColumns,
            String vectorColumn,
            int size,
            boolean float32) {
        boolean hasFeatures = featureColumns != null && !featureColumns.isEmpty();
        if (hasFeatures == (vectorColumn != null)) {
            throw new IllegalArgumentException(
                    "Give either the feature columns (one numeric column per feature) or one"
                            + " vector column (an array of numbers or a Spark ML vector), not "
                            + (hasFeatures ? "both" : "neither"));
        }
        if (vectorColumn != null) {
            DataType type = typeOf(schema, vectorColumn);
            boolean array =
                    type instanceof ArrayType a && a.elementType() instanceof NumericType;
            if (!array && !SQLDataTypes.VectorType().equals(type)) {
                throw new IllegalArgumentException(
                        "Column '"
                                + vectorColumn
                                + "' is "
                                + type.simpleString()
                                + "; a vector column must be an array of numbers or a Spark ML"
                                + " vector");
            }
            return new PointColumns(
                    new String[] {vectorColumn},
                    new int[] {schema.fieldIndex(vectorColumn)},
                    true,
                    size,
                    float32);
        }
        if (featureColumns.size() != size) {
            throw new IllegalArgumentException(
                    "The model takes points of "
                            + size
                            + " numbers, but "
                            + featureColumns.size()
                            + " feature columns were given: "
                            + featureColumns);
        }
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            String name = featureColumns.get(i);
            DataType type = typeOf(schema, name);
            if (!(type instanceof NumericType)) {
                throw new IllegalArgumentException(
                        "Feature column '"
                                + name
                                + "' is "
                                + type.simpleString()
                                + "; expected a numeric column");
            }
            indices[i] = schema.fieldIndex(name);
        }
        return new PointColumns(
                featureColumns.toArray(new String[0]), indices, false, size, float32);
    }

    private static DataType typeOf(StructType schema, String name) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException(
                    "The DataFrame has no column '"
                            + name
                            + "'; its columns are "
                            + Arrays.toString(schema.fieldNames()));
        }
        return schema.apply(name).dataType();
    }

    /**
     * Returns the names of the columns read.
     *
     * @return the names
     */
    List<String> names() {
        return List.of(names);
    }

    /**
     * Returns how many numbers make a point.
     *
     * @return the size
     */
    int size() {
        return size;
    }

    /**
     * Reads one row's point.
     *
     * @param row the row
     * @param into receives the point, {@code size} numbers
     * @return null when the point was read, else why it cannot be scored, naming the column
     */
    String read(Row row, double[] into) {
        String reason = vector ? readVector(row, into) : readColumns(row, into);
        if (reason != null) {
            return reason;
        }
        for (int j = 0; j < size; j++) {
            if (!Double.isFinite(into[j]) || (float32 && !Float.isFinite((float) into[j]))) {
                return (vector ? "column '" + names[0] + "' holds " : "column '" + names[j] + "' is ")
                        + into[j]
                        + (vector ? " at index " + j : "")
                        + "; expected a finite number"
                        + (float32 ? " within the 32-bit float range" : "");
            }
        }
        return null;
    }

    private String readColumns(Row row, double[] into) {
        for (int i = 0; i < size; i++) {
            Object value = row.get(indices[i]);
            if (value == null) {
                return "column '" + names[i] + "' is null; expected a finite number";
            }
            into[i] = ((Number) value).doubleValue();
        }
        return null;
    }

    private String readVector(Row row, double[] into) {
        Object value = row.get(indices[0]);
        String column = "column '" + names[0] + "'";
        if (value == null) {
            return column + " is null; expected a vector of " + size + " finite numbers";
        }
        int length;
        if (value instanceof Vector v) {
            length = v.size();
            if (length == size) {
                for (int j = 0; j < size; j++) {
                    into[j] = v.apply(j);
                }
            }
        } else {
            List<Object> list = row.getList(indices[0]);
            length = list.size();
            if (length == size) {
                for (int j = 0; j < size; j++) {
                    Object element = list.get(j);
                    if (element == null) {
                        return column + " holds null at index " + j + "; expected finite numbers";
                    }
                    into[j] = ((Number) element).doubleValue();
                }
            }
        }
        if (length != size) {
            return column
                    + " holds "
                    + length
                    + " numbers; expected "
                    + size
                    + " (the model's data size)";
        }
        return null;
    }
}
