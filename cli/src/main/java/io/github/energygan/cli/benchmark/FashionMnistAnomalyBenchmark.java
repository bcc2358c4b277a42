/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli.benchmark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.DataType;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.tribuo.EnergyAnomalyModel;
import io.github.energygan.tribuo.EnergyAnomalyTrainer;
import io.github.energygan.tribuo.data.FashionMnistDataSource;
import io.github.energygan.tribuo.evaluation.AnomalyRanking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Our {@link EnergyAnomalyTrainer} beside Tribuo's one-class SVM ({@link LibSVMAnomalyTrainer}, RBF
 * kernel) on Fashion-MNIST pixels in {@code [0, 1]}, under two protocols (one class normal, or one class anomalous), each
 * method on exactly the same training and test examples:
 *
 * <ul>
 *   <li><b>One-class</b>, per class {@code c}: train on training images of class {@code c}; test on
 *       the test set, class {@code c} EXPECTED, the other nine ANOMALOUS; AUROC (and AUPRC). The
 *       SVM's {@code γ} is chosen on a validation split of the <i>training</i> set: a fifth of the
 *       class's training images (of the first {@link Settings#svmSelectionLimit} of them) held out
 *       as normal, as many training images of the other classes as anomalies; the best by
 *       validation AUROC is refitted on all the training images.
 *   <li><b>Held-out class</b>, per class {@code c}: pool the training and test sets, remove class
 *       {@code c}, shuffle (seeded), train on 80 % of the rest, test on the other 20 % plus every
 *       image of class {@code c}, which is the positive (ANOMALOUS) class; AUPRC and AUROC. No
 *       anomaly is available before the test here, so the SVM's {@code γ} is set by the median
 *       heuristic ({@code γ = 1 / median ||x − x'||²} over training pairs) instead.
 * </ul>
 *
 * <p>Both methods use {@code ν = 0.1}-like thresholds (the SVM's {@code ν}, our contamination); the
 * ranking figures do not depend on them. {@link Settings#trainLimit} and {@link Settings#testLimit}
 * subsample (seeded) to keep the SVM, whose training is quadratic in the number of examples, and
 * the run's length in check.
 */
public final class FashionMnistAnomalyBenchmark {

    private static final Logger logger =
            LoggerFactory.getLogger(FashionMnistAnomalyBenchmark.class);

    private static final AnomalyFactory FACTORY = new AnomalyFactory();
    private static final int PIXELS = FashionMnistDataSource.FEATURES;
    private static final String[] NAMES = FashionMnistDataSource.featureNames();

    /** The two protocols. */
    public enum Protocol {
        /** Train on one class, test on all: AUROC per class. */
        ONE_CLASS,
        /** Train on nine classes, the tenth is the anomaly: AUPRC and AUROC per class. */
        HELD_OUT
    }

    /**
     * What to run.
     *
     * @param folder the Fashion-MNIST IDX folder
     * @param classes the classes to run, each in 0–9
     * @param protocols the protocols to run
     * @param trainLimit at most this many training images per model (seeded subsample), > 0
     * @param testLimit at most this many test images per model (seeded subsample), > 0
     * @param svmGammas the SVM's candidate γ for the one-class protocol
     * @param svmSelectionLimit at most this many of a class's training images (the first of the
     *     seeded subsample) take part in the SVM's choice of γ, > 0; the chosen SVM is refitted on
     *     all {@code trainLimit}
     * @param svmNu the SVM's ν
     * @param seed the seed of every split and subsample
     */
    public record Settings(
            Path folder,
            int[] classes,
            List<Protocol> protocols,
            int trainLimit,
            int testLimit,
            double[] svmGammas,
            int svmSelectionLimit,
            double svmNu,
            long seed) {

        /**
         * Checks the settings.
         *
         * @throws IllegalArgumentException naming the setting out of range
         */
        public Settings {
            Objects.requireNonNull(folder, "folder");
            if (classes == null || classes.length == 0) {
                throw new IllegalArgumentException("Give at least one class");
            }
            for (int c : classes) {
                if (c < 0 || c > 9) {
                    throw new IllegalArgumentException("Classes are 0-9, got " + c);
                }
            }
            if (protocols == null || protocols.isEmpty()) {
                throw new IllegalArgumentException("Give at least one protocol");
            }
            if (trainLimit <= 0 || testLimit <= 0) {
                throw new IllegalArgumentException(
                        "trainLimit and testLimit must be > 0, got "
                                + trainLimit
                                + ", "
                                + testLimit);
            }
            if (svmGammas == null || svmGammas.length == 0) {
                throw new IllegalArgumentException("Give at least one SVM gamma");
            }
            if (svmSelectionLimit <= 0) {
                throw new IllegalArgumentException(
                        "svmSelectionLimit must be > 0, got " + svmSelectionLimit);
            }
            if (!(svmNu > 0 && svmNu <= 1)) {
                throw new IllegalArgumentException("svmNu must be in (0, 1], got " + svmNu);
            }
            classes = classes.clone();
            protocols = List.copyOf(protocols);
            svmGammas = svmGammas.clone();
        }
    }

    /**
     * One class under one protocol: both methods' figures on the same test set.
     *
     * @param protocol the protocol
     * @param heldOutOrNormalClass the normal class (one-class) or the held-out class
     * @param energy our model's figures
     * @param svm the one-class SVM's figures
     * @param svmGamma the SVM's γ
     * @param energySeconds our training time
     * @param svmSeconds the SVM's training time, selection included
     * @param trainSize training images
     * @param testSize test images
     */
    public record Result(
            Protocol protocol,
            int heldOutOrNormalClass,
            AnomalyRanking energy,
            AnomalyRanking svm,
            double svmGamma,
            double energySeconds,
            double svmSeconds,
            int trainSize,
            int testSize) {}

    private final Settings settings;
    private final EnergyAnomalyTrainer trainer;
    private float[] trainPixels;
    private int[] trainLabels;
    private float[] testPixels;
    private int[] testLabels;

    /**
     * Creates the benchmark.
     *
     * @param settings what to run
     * @param trainer our trainer, as configured for Fashion-MNIST
     */
    public FashionMnistAnomalyBenchmark(Settings settings, EnergyAnomalyTrainer trainer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
    }

    /**
     * Runs every protocol on every class.
     *
     * @param onResult called with each result as it is ready
     * @return the results, by protocol then class
     * @throws IOException if the Fashion-MNIST files are missing (the message says how to install
     *     them) or corrupt
     */
    public List<Result> run(Consumer<Result> onResult) throws IOException {
        load();
        List<Result> results = new ArrayList<>();
        for (Protocol protocol : settings.protocols()) {
            for (int c : settings.classes()) {
                Result result = protocol == Protocol.ONE_CLASS ? oneClass(c) : heldOut(c);
                onResult.accept(result);
                results.add(result);
            }
        }
        return results;
    }

    private void load() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionMnist train =
                    FashionMnist.builder()
                            .setManager(manager)
                            .optFolder(settings.folder())
                            .optUsage(FashionMnist.Usage.TRAIN)
                            .build();
            FashionMnist test =
                    FashionMnist.builder()
                            .setManager(manager)
                            .optFolder(settings.folder())
                            .optUsage(FashionMnist.Usage.TEST)
                            .build();
            trainPixels = train.getImages().add(1f).div(2f).toFloatArray();
            trainLabels = train.getLabels().toType(DataType.INT32, false).toIntArray();
            testPixels = test.getImages().add(1f).div(2f).toFloatArray();
            testLabels = test.getLabels().toType(DataType.INT32, false).toIntArray();
        }
    }

    private Result oneClass(int c) {
        SplittableRandom rng = new SplittableRandom(settings.seed() * 31 + c);
        int[] normal = limit(shuffled(where(trainLabels, l -> l == c), rng), settings.trainLimit());
        // Test images by pooled id: they follow the 60,000 training images.
        int[] test =
                limit(
                        shuffled(
                                IntStream.range(0, testLabels.length)
                                        .map(i -> i + trainLabels.length)
                                        .toArray(),
                                rng),
                        settings.testLimit());
        IntPredicate otherClass = label -> label != c;
        MutableDataset<Event> train = dataset("one-class " + c + " train", normal, otherClass);
        MutableDataset<Event> testSet = dataset("one-class " + c + " test", test, otherClass);

        // The SVM's validation split: a fifth of the class's training images (of at most
        // svmSelectionLimit, as the SVM's training is quadratic), and as many training images of
        // other classes; the test set is never looked at.
        int[] selection = limit(normal, settings.svmSelectionLimit());
        int validationSize = Math.max(1, selection.length / 5);
        int[] fit = Arrays.copyOfRange(selection, validationSize, selection.length);
        int[] validationNormal = Arrays.copyOfRange(selection, 0, validationSize);
        int[] others = limit(shuffled(where(trainLabels, l -> l != c), rng), validationSize);
        int[] validation =
                IntStream.concat(Arrays.stream(validationNormal), Arrays.stream(others)).toArray();
        MutableDataset<Event> fitSet = dataset("one-class " + c + " svm fit", fit, otherClass);
        MutableDataset<Event> validationSet =
                dataset("one-class " + c + " svm validation", validation, otherClass);
        long begin = System.nanoTime();
        double bestGamma = settings.svmGammas()[0];
        double bestAuroc = -1;
        for (double gamma : settings.svmGammas()) {
            Model<Event> candidate = svm(gamma).train(fitSet);
            double auroc = AnomalyRanking.evaluate(candidate, validationSet).auroc();
            logger.info("class {}: SVM gamma {} validation AUROC {}", c, gamma, auroc);
            if (auroc > bestAuroc) {
                bestAuroc = auroc;
                bestGamma = gamma;
            }
        }
        Model<Event> svmModel = svm(bestGamma).train(train);
        double svmSeconds = (System.nanoTime() - begin) / 1e9;
        AnomalyRanking svmRanking = AnomalyRanking.evaluate(svmModel, testSet);
        return withEnergy(Protocol.ONE_CLASS, c, train, testSet, svmRanking, bestGamma, svmSeconds);
    }

    private Result heldOut(int c) {
        SplittableRandom rng = new SplittableRandom(settings.seed() * 31 + 10 + c);
        // Pool: training images first (ids 0..59,999), then test images (60,000..).
        int total = trainLabels.length + testLabels.length;
        int[] rest =
                shuffled(IntStream.range(0, total).filter(i -> pooledLabel(i) != c).toArray(), rng);
        int cut = (int) Math.round(rest.length * 0.8);
        int[] train = limit(Arrays.copyOfRange(rest, 0, cut), settings.trainLimit());
        int[] testNormal = Arrays.copyOfRange(rest, cut, rest.length);
        int[] anomalies = IntStream.range(0, total).filter(i -> pooledLabel(i) == c).toArray();
        int[] test =
                limit(
                        shuffled(
                                IntStream.concat(
                                                Arrays.stream(testNormal), Arrays.stream(anomalies))
                                        .toArray(),
                                rng),
                        settings.testLimit());
        IntPredicate heldOutClass = label -> label == c;
        MutableDataset<Event> trainSet = dataset("held-out " + c + " train", train, heldOutClass);
        MutableDataset<Event> testSet = dataset("held-out " + c + " test", test, heldOutClass);
        long begin = System.nanoTime();
        double gamma = medianHeuristicGamma(train, rng);
        Model<Event> svmModel = svm(gamma).train(trainSet);
        double svmSeconds = (System.nanoTime() - begin) / 1e9;
        AnomalyRanking svmRanking = AnomalyRanking.evaluate(svmModel, testSet);
        return withEnergy(Protocol.HELD_OUT, c, trainSet, testSet, svmRanking, gamma, svmSeconds);
    }

    private Result withEnergy(
            Protocol protocol,
            int c,
            MutableDataset<Event> train,
            MutableDataset<Event> test,
            AnomalyRanking svmRanking,
            double gamma,
            double svmSeconds) {
        long begin = System.nanoTime();
        try (EnergyAnomalyModel model = trainer.train(train)) {
            double energySeconds = (System.nanoTime() - begin) / 1e9;
            AnomalyRanking energyRanking = AnomalyRanking.evaluate(model, test);
            return new Result(
                    protocol,
                    c,
                    energyRanking,
                    svmRanking,
                    gamma,
                    energySeconds,
                    svmSeconds,
                    train.size(),
                    test.size());
        }
    }

    private LibSVMAnomalyTrainer svm(double gamma) {
        SVMParameters<Event> parameters =
                new SVMParameters<>(
                        new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
        parameters.setGamma(gamma);
        parameters.setNu(settings.svmNu());
        return new LibSVMAnomalyTrainer(parameters, settings.seed());
    }

    /** {@code 1 / median ||x − x'||²} over 500 random training pairs. */
    private double medianHeuristicGamma(int[] train, SplittableRandom rng) {
        int pairs = 500;
        float[] first = new float[pairs * PIXELS];
        float[] second = new float[pairs * PIXELS];
        for (int p = 0; p < pairs; p++) {
            int a = train[rng.nextInt(train.length)];
            int b = train[rng.nextInt(train.length)];
            for (int j = 0; j < PIXELS; j++) {
                first[p * PIXELS + j] = pooledPixel(a, j);
                second[p * PIXELS + j] = pooledPixel(b, j);
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(pairs, PIXELS);
            NDArray distances =
                    manager.create(first, shape)
                            .sub(manager.create(second, shape))
                            .square()
                            .sum(new int[] {1})
                            .sort();
            return 1.0 / Math.max(1e-12, distances.getFloat(pairs / 2));
        }
    }

    private int pooledLabel(int i) {
        return i < trainLabels.length ? trainLabels[i] : testLabels[i - trainLabels.length];
    }

    private float pooledPixel(int i, int j) {
        return i < trainLabels.length
                ? trainPixels[i * PIXELS + j]
                : testPixels[(i - trainLabels.length) * PIXELS + j];
    }

    /**
     * Examples by pooled id (the training images, then the test images), ANOMALOUS where {@code
     * anomalous} holds for the image's class, EXPECTED elsewhere.
     */
    private MutableDataset<Event> dataset(String name, int[] ids, IntPredicate anomalous) {
        MutableDataset<Event> dataset =
                new MutableDataset<>(
                        new SimpleDataSourceProvenance("fashion-mnist " + name, FACTORY), FACTORY);
        for (int i : ids) {
            double[] row = new double[PIXELS];
            for (int j = 0; j < PIXELS; j++) {
                row[j] = pooledPixel(i, j);
            }
            Event event =
                    anomalous.test(pooledLabel(i))
                            ? AnomalyFactory.ANOMALOUS_EVENT
                            : AnomalyFactory.EXPECTED_EVENT;
            dataset.add(new ArrayExample<>(event, NAMES, row));
        }
        return dataset;
    }

    private static int[] where(int[] labels, IntPredicate keep) {
        return IntStream.range(0, labels.length).filter(i -> keep.test(labels[i])).toArray();
    }

    private static int[] shuffled(int[] ids, SplittableRandom rng) {
        int[] copy = ids.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return copy;
    }

    private static int[] limit(int[] ids, int limit) {
        return ids.length <= limit ? ids : Arrays.copyOf(ids, limit);
    }

    /**
     * Formats results as a table with per-protocol means.
     *
     * @param results the results
     * @return the table, one line per class and a mean line per protocol
     */
    public static String table(List<Result> results) {
        StringBuilder sb = new StringBuilder();
        for (Protocol protocol : Protocol.values()) {
            List<Result> rows = results.stream().filter(r -> r.protocol() == protocol).toList();
            if (rows.isEmpty()) {
                continue;
            }
            sb.append(
                    protocol == Protocol.ONE_CLASS
                            ? "One-class (train on the class, test on all; anomalies = other"
                                    + " classes)\n"
                            : "Held-out class (train on the other nine; anomaly = the class)\n");
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%-5s %-12s %10s %10s %10s %10s %8s %8s %7s %7s%n",
                            "class",
                            "name",
                            "AUROC ours",
                            "AUROC SVM",
                            "AUPRC ours",
                            "AUPRC SVM",
                            "ours s",
                            "SVM s",
                            "train",
                            "test"));
            double[] sums = new double[4];
            for (Result r : rows) {
                sb.append(
                        String.format(
                                Locale.ROOT,
                                "%-5d %-12s %10.4f %10.4f %10.4f %10.4f %8.1f %8.1f %7d %7d%n",
                                r.heldOutOrNormalClass(),
                                FashionMnist.CLASSES.get(r.heldOutOrNormalClass()),
                                r.energy().auroc(),
                                r.svm().auroc(),
                                r.energy().auprc(),
                                r.svm().auprc(),
                                r.energySeconds(),
                                r.svmSeconds(),
                                r.trainSize(),
                                r.testSize()));
                sums[0] += r.energy().auroc();
                sums[1] += r.svm().auroc();
                sums[2] += r.energy().auprc();
                sums[3] += r.svm().auprc();
            }
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%-18s %10.4f %10.4f %10.4f %10.4f%n%n",
                            "mean",
                            sums[0] / rows.size(),
                            sums[1] / rows.size(),
                            sums[2] / rows.size(),
                            sums[3] / rows.size()));
        }
        return sb.toString();
    }
}
