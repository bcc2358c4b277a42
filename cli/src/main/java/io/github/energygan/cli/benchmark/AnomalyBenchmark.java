/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli.benchmark;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.energygan.cli.benchmark.AnomalyTask.Protocol;
import io.github.energygan.tribuo.EnergyAnomalyModel;
import io.github.energygan.tribuo.EnergyAnomalyTrainer;
import io.github.energygan.tribuo.evaluation.AnomalyRanking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

/**
 * Our {@link EnergyAnomalyTrainer} beside the detectors a Tribuo or Python user already has, each
 * trained and scored on exactly the same examples in one run:
 *
 * <ul>
 *   <li><b>LibSVM</b>: Tribuo's {@link LibSVMAnomalyTrainer}, a one-class SVM with an RBF kernel.
 *       Its {@code γ} is chosen without looking at any anomaly: candidates are multiples of
 *       scikit-learn's {@code 'scale'} value {@code 1 / (d · Var x)}; each is fitted on four fifths
 *       of (at most {@link Settings#svmSelectionLimit} of) the training examples and asked to
 *       accept the other fifth. The narrowest kernel whose false-alarm rate there stays within
 *       three binomial standard deviations of {@code ν} wins (the tightest description of the
 *       normal data that still generalises), and is refitted on every training example.
 *   <li><b>scikit-learn</b> (Debian's {@code python3-sklearn}): IsolationForest, OneClassSVM and
 *       LocalOutlierFactor (novelty), at their defaults, run by the repository's {@code
 *       bench/anomaly_peers.py} on CSV files of the same split that this class writes.
 * </ul>
 *
 * <p>Every figure is a ranking figure (AUROC, AUPRC with the anomalies as positives), so no
 * method's threshold matters. Every split and subsample, and our trainer's seed, follows from the
 * run's seed; several seeds give the spread.
 */
public final class AnomalyBenchmark {

    private static final Logger logger = LoggerFactory.getLogger(AnomalyBenchmark.class);

    /** Our method's name in the results. */
    public static final String OURS = "ours";

    /** Tribuo's one-class SVM's name in the results. */
    public static final String LIBSVM = "LibSVM";

    private static final AnomalyFactory FACTORY = new AnomalyFactory();

    /**
     * What to run.
     *
     * @param task the data set
     * @param data its file or folder, or null for the Debian package's
     * @param classes the classes to run, each one of the task's
     * @param protocols the protocols to run
     * @param seeds the seeds: of the splits, subsamples and every method's randomness
     * @param trainLimit at most this many training examples per model (seeded subsample), > 0
     * @param testLimit at most this many test examples per model (seeded subsample), > 0
     * @param svmGammaFactors LibSVM's candidate {@code γ}, as multiples of {@code 1 / (d · Var x)}
     * @param svmSelectionLimit at most this many training examples take part in choosing LibSVM's
     *     {@code γ} (its training is quadratic), > 4
     * @param svmNu {@code ν} of both one-class SVMs, in {@code (0, 1]}
     * @param sklearn whether to run the scikit-learn peers
     * @param python the Python to run them with, or null to find one
     * @param keepSplits whether to keep the split CSV files after the scikit-learn run
     */
    public record Settings(
            AnomalyTask task,
            Path data,
            int[] classes,
            List<Protocol> protocols,
            long[] seeds,
            int trainLimit,
            int testLimit,
            double[] svmGammaFactors,
            int svmSelectionLimit,
            double svmNu,
            boolean sklearn,
            String python,
            boolean keepSplits) {

        /**
         * Checks the settings.
         *
         * @throws IllegalArgumentException naming the setting out of range
         */
        public Settings {
            Objects.requireNonNull(task, "task");
            if (classes == null || classes.length == 0) {
                throw new IllegalArgumentException("Give at least one class");
            }
            for (int c : classes) {
                if (!task.classes().contains(c)) {
                    throw new IllegalArgumentException(
                            "The "
                                    + task.id()
                                    + " task's classes are "
                                    + task.classes()
                                    + ", got "
                                    + c);
                }
            }
            if (protocols == null || protocols.isEmpty()) {
                throw new IllegalArgumentException("Give at least one protocol");
            }
            if (task.classes().size() < 3 && protocols.contains(Protocol.HELD_OUT)) {
                throw new IllegalArgumentException(
                        "The "
                                + task.id()
                                + " task has "
                                + (task.classes().size() == 1 ? "one class" : "two classes")
                                + ": use the ONE_CLASS protocol");
            }
            if (seeds == null || seeds.length == 0) {
                throw new IllegalArgumentException("Give at least one seed");
            }
            if (trainLimit <= 0 || testLimit <= 0) {
                throw new IllegalArgumentException(
                        "trainLimit and testLimit must be > 0, got "
                                + trainLimit
                                + ", "
                                + testLimit);
            }
            if (svmGammaFactors == null || svmGammaFactors.length == 0) {
                throw new IllegalArgumentException("Give at least one SVM gamma factor");
            }
            for (double factor : svmGammaFactors) {
                if (!(factor > 0) || Double.isInfinite(factor)) {
                    throw new IllegalArgumentException(
                            "SVM gamma factors must be finite and > 0, got " + factor);
                }
            }
            if (svmSelectionLimit < 5) {
                throw new IllegalArgumentException(
                        "svmSelectionLimit must be >= 5, got " + svmSelectionLimit);
            }
            if (!(svmNu > 0 && svmNu <= 1)) {
                throw new IllegalArgumentException("svmNu must be in (0, 1], got " + svmNu);
            }
            classes = classes.clone();
            protocols = List.copyOf(protocols);
            seeds = seeds.clone();
            svmGammaFactors = svmGammaFactors.clone();
        }
    }

    /**
     * One method's figures on one split.
     *
     * @param name the method
     * @param auroc its AUROC
     * @param auprc its AUPRC (average precision, anomalies positive)
     * @param trainSeconds its training time, model selection included
     * @param scoreSeconds its time to score the test set
     * @param setting what it chose or was given, for the report
     */
    public record Method(
            String name,
            double auroc,
            double auprc,
            double trainSeconds,
            double scoreSeconds,
            String setting) {}

    /**
     * Every method on one split.
     *
     * @param task the data set
     * @param protocol the protocol
     * @param normalOrHeldOutClass the normal class (one-class) or the held-out class
     * @param seed the run's seed
     * @param trainSize training examples
     * @param testSize test examples
     * @param anomalies anomalous test examples
     * @param methods each method's figures, ours first
     */
    public record Result(
            AnomalyTask task,
            Protocol protocol,
            int normalOrHeldOutClass,
            long seed,
            int trainSize,
            int testSize,
            int anomalies,
            List<Method> methods) {

        /**
         * Returns a method's figures.
         *
         * @param name the method
         * @return its figures
         * @throws IllegalArgumentException if the method did not run
         */
        public Method method(String name) {
            return methods.stream()
                    .filter(m -> m.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " did not run"));
        }
    }

    private final Settings settings;
    private final LongFunction<EnergyAnomalyTrainer> trainers;

    /**
     * Creates the benchmark.
     *
     * @param settings what to run
     * @param trainers our trainer for a seed: a fresh one per call, its seed set to the argument
     */
    public AnomalyBenchmark(Settings settings, LongFunction<EnergyAnomalyTrainer> trainers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trainers = Objects.requireNonNull(trainers, "trainers");
    }

    /**
     * Runs every seed, protocol and class.
     *
     * @param work an existing folder for the split files and the peers' script
     * @param onResult called with each result as it is ready
     * @return the results, by seed, protocol and class
     * @throws IllegalArgumentException if the scikit-learn peers are asked for and no Python has
     *     them (checked before any training)
     * @throws IOException if the data cannot be read or a peer fails
     * @throws InterruptedException if interrupted while a peer runs
     */
    public List<Result> run(Path work, Consumer<Result> onResult)
            throws IOException, InterruptedException {
        PythonScript peers =
                settings.sklearn()
                        ? PythonScript.find(
                                settings.python(),
                                "sklearn",
                                "anomaly_peers.py",
                                "on Debian: apt-get install python3-sklearn",
                                work)
                        : null;
        List<Result> results = new ArrayList<>();
        for (long seed : settings.seeds()) {
            for (Protocol protocol : settings.protocols()) {
                for (int c : settings.classes()) {
                    Result result = run(protocol, c, seed, peers, work);
                    onResult.accept(result);
                    results.add(result);
                }
            }
        }
        return results;
    }

    private Result run(Protocol protocol, int c, long seed, PythonScript peers, Path work)
            throws IOException, InterruptedException {
        AnomalyTask task = settings.task();
        AnomalyTask.Split split = task.split(protocol, c, seed, settings.data());
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + c * 31L + protocol.ordinal());
        MutableDataset<Event> train =
                subsample(split.trainSet(), settings.trainLimit(), rng, "train");
        MutableDataset<Event> test = subsample(split.testSet(), settings.testLimit(), rng, "test");
        for (Example<Event> example : train) {
            if (example.getOutput().getType() != Event.EventType.EXPECTED) {
                throw new IllegalStateException("A training split holds an anomaly: " + split);
            }
        }
        AnomalyRanking.checkRankable(test);
        List<Method> methods = new ArrayList<>();
        methods.add(ours(train, test, seed));
        methods.add(libSvm(train, test, rng, seed));
        if (peers != null) {
            methods.addAll(sklearn(peers, train, test, seed, work, task, protocol, c));
        }
        int anomalies = 0;
        for (Example<Event> example : test) {
            anomalies += example.getOutput().getType() == Event.EventType.ANOMALOUS ? 1 : 0;
        }
        return new Result(
                task,
                protocol,
                c,
                seed,
                train.size(),
                test.size(),
                anomalies,
                List.copyOf(methods));
    }

    private Method ours(MutableDataset<Event> train, MutableDataset<Event> test, long seed) {
        long begin = System.nanoTime();
        try (EnergyAnomalyModel model = trainers.apply(seed).train(train)) {
            return scored(OURS, model, test, begin, "seed " + seed);
        }
    }

    /** Times the scoring of the test set and gathers a method's figures. */
    private static Method scored(
            String name, Model<Event> model, MutableDataset<Event> test, long trainBegin, String setting) {
        double trainSeconds = (System.nanoTime() - trainBegin) / 1e9;
        long begin = System.nanoTime();
        AnomalyRanking ranking = AnomalyRanking.evaluate(model, test);
        double scoreSeconds = (System.nanoTime() - begin) / 1e9;
        return new Method(
                name, ranking.auroc(), ranking.auprc(), trainSeconds, scoreSeconds, setting);
    }

    private Method libSvm(
            MutableDataset<Event> train, MutableDataset<Event> test, SplittableRandom rng, long seed) {
        long begin = System.nanoTime();
        double scale = 1 / (settings.task().featureNames().length * variance(train));
        List<Example<Event>> selection = new ArrayList<>();
        train.forEach(selection::add);
        shuffle(selection, rng);
        selection = selection.subList(0, Math.min(selection.size(), settings.svmSelectionLimit()));
        int validationSize = Math.max(1, selection.size() / 5);
        MutableDataset<Event> fit = dataset(selection.subList(validationSize, selection.size()), "svm fit");
        List<Example<Event>> validation = selection.subList(0, validationSize);
        double nu = settings.svmNu();
        double tolerance = nu + 3 * Math.sqrt(nu * (1 - nu) / validationSize);
        double[] factors = settings.svmGammaFactors().clone();
        Arrays.sort(factors);
        double chosen = factors[0] * scale;
        for (double factor : factors) {
            double gamma = factor * scale;
            Model<Event> candidate = svm(gamma, seed).train(fit);
            int rejected = 0;
            for (Example<Event> example : validation) {
                rejected +=
                        candidate.predict(example).getOutput().getType()
                                        == Event.EventType.ANOMALOUS
                                ? 1
                                : 0;
            }
            double rate = rejected / (double) validationSize;
            logger.info(
                    "LibSVM gamma {} ({} x scale): {} of held-out normal examples rejected",
                    gamma,
                    factor,
                    rate);
            if (rate <= tolerance) {
                chosen = gamma;
            }
        }
        Model<Event> model = svm(chosen, seed).train(train);
        return scored(
                LIBSVM,
                model,
                test,
                begin,
                String.format(
                        Locale.ROOT,
                        "gamma %.4g (%.3g x scale), nu %s",
                        chosen,
                        chosen / scale,
                        nu));
    }

    private LibSVMAnomalyTrainer svm(double gamma, long seed) {
        SVMParameters<Event> parameters =
                new SVMParameters<>(
                        new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
        parameters.setGamma(gamma);
        parameters.setNu(settings.svmNu());
        return new LibSVMAnomalyTrainer(parameters, seed);
    }

    private List<Method> sklearn(
            PythonScript peers,
            MutableDataset<Event> train,
            MutableDataset<Event> test,
            long seed,
            Path work,
            AnomalyTask task,
            Protocol protocol,
            int c)
            throws IOException, InterruptedException {
        Path folder = Files.createDirectories(work.resolve("splits"));
        String stem =
                String.format(
                        Locale.ROOT,
                        "%s-%s-class%d-seed%d",
                        task.id(),
                        protocol.name().toLowerCase(Locale.ROOT),
                        c,
                        seed);
        Path trainFile = writeCsv(train, folder.resolve(stem + "-train.csv"));
        Path testFile = writeCsv(test, folder.resolve(stem + "-test.csv"));
        String output;
        try {
            output =
                    peers.run(
                            List.of(
                                    trainFile.toString(),
                                    testFile.toString(),
                                    Long.toString(seed),
                                    Double.toString(settings.svmNu())));
        } finally {
            if (!settings.keepSplits()) {
                Files.deleteIfExists(trainFile);
                Files.deleteIfExists(testFile);
            }
        }
        String json = output.strip();
        json = json.substring(json.lastIndexOf('\n') + 1);
        JsonObject report;
        try {
            report = JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException("anomaly_peers.py printed no report: " + output, e);
        }
        String version = report.get("sklearn").getAsString();
        List<Method> methods = new ArrayList<>();
        JsonArray rows = report.getAsJsonArray("methods");
        for (JsonElement element : rows) {
            JsonObject row = element.getAsJsonObject();
            methods.add(
                    new Method(
                            row.get("name").getAsString(),
                            row.get("auroc").getAsDouble(),
                            row.get("auprc").getAsDouble(),
                            row.get("train_seconds").getAsDouble(),
                            row.get("score_seconds").getAsDouble(),
                            "scikit-learn " + version + " defaults"));
        }
        return methods;
    }

    /** Writes the examples as CSV: the label (1 = anomalous), then every feature in order. */
    private Path writeCsv(MutableDataset<Event> dataset, Path file) throws IOException {
        String[] names = settings.task().featureNames();
        Map<String, Integer> column = columns(names);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write("anomalous," + String.join(",", names));
            out.newLine();
            double[] row = new double[names.length];
            StringBuilder line = new StringBuilder();
            for (Example<Event> example : dataset) {
                dense(example, column, row);
                line.setLength(0);
                line.append(example.getOutput().getType() == Event.EventType.ANOMALOUS ? '1' : '0');
                for (double value : row) {
                    line.append(',').append(value == 0 ? "0" : Double.toString(value));
                }
                out.write(line.toString());
                out.newLine();
            }
        }
        return Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, Integer> columns(String[] names) {
        Map<String, Integer> column = new HashMap<>();
        for (int j = 0; j < names.length; j++) {
            column.put(names[j], j);
        }
        return column;
    }

    private static void dense(Example<Event> example, Map<String, Integer> column, double[] row) {
        Arrays.fill(row, 0);
        for (Feature feature : example) {
            Integer j = column.get(feature.getName());
            if (j == null) {
                throw new IllegalStateException("Unexpected feature " + feature.getName());
            }
            row[j] = feature.getValue();
        }
    }

    /** The variance of every value of the training matrix, absent features counting as 0. */
    private double variance(MutableDataset<Event> train) {
        String[] names = settings.task().featureNames();
        Map<String, Integer> column = columns(names);
        double[] row = new double[names.length];
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (Example<Event> example : train) {
            dense(example, column, row);
            for (double value : row) {
                sum += value;
                squares += value * value;
                count++;
            }
        }
        double mean = sum / count;
        double variance = squares / count - mean * mean;
        if (!(variance > 0)) {
            throw new IllegalArgumentException("The training examples are all equal");
        }
        return variance;
    }

    private MutableDataset<Event> subsample(
            MutableDataset<Event> data, int limit, SplittableRandom rng, String part) {
        if (data.size() <= limit) {
            return data;
        }
        List<Example<Event>> examples = new ArrayList<>();
        data.forEach(examples::add);
        shuffle(examples, rng);
        return dataset(
                examples.subList(0, limit),
                part + ": a seeded subsample of " + limit + " of " + data.getSourceProvenance());
    }

    private static MutableDataset<Event> dataset(List<Example<Event>> examples, String description) {
        MutableDataset<Event> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance(description, FACTORY), FACTORY);
        examples.forEach(dataset::add);
        return dataset;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /**
     * Formats results as tables: per task and protocol, each method's AUROC per class (the mean
     * over seeds; ours also with its range), the means, the best peer; then the same for AUPRC and
     * each method's mean training and scoring seconds.
     *
     * @param results the results
     * @return the tables
     */
    public static String table(List<Result> results) {
        StringBuilder sb = new StringBuilder();
        for (AnomalyTask task : AnomalyTask.values()) {
            for (Protocol protocol : Protocol.values()) {
                List<Result> rows =
                        results.stream()
                                .filter(r -> r.task() == task && r.protocol() == protocol)
                                .toList();
                if (!rows.isEmpty()) {
                    table(sb, task, protocol, rows);
                }
            }
        }
        return sb.toString();
    }

    private static void table(
            StringBuilder sb, AnomalyTask task, Protocol protocol, List<Result> rows) {
        List<String> methods = rows.get(0).methods().stream().map(Method::name).toList();
        Map<Integer, List<Result>> byClass = new LinkedHashMap<>();
        for (Result r : rows) {
            byClass.computeIfAbsent(r.normalOrHeldOutClass(), k -> new ArrayList<>()).add(r);
        }
        long seeds = rows.stream().mapToLong(Result::seed).distinct().count();
        sb.append(
                String.format(
                        Locale.ROOT,
                        "%s, %s (%s), %d seed(s); mean over seeds, ours also min-max%n",
                        task.id(),
                        protocol == Protocol.ONE_CLASS
                                ? "one-class: train on normal examples of the class, test on all"
                                : "held-out class: train on the others, the class anomalous",
                        rows.get(0).trainSize() + " training / " + rows.get(0).testSize() + " test",
                        seeds));
        for (String figure : List.of("AUROC", "AUPRC")) {
            ToDoubleFunction<Method> value =
                    figure.equals("AUROC") ? Method::auroc : Method::auprc;
            sb.append(String.format(Locale.ROOT, "%-5s %-13s %-6s %-13s", figure, "class", "ours", "ours range"));
            for (String m : methods.subList(1, methods.size())) {
                sb.append(String.format(Locale.ROOT, " %-9s", abbreviate(m)));
            }
            sb.append(String.format(Locale.ROOT, " %s%n", "best peer"));
            double[] sums = new double[methods.size()];
            double rangeSum = 0;
            for (Map.Entry<Integer, List<Result>> entry : byClass.entrySet()) {
                List<Result> perSeed = entry.getValue();
                double[] means = new double[methods.size()];
                for (int k = 0; k < methods.size(); k++) {
                    String m = methods.get(k);
                    means[k] =
                            perSeed.stream()
                                    .mapToDouble(r -> value.applyAsDouble(r.method(m)))
                                    .average()
                                    .orElseThrow();
                    sums[k] += means[k];
                }
                double min =
                        perSeed.stream()
                                .mapToDouble(r -> value.applyAsDouble(r.method(OURS)))
                                .min()
                                .orElseThrow();
                double max =
                        perSeed.stream()
                                .mapToDouble(r -> value.applyAsDouble(r.method(OURS)))
                                .max()
                                .orElseThrow();
                rangeSum += max - min;
                sb.append(
                        String.format(
                                Locale.ROOT,
                                "      %-13s %.4f %.4f-%.4f",
                                truncate(task.className(entry.getKey()), 13),
                                means[0],
                                min,
                                max));
                appendPeers(sb, methods, means);
            }
            int n = byClass.size();
            double[] means = Arrays.stream(sums).map(s -> s / n).toArray();
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "      %-13s %.4f range %.4f",
                            "mean",
                            means[0],
                            rangeSum / n));
            appendPeers(sb, methods, means);
        }
        sb.append("mean seconds, train / score:");
        for (String m : methods) {
            double train =
                    rows.stream().mapToDouble(r -> r.method(m).trainSeconds()).average().orElseThrow();
            double score =
                    rows.stream().mapToDouble(r -> r.method(m).scoreSeconds()).average().orElseThrow();
            sb.append(String.format(Locale.ROOT, " %s %.1f / %.2f;", m, train, score));
        }
        sb.append(System.lineSeparator()).append(System.lineSeparator());
    }

    private static void appendPeers(StringBuilder sb, List<String> methods, double[] means) {
        int best = -1;
        for (int k = 1; k < methods.size(); k++) {
            sb.append(String.format(Locale.ROOT, " %-9.4f", means[k]));
            if (best < 0 || means[k] > means[best]) {
                best = k;
            }
        }
        sb.append(
                best < 0
                        ? System.lineSeparator()
                        : String.format(
                                Locale.ROOT,
                                " %s %+.4f%n",
                                abbreviate(methods.get(best)),
                                means[0] - means[best]));
    }

    private static String abbreviate(String method) {
        return switch (method) {
            case "IsolationForest" -> "IForest";
            case "OneClassSVM" -> "skOCSVM";
            case "LocalOutlierFactor" -> "LOF";
            default -> method;
        };
    }

    private static String truncate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width);
    }
}
