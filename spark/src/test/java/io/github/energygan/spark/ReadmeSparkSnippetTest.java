/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Runs the README's Spark snippet and checks that the README shows exactly this code. */
class ReadmeSparkSnippetTest {

    @Test
    void theReadmeSnippetScoresATable(@TempDir Path dir) throws Exception {
        SparkSession session = LocalSpark.session();
        String input = dir.resolve("points.parquet").toString();
        String output = dir.resolve("scored").toString();
        StructType schema =
                new StructType()
                        .add("x", DataTypes.DoubleType)
                        .add("y", DataTypes.DoubleType);
        session.createDataFrame(
                        List.of(RowFactory.create(0.0, 0.0), RowFactory.create(1.0, 1.0)), schema)
                .write()
                .parquet(input);

        // snippet:spark
        SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();
        Dataset<Row> points = spark.read().parquet(input); // columns x and y
        SparkEnergyScorer scorer =
                SparkEnergyScorer.builder()
                        .setModel(SparkEnergyModel.fromZoo("grid-25")) // or fromDirectory(dir)
                        .optFeatureColumns("x", "y") // or optVectorColumn("features")
                        .optThreshold(6.0) // adds anomaly: energy > 6
                        .build();
        Dataset<Row> scored = scorer.transform(points); // + energy, gradNormSq, anomaly
        scored.write().parquet(output);
        // end-snippet

        List<Row> rows = spark.read().parquet(output).orderBy("x").collectAsList();
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).getFloat(2) < rows.get(1).getFloat(2), "a mode is lower");

        String source =
                Files.readString(
                        Path.of("src/test/java/io/github/energygan/spark/ReadmeSparkSnippetTest.java"),
                        StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String code =
                source.substring(
                        source.indexOf("// snippet:spark\n") + "// snippet:spark\n".length(),
                        source.indexOf("        // end-snippet"));
        String dedented =
                code.lines()
                        .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                        .collect(Collectors.joining("\n", "", "\n"));
        String marker = "<!-- snippet:spark -->\n```java\n";
        int start = readme.indexOf(marker);
        assertTrue(start >= 0, "the README has a block marked snippet:spark");
        String block =
                readme.substring(start + marker.length(), readme.indexOf("```", start + marker.length()));
        assertEquals(dedented, block, "the README's Spark snippet differs from the tested code");
    }
}
