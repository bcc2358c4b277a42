/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.metrics;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import io.github.energygan.model.ModelDirectories;
import io.github.energygan.model.ModelManifest;
import io.github.energygan.util.RandomStream;
import io.github.energygan.util.SeededInitialization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * A small convolutional classifier of single-channel images whose penultimate layer is the feature
 * space of the image-quality metrics ({@link ImageQualityEvaluation}): FID, KID, density and
 * coverage are distances between sets of these features, and the class histogram counts its
 * predictions.
 *
 * <p>The network is {@code conv 3×3 (32) → ReLU → max-pool 2 → conv 3×3 (64) → ReLU → max-pool 2 →
 * dense (128) → ReLU} (the features) {@code → dense (classes)} (the logits), trained with softmax
 * cross-entropy and Adam. Everything random, the initial weights and the minibatch order, flows from
 * the seed given to {@link #train}, so the same seed on the same engine builds the same classifier.
 *
 * <p>Feature spaces of different classifiers are not comparable, so figures are only comparable
 * when they come from the same classifier: {@link #getDigest} identifies it, and every report
 * carries it. A saved classifier is a directory of {@value #MANIFEST_FILE} (architecture, training
 * settings, test accuracy and the SHA-256 of the weights) and {@value #PARAMETER_FILE}; {@link
 * #load} checks the digest before it reads a weight.
 */
public final class ImageClassifier implements AutoCloseable {

    /** Width of the feature layer. */
    public static final int FEATURES = 128;

    /** The manifest's file name in a saved classifier's directory. */
    public static final String MANIFEST_FILE = "classifier.json";

    /** The weights' file name in a saved classifier's directory. */
    public static final String PARAMETER_FILE = "classifier.params";

    private static final Logger logger = LoggerFactory.getLogger(ImageClassifier.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private static final int BATCH = 1_000;
    private static final long SALT_INITIALISATION = 0x636C6173L;
    private static final long SALT_ORDER = 0x6F726465L;

    private final Model model;
    private final SequentialBlock features;
    private final Manifest manifest;

    /**
     * What a classifier is and how it was made.
     *
     * @param format the manifest's format
     * @param imageShape {@code (1, height, width)}
     * @param classes the number of classes
     * @param settings how it was trained
     * @param trainingImages how many images it was trained on
     * @param testAccuracy its accuracy on the held-out images given to {@link #train}; NaN if none
     * @param sha256 the digest of the weights file
     */
    public record Manifest(
            int format,
            long[] imageShape,
            int classes,
            Settings settings,
            long trainingImages,
            double testAccuracy,
            String sha256) {

        /** The manifest format this version reads and writes. */
        public static final int FORMAT = 1;

        @Override
        public boolean equals(Object o) {
            return o instanceof Manifest m
                    && format == m.format
                    && Arrays.equals(imageShape, m.imageShape)
                    && classes == m.classes
                    && settings.equals(m.settings)
                    && trainingImages == m.trainingImages
                    && Double.compare(testAccuracy, m.testAccuracy) == 0
                    && sha256.equals(m.sha256);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(imageShape) + sha256.hashCode();
        }

        @Override
        public String toString() {
            return String.format(
                    "Manifest[imageShape=%s, classes=%d, settings=%s, trainingImages=%d,"
                            + " testAccuracy=%.4f, sha256=%s]",
                    Arrays.toString(imageShape),
                    classes,
                    settings,
                    trainingImages,
                    testAccuracy,
                    sha256);
        }
    }

    /**
     * How {@link #train} trains.
     *
     * @param epochs passes over the training images, {@code >= 1}
     * @param batchSize minibatch size, {@code >= 1}
     * @param learningRate Adam's learning rate, {@code > 0}
     * @param seed the seed of the initial weights and of the minibatch order
     */
    public record Settings(int epochs, int batchSize, float learningRate, long seed) {

        /** Five epochs of minibatches of 128 at learning rate 0.001, seed 0. */
        public static final Settings DEFAULT = new Settings(5, 128, 1e-3f, 0L);

        /**
         * Checks the settings.
         *
         * @throws IllegalArgumentException naming the setting out of range
         */
        public Settings {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
            }
            if (!(learningRate > 0f) || Float.isInfinite(learningRate)) {
                throw new IllegalArgumentException(
                        "learningRate must be finite and > 0, got " + learningRate);
            }
        }

        /**
         * Returns these settings with another seed.
         *
         * @param newSeed the seed
         * @return the settings
         */
        public Settings withSeed(long newSeed) {
            return new Settings(epochs, batchSize, learningRate, newSeed);
        }

        /**
         * Returns these settings with another number of epochs.
         *
         * @param newEpochs {@code >= 1}
         * @return the settings
         */
        public Settings withEpochs(int newEpochs) {
            return new Settings(newEpochs, batchSize, learningRate, seed);
        }
    }

    private ImageClassifier(Model model, SequentialBlock features, Manifest manifest) {
        this.model = model;
        this.features = features;
        this.manifest = manifest;
    }

    /**
     * Trains a classifier.
     *
     * @param images training images {@code (n, 1, height, width)}, any range (the data's own)
     * @param labels {@code (n)} integer labels in {@code 0..classes-1}
     * @param testImages held-out images for the reported accuracy, or null
     * @param testLabels their labels, or null
     * @param classes the number of classes, {@code >= 2}
     * @param settings the training settings
     * @param onEpoch called with each finished epoch's number (for progress), or null
     * @return the trained classifier; the caller closes it
     * @throws IllegalArgumentException if the shapes or labels do not fit, before any training
     */
    public static ImageClassifier train(
            NDArray images,
            NDArray labels,
            NDArray testImages,
            NDArray testLabels,
            int classes,
            Settings settings,
            IntConsumer onEpoch) {
        Shape imageShape = checkImages(images, "training images");
        checkLabels(labels, images, classes, "training");
        if ((testImages == null) != (testLabels == null)) {
            throw new IllegalArgumentException("Give both test images and test labels, or neither");
        }
        if (testImages != null) {
            if (!checkImages(testImages, "test images").equals(imageShape)) {
                throw new IllegalArgumentException(
                        "Test images "
                                + testImages.getShape()
                                + " must have the training images' shape "
                                + imageShape);
            }
            checkLabels(testLabels, testImages, classes, "test");
        }
        int n = Math.toIntExact(images.getShape().get(0));
        SequentialBlock featureBlock = featureBlock();
        SequentialBlock network =
                new SequentialBlock()
                        .add(featureBlock)
                        .add(Linear.builder().setUnits(classes).build());
        Model model = Model.newInstance("image-classifier", "PyTorch");
        try {
            model.setBlock(network);
            Shape input = new Shape(1).addAll(imageShape);
            SeededInitialization.initialize(
                    network,
                    model.getNDManager(),
                    DataType.FLOAT32,
                    RandomStream.derivedSeed(settings.seed(), SALT_INITIALISATION, 0),
                    input);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(
                                                    Tracker.fixed(settings.learningRate()))
                                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                    long[] order =
                            RandomStream.shuffledIndices(
                                    new SplittableRandom(
                                            RandomStream.derivedSeed(
                                                    settings.seed(), SALT_ORDER, epoch)),
                                    n);
                    double lossSum = 0;
                    for (int start = 0; start < n; start += settings.batchSize()) {
                        int end = Math.min(n, start + settings.batchSize());
                        try (NDManager step = images.getManager().newSubManager()) {
                            NDArray index = step.create(Arrays.copyOfRange(order, start, end));
                            NDArray x = images.get(index);
                            NDArray rawLabels = labels.get(index);
                            x.attach(step);
                            rawLabels.attach(step);
                            NDArray y = rawLabels.toType(DataType.INT64, false);
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                                NDArray loss =
                                        trainer.getLoss()
                                                .evaluate(new NDList(y), new NDList(logits));
                                collector.backward(loss);
                                lossSum += loss.getFloat() * (end - start);
                            }
                            trainer.step();
                        }
                    }
                    logger.info(
                            "Classifier epoch {}/{}: mean training loss {}",
                            epoch + 1,
                            settings.epochs(),
                            String.format("%.4f", lossSum / n));
                    if (onEpoch != null) {
                        onEpoch.accept(epoch + 1);
                    }
                }
            }
            ImageClassifier unfinished =
                    new ImageClassifier(
                            model,
                            featureBlock,
                            new Manifest(
                                    Manifest.FORMAT,
                                    imageShape.getShape(),
                                    classes,
                                    settings,
                                    n,
                                    Double.NaN,
                                    ""));
            double accuracy =
                    testImages == null ? Double.NaN : unfinished.accuracy(testImages, testLabels);
            byte[] weights = unfinished.weightBytes();
            return new ImageClassifier(
                    model,
                    featureBlock,
                    new Manifest(
                            Manifest.FORMAT,
                            imageShape.getShape(),
                            classes,
                            settings,
                            n,
                            accuracy,
                            sha256(weights)));
        } catch (IOException e) {
            model.close();
            throw new IllegalStateException("Cannot serialise the classifier's weights", e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Loads a classifier saved by {@link #save}.
     *
     * @param directory the directory
     * @return the classifier; the caller closes it
     * @throws IOException if a file cannot be read
     * @throws MalformedModelException if the manifest is invalid or the weights do not match its
     *     digest; nothing is loaded then
     */
    public static ImageClassifier load(Path directory) throws IOException, MalformedModelException {
        Path manifestFile = directory.resolve(MANIFEST_FILE);
        Path weightsFile = directory.resolve(PARAMETER_FILE);
        for (Path file : new Path[] {manifestFile, weightsFile}) {
            if (!Files.isRegularFile(file)) {
                throw new IOException(
                        "A saved classifier needs "
                                + file.toAbsolutePath()
                                + "; give the directory that `energy-gan classifier` wrote");
            }
        }
        return fromBytes(
                Files.readString(manifestFile, StandardCharsets.UTF_8),
                Files.readAllBytes(weightsFile),
                directory.toAbsolutePath().toString());
    }

    /**
     * Builds a classifier from a manifest and its weights, checking the weights' digest first.
     *
     * @param manifestJson the manifest, as {@link #save} writes it
     * @param weights the weights file's bytes
     * @param source where they came from, for messages
     * @return the classifier; the caller closes it
     * @throws MalformedModelException if the manifest is invalid or the weights do not match it
     */
    public static ImageClassifier fromBytes(String manifestJson, byte[] weights, String source)
            throws MalformedModelException {
        Manifest manifest;
        try {
            manifest = GSON.fromJson(manifestJson, Manifest.class);
        } catch (JsonParseException e) {
            throw new MalformedModelException(
                    "The classifier manifest of " + source + " is not valid JSON", e);
        }
        if (manifest == null
                || manifest.format() != Manifest.FORMAT
                || manifest.imageShape() == null
                || manifest.imageShape().length != 3
                || manifest.imageShape()[0] != 1
                || manifest.classes() < 2
                || manifest.settings() == null
                || manifest.sha256() == null) {
            throw new MalformedModelException(
                    "The classifier manifest of "
                            + source
                            + " must give format "
                            + Manifest.FORMAT
                            + ", a (1, height, width) imageShape, >= 2 classes, the training"
                            + " settings and the weights' sha256; got "
                            + manifest);
        }
        String actual = sha256(weights);
        if (!actual.equals(manifest.sha256())) {
            throw new MalformedModelException(
                    "The classifier weights of "
                            + source
                            + " have SHA-256 "
                            + actual
                            + ", but the manifest expects "
                            + manifest.sha256()
                            + "; the files do not belong together or were damaged");
        }
        SequentialBlock featureBlock = featureBlock();
        SequentialBlock network =
                new SequentialBlock()
                        .add(featureBlock)
                        .add(Linear.builder().setUnits(manifest.classes()).build());
        Model model = Model.newInstance("image-classifier", "PyTorch");
        try {
            model.setBlock(network);
            network.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1).addAll(new Shape(manifest.imageShape())));
            network.loadParameters(
                    model.getNDManager(), new DataInputStream(new ByteArrayInputStream(weights)));
            return new ImageClassifier(model, featureBlock, manifest);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw new MalformedModelException(
                    "Cannot read the classifier weights of " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves the classifier into a directory, atomically: the directory holds either its earlier
     * content or this classifier, never a mix.
     *
     * @param directory the directory, created or replaced
     * @throws IOException if it cannot be written
     */
    public void save(Path directory) throws IOException {
        byte[] weights = weightBytes();
        String json = GSON.toJson(manifest);
        ModelDirectories.replace(
                directory,
                staging -> {
                    Files.write(staging.resolve(PARAMETER_FILE), weights);
                    Files.writeString(staging.resolve(MANIFEST_FILE), json, StandardCharsets.UTF_8);
                });
    }

    /**
     * Returns the manifest.
     *
     * @return what this classifier is
     */
    public Manifest getManifest() {
        return manifest;
    }

    /**
     * Returns the SHA-256 of the weights, which identifies the feature space.
     *
     * @return lower-case hex
     */
    public String getDigest() {
        return manifest.sha256();
    }

    /**
     * Computes the features of images, in batches.
     *
     * @param images {@code (n, 1, height, width)} of the classifier's shape
     * @return {@code (n, 128)} float32, in the images' manager
     * @throws IllegalArgumentException if the shape does not fit
     */
    public NDArray features(NDArray images) {
        return apply(images, features, FEATURES);
    }

    /**
     * Computes the logits of images, in batches.
     *
     * @param images {@code (n, 1, height, width)} of the classifier's shape
     * @return {@code (n, classes)} float32, in the images' manager
     * @throws IllegalArgumentException if the shape does not fit
     */
    public NDArray logits(NDArray images) {
        return apply(images, model.getBlock(), manifest.classes());
    }

    /**
     * Predicts each image's class.
     *
     * @param images {@code (n, 1, height, width)}
     * @return {@code (n)} int64 labels, in the images' manager
     */
    public NDArray predict(NDArray images) {
        try (NDArray logits = logits(images)) {
            return logits.argMax(1);
        }
    }

    /**
     * Measures the accuracy on labelled images.
     *
     * @param images {@code (n, 1, height, width)}
     * @param labels {@code (n)}
     * @return the fraction predicted right
     */
    public double accuracy(NDArray images, NDArray labels) {
        checkLabels(labels, images, manifest.classes(), "evaluation");
        try (NDManager scope = images.getManager().newSubManager()) {
            NDArray predicted = predict(images);
            predicted.attach(scope);
            NDArray expected = labels.toType(DataType.INT64, true);
            expected.attach(scope);
            NDArray right = predicted.eq(expected);
            return right.toType(DataType.FLOAT64, false).mean().getDouble();
        }
    }

    private NDArray apply(NDArray images, ai.djl.nn.Block block, int width) {
        Shape shape = checkImages(images, "images");
        if (!shape.equals(new Shape(manifest.imageShape()))) {
            throw new IllegalArgumentException(
                    "The classifier takes images of shape "
                            + new Shape(manifest.imageShape())
                            + ", got "
                            + shape);
        }
        NDManager manager = images.getManager();
        long n = images.getShape().get(0);
        NDArray result = manager.zeros(new Shape(n, width));
        ParameterStore store = new ParameterStore(manager, false);
        for (long start = 0; start < n; start += BATCH) {
            long end = Math.min(n, start + BATCH);
            try (NDManager batch = manager.newSubManager()) {
                NDArray slice = images.get("{}:{}", start, end);
                slice.attach(batch);
                NDArray x = slice.toType(DataType.FLOAT32, false);
                NDArray out = block.forward(store, new NDList(x), false).singletonOrThrow();
                result.set(new ai.djl.ndarray.index.NDIndex("{}:{}", start, end), out);
            }
        }
        return result;
    }

    private byte[] weightBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        }
        return bytes.toByteArray();
    }

    private static SequentialBlock featureBlock() {
        return new SequentialBlock()
                .add(convolution(32))
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convolution(64))
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(FEATURES).build())
                .add(Activation::relu);
    }

    /** A 3×3 convolution that keeps the image size. */
    private static Conv2d convolution(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .build();
    }

    private static Shape checkImages(NDArray images, String what) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || shape.get(0) < 1 || shape.get(1) != 1) {
            throw new IllegalArgumentException(
                    "The "
                            + what
                            + " must be (n >= 1, 1, height, width), one channel; got "
                            + shape);
        }
        return shape.slice(1);
    }

    private static void checkLabels(NDArray labels, NDArray images, int classes, String what) {
        if (classes < 2) {
            throw new IllegalArgumentException("A classifier needs >= 2 classes, got " + classes);
        }
        if (labels.getShape().dimension() != 1
                || labels.getShape().get(0) != images.getShape().get(0)) {
            throw new IllegalArgumentException(
                    "The "
                            + what
                            + " labels must be one per image, shape ("
                            + images.getShape().get(0)
                            + "), got "
                            + labels.getShape());
        }
        try (NDManager scope = labels.getManager().newSubManager()) {
            NDArray asLong = labels.toType(DataType.INT64, true);
            asLong.attach(scope);
            long low = asLong.min().getLong();
            long high = asLong.max().getLong();
            if (low < 0 || high >= classes) {
                throw new IllegalArgumentException(
                        "The "
                                + what
                                + " labels must lie in 0.."
                                + (classes - 1)
                                + ", got "
                                + low
                                + ".."
                                + high);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return ModelManifest.sha256(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@inheritDoc} */
    @Override
    public void close() {
        model.close();
    }
}
