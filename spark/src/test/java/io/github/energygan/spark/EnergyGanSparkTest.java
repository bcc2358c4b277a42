/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The spark-submit entry point, run in this JVM on {@code local[2]}. */
class EnergyGanSparkTest {

    private static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = LocalSpark.session();
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = EnergyGanSpark.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void scoreReadsACsvAndWritesTheScoredTable(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "id,x,y\n1,0.0,0.0\n2,1.0,1.0\n3,-2.0,2.0\n4,3.5,-0.5\n");
        String out = dir.resolve("scored").toString();
        StringWriter err = new StringWriter();
        String[] args = {
            "score", "--master", "local[2]", "--zoo", "grid-25", "--input", csv.toString(),
            "--format", "csv", "--columns", "x,y", "--threshold", "2", "--output", out
        };
        assertEquals(0, run(err, args), err.toString());
        List<Row> rows = spark.read().parquet(out).orderBy("id").collectAsList();
        assertEquals(4, rows.size());
        assertEquals(
                List.of("id", "x", "y", "energy", "gradNormSq", "anomaly"),
                List.of(rows.get(0).schema().fieldNames()));
        // (0, 0) is a mode of the grid; (1, 1) lies between four modes.
        assertTrue(rows.get(0).getFloat(3) < rows.get(1).getFloat(3), rows.toString());

        StringWriter again = new StringWriter();
        assertEquals(2, run(again, args), "an existing output is never overwritten");
        assertTrue(again.toString().contains("already exists"), again.toString());
    }

    @Test
    void aBadRowEndsWithItsRowAndColumnAndCode2(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "id,x,y\n1,0.0,0.0\n2,,1.0\n");
        StringWriter err = new StringWriter();
        int code =
                run(
                        err,
                        "score", "--master", "local[2]", "--zoo", "grid-25", "--input",
                        csv.toString(), "--format", "csv", "--columns", "x,y", "--id-column",
                        "id", "--output", dir.resolve("scored").toString());
        assertEquals(2, code);
        assertTrue(
                err.toString().contains("(id = 2): column 'x' is null"), err.toString());
    }

    @Test
    void sampleWritesOneRowPerSample(@TempDir Path dir) {
        String out = dir.resolve("samples").toString();
        StringWriter err = new StringWriter();
        int code =
                run(
                        err, "sample", "--master", "local[2]", "--zoo", "ring-8", "--count", "50",
                        "--partitions", "2", "--steps", "5", "--warm-up-steps", "5", "--seed", "3",
                        "--output", out);
        assertEquals(0, code, err.toString());
        List<Row> rows = spark.read().parquet(out).orderBy("index").collectAsList();
        assertEquals(50, rows.size());
        assertEquals(
                List.of("index", "x0", "x1", "energy"), List.of(rows.get(0).schema().fieldNames()));
    }
}
