/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.spark;

import io.github.energygan.engine.NativeAllocator;
import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.tribuo.EnergyAnomalyModel;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The {@code spark-submit} entry point: {@code score} and {@code tribuo-score} read a table
 * (Parquet, CSV with a header, or JSON lines), append the scores and write it; {@code sample} draws
 * samples across the executors. Outputs are Spark directories, never overwritten.
 *
 * <pre>
 * spark-submit --class io.github.energygan.spark.EnergyGanSpark --master 'local[2]' \
 *     --jars "$(ls spark/target/lib/*.jar | paste -sd,)" spark/target/energy-gan-spark.jar \
 *     score --zoo grid-25 --input points.parquet --columns x,y --output scored
 * </pre>
 */
@Command(
        name = "energy-gan-spark",
        mixinStandardHelpOptions = true,
        version = "energy-gan-spark 0.1.0",
        description = "Scores and samples energy models on Apache Spark.",
        subcommands = {
            EnergyGanSpark.Score.class,
            EnergyGanSpark.TribuoScore.class,
            EnergyGanSpark.Sample.class,
            ScoringBenchmark.class
        })
public final class EnergyGanSpark implements Runnable {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code: 0 on success, 2 for bad input (the message
     * printed, without a stack trace).
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        NativeAllocator.keepBuffersInHeap();
        System.exit(commandLine().execute(args));
    }

    /**
     * Creates the command line with its error handling.
     *
     * @return the command line
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new EnergyGanSpark());
        commandLine.setExecutionExceptionHandler(
                (exception, cmd, parseResult) -> {
                    Throwable cause = rootInput(exception);
                    if (cause != null) {
                        cmd.getErr().println("energy-gan-spark: " + cause.getMessage());
                        return 2;
                    }
                    throw exception;
                });
        return commandLine;
    }

    /** The bad-input exception behind a failure, also when a Spark task threw it. */
    private static Throwable rootInput(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException
                    || t instanceof java.io.IOException
                    || t instanceof ai.djl.MalformedModelException
                    || t instanceof ai.djl.repository.zoo.ModelNotFoundException
                    || t instanceof org.apache.spark.sql.AnalysisException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Prints the usage when no subcommand is given. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Which energy model: a saved directory or a zoo artifact. */
    static final class ModelChoice {

        @Option(names = "--model", description = "A model directory saved by `energy-gan train`.")
        Path directory;

        @Option(
                names = "--zoo",
                description = "A zoo artifact: grid-25, ring-8 or fashion-mnist.")
        String zoo;

        SparkEnergyModel load() throws Exception {
            return directory != null
                    ? SparkEnergyModel.fromDirectory(directory)
                    : SparkEnergyModel.fromZoo(zoo);
        }
    }

    /** Options shared by the commands. */
    abstract static class SparkCommand implements Callable<Integer> {

        @Option(
                names = "--master",
                description =
                        "The Spark master, e.g. local[2]; by default spark-submit's, else"
                                + " local[*].")
        String master;

        SparkSession session(String name) {
            SparkSession.Builder builder = SparkSession.builder().appName(name);
            SparkConf conf = new SparkConf();
            if (master != null) {
                builder.master(master);
            } else if (!conf.contains("spark.master")) {
                builder.master("local[*]");
            }
            return builder.getOrCreate();
        }
    }

    /** Options of the table commands. */
    abstract static class TableCommand extends SparkCommand {

        @Option(names = "--input", required = true, description = "The table to score.")
        String input;

        @Option(
                names = "--format",
                defaultValue = "parquet",
                description = "The input's format: parquet, csv (with a header) or json.")
        String format;

        @Option(
                names = "--output",
                required = true,
                description = "The output directory; it must not exist.")
        String output;

        @Option(
                names = "--output-format",
                defaultValue = "parquet",
                description = "parquet, csv or json.")
        String outputFormat;

        @Option(
                names = "--vector-column",
                description = "One column holding each point as an array or a Spark ML vector.")
        String vectorColumn;

        @Option(names = "--id-column", description = "A column naming rows in error messages.")
        String idColumn;

        @Option(
                names = "--invalid",
                defaultValue = "fail",
                description =
                        "Rows with a null, NaN or wrong-length vector: fail (stop, naming the"
                                + " row) or null-scores (null scores and an invalidReason).")
        String invalid;

        @Option(names = "--batch-size", description = "Rows per predictor call.")
        Integer batchSize;

        /** Applies the options every table scorer takes. */
        <T extends DataFrameScorer.BaseBuilder<T>> T configure(T builder) {
            builder.optInvalidRows(InvalidRows.parse(invalid));
            if (vectorColumn != null) {
                builder.optVectorColumn(vectorColumn);
            }
            if (idColumn != null) {
                builder.optIdColumn(idColumn);
            }
            if (batchSize != null) {
                builder.optBatchSize(batchSize);
            }
            return builder;
        }

        Dataset<Row> read(SparkSession spark) {
            String kind = format.toLowerCase(Locale.ROOT);
            return switch (kind) {
                case "parquet" -> spark.read().parquet(input);
                case "json" -> spark.read().json(input);
                case "csv" -> spark.read().option("header", "true")
                        .option("inferSchema", "true")
                        .csv(input);
                default -> throw new IllegalArgumentException(
                        "Unknown input format '" + format + "'; expected parquet, csv or json");
            };
        }

        void write(Dataset<Row> table) {
            String kind = outputFormat.toLowerCase(Locale.ROOT);
            if (!List.of("parquet", "csv", "json").contains(kind)) {
                throw new IllegalArgumentException(
                        "Unknown output format '"
                                + outputFormat
                                + "'; expected parquet, csv or json");
            }
            table.write().option("header", "true").format(kind).save(output);
        }
    }

    /** {@code score}: energies of a table's rows. */
    @Command(
            name = "score",
            mixinStandardHelpOptions = true,
            description = "Appends energy, gradNormSq (and anomaly) to every row of a table.")
    static final class Score extends TableCommand {

        @ArgGroup(multiplicity = "1")
        ModelChoice model;

        @Option(
                names = "--columns",
                split = ",",
                description = "The feature columns, in the model's order.")
        List<String> columns = new ArrayList<>();

        @Option(names = "--threshold", description = "Adds anomaly = energy > threshold.")
        Double threshold;

        @Override
        public Integer call() throws Exception {
            SparkEnergyScorer.Builder builder =
                    configure(SparkEnergyScorer.builder())
                            .setModel(model.load())
                            .optFeatureColumns(columns.toArray(new String[0]));
            if (threshold != null) {
                builder.optThreshold(threshold);
            }
            SparkEnergyScorer scorer = builder.build();
            SparkSession spark = session("energy-gan score");
            write(scorer.transform(read(spark)));
            System.out.println("Scored " + input + " into " + output);
            return 0;
        }
    }

    /** {@code tribuo-score}: a Tribuo energy anomaly model over a table. */
    @Command(
            name = "tribuo-score",
            mixinStandardHelpOptions = true,
            description =
                    "Appends anomalyScore and anomalous from a Tribuo EnergyAnomalyModel; features"
                            + " are read from the columns named after them.")
    static final class TribuoScore extends TableCommand {

        @Option(
                names = "--tribuo-model",
                required = true,
                description = "A model file written by `energy-gan tribuo`.")
        Path modelFile;

        @Override
        public Integer call() throws Exception {
            SparkAnomalyScorer scorer;
            try (EnergyAnomalyModel model = EnergyAnomalyModel.load(modelFile)) {
                scorer = configure(SparkAnomalyScorer.builder()).setModel(model).build();
            }
            SparkSession spark = session("energy-gan tribuo-score");
            write(scorer.transform(read(spark)));
            System.out.println("Scored " + input + " into " + output);
            return 0;
        }
    }

    /** {@code sample}: latent MCMC samples across the executors. */
    @Command(
            name = "sample",
            mixinStandardHelpOptions = true,
            description = "Draws samples across partitions, one seed per partition.")
    static final class Sample extends SparkCommand {

        @ArgGroup(multiplicity = "1")
        ModelChoice model;

        @Option(names = "--count", required = true, description = "How many samples.")
        int count;

        @Option(
                names = "--partitions",
                defaultValue = "2",
                description = "How many shares to split the work into (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(
                names = "--steps",
                defaultValue = "100",
                description = "Counted MCMC steps; 0 for raw generator samples.")
        int steps;

        @Option(names = "--warm-up-steps", defaultValue = "100", description = "Warm-up steps.")
        int warmUpSteps;

        @Option(names = "--seed", defaultValue = "0", description = "The request's seed.")
        int seed;

        @Option(
                names = "--output",
                required = true,
                description =
                        "The output directory (Parquet; the sample as columns x0, x1, …); it"
                                + " must not exist.")
        String output;

        @Override
        public Integer call() throws Exception {
            SampleRequest request =
                    SampleRequest.builder()
                            .setCount(count)
                            .optSteps(steps)
                            .optWarmUpSteps(warmUpSteps)
                            .optSeed(seed)
                            .build();
            SparkEnergyModel bytes = model.load();
            SparkSession spark = session("energy-gan sample");
            Dataset<Row> samples = SparkSampler.sample(spark, bytes, request, partitions);
            List<Column> columns = new ArrayList<>();
            columns.add(functions.col(SparkSampler.INDEX));
            for (int j = 0; j < bytes.getDataSize(); j++) {
                columns.add(functions.col(SparkSampler.SAMPLE).getItem(j).as("x" + j));
            }
            columns.add(functions.col(SparkSampler.ENERGY));
            samples.select(columns.toArray(new Column[0])).write().parquet(output);
            System.out.println("Drew " + count + " samples into " + output);
            return 0;
        }
    }
}
