/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.dataset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017) read from the four IDX files that Debian's {@code
 * dataset-fashion-mnist} package installs in {@value #DEFAULT_FOLDER} (gzipped or not; the folder
 * is configurable), as a DJL dataset of images {@code (1, 28, 28)} scaled to {@code [-1, 1]} (the
 * range of a tanh generator) with their class labels {@code 0..9}.
 *
 * <p>Nothing is downloaded. When the files are missing, the error says how to install them.
 */
public final class FashionMnist extends ArrayDataset {

    /** Where Debian's package puts the files. */
    public static final String DEFAULT_FOLDER = "/usr/share/datasets/fashion-mnist";

    /** The shape of one image. */
    public static final Shape IMAGE_SHAPE = new Shape(1, 28, 28);

    /** The class names, by label. */
    public static final List<String> CLASSES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    private static final int IMAGE_MAGIC = 2051;
    private static final int LABEL_MAGIC = 2049;

    /** Which of the two official parts to read. */
    public enum Usage {
        /** The 60,000 training images. */
        TRAIN("train"),
        /** The 10,000 test images. */
        TEST("t10k");

        private final String prefix;

        Usage(String prefix) {
            this.prefix = prefix;
        }
    }

    private final Usage usage;
    private final int[] classes;

    private FashionMnist(Builder builder, NDArray images, NDArray labels) {
        super(builder);
        this.usage = builder.usage;
        this.classes = builder.classes;
        this.data = new NDArray[] {images};
        this.labels = new NDArray[] {labels};
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the images.
     *
     * @return {@code (size, 1, 28, 28)} in {@code [-1, 1]}, owned by the dataset
     */
    public NDArray getImages() {
        return data[0];
    }

    /**
     * Returns the labels.
     *
     * @return {@code (size)}, int32
     */
    public NDArray getLabels() {
        return labels[0];
    }

    /**
     * Returns which part was read.
     *
     * @return the usage
     */
    public Usage getUsage() {
        return usage;
    }

    /**
     * Returns the classes kept, or all ten when no filter was set.
     *
     * @return the labels kept
     */
    public int[] getClasses() {
        return classes == null ? new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9} : classes.clone();
    }

    /**
     * Checks that a folder holds the four files of the set, before any work that needs them.
     *
     * @param folder the folder
     * @throws IOException naming the first missing file and saying how to install the set
     */
    public static void checkFolder(Path folder) throws IOException {
        for (Usage usage : Usage.values()) {
            locate(folder, usage.prefix + "-images-idx3-ubyte");
            locate(folder, usage.prefix + "-labels-idx1-ubyte");
        }
    }

    /**
     * Finds a file of the set, gzipped or not.
     *
     * @throws IOException naming the folder and saying how to install the files when missing
     */
    static Path locate(Path folder, String name) throws IOException {
        for (Path candidate : new Path[] {folder.resolve(name + ".gz"), folder.resolve(name)}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException(
                "Fashion-MNIST file "
                        + name
                        + "(.gz) not found in "
                        + folder.toAbsolutePath()
                        + "; install Debian's package (apt-get install dataset-fashion-mnist, which"
                        + " puts the files in "
                        + DEFAULT_FOLDER
                        + ") or point the folder option at the four IDX files");
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
        } catch (IOException e) {
            in.close();
            throw new IOException(
                    "Cannot read " + file + ": not a gzip file (" + e.getMessage() + ")", e);
        }
        return new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
    }

    /** Reads an IDX header and checks it: magic number, then the dimensions. */
    private static int[] header(DataInputStream in, Path file, int magic, int dimensions)
            throws IOException {
        int found = in.readInt();
        if (found != magic) {
            throw new IOException(
                    String.format(
                            Locale.ROOT,
                            "%s is not an IDX %s file (magic number %d, expected %d)",
                            file,
                            magic == IMAGE_MAGIC ? "image" : "label",
                            found,
                            magic));
        }
        int[] dims = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            dims[i] = in.readInt();
        }
        return dims;
    }

    /** The builder for {@link FashionMnist}. */
    public static final class Builder extends RandomAccessDataset.BaseBuilder<Builder> {

        private NDManager manager;
        private Path folder = Paths.get(DEFAULT_FOLDER);
        private Usage usage = Usage.TRAIN;
        private int[] classes;
        private int limit = Integer.MAX_VALUE;

        Builder() {
            setSampling(64, true);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the manager that owns the images (required).
         *
         * @param manager the manager
         * @return this builder
         */
        public Builder setManager(NDManager manager) {
            this.manager = manager;
            return this;
        }

        /**
         * Sets the folder holding the IDX files; {@value FashionMnist#DEFAULT_FOLDER} by default.
         *
         * @param folder the folder
         * @return this builder
         */
        public Builder optFolder(Path folder) {
            this.folder = folder;
            return this;
        }

        /**
         * Chooses the training or the test part; training by default.
         *
         * @param usage the part
         * @return this builder
         */
        public Builder optUsage(Usage usage) {
            this.usage = usage;
            return this;
        }

        /**
         * Keeps only images of these classes; all by default.
         *
         * @param classes labels in {@code 0..9}, at least one
         * @return this builder
         */
        public Builder optClasses(int... classes) {
            this.classes = classes.clone();
            return this;
        }

        /**
         * Keeps at most the first {@code limit} images (after the class filter).
         *
         * @param limit {@code >= 1}
         * @return this builder
         */
        public Builder optLimit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Reads the files and builds the dataset.
         *
         * @return the dataset
         * @throws IOException if a file is missing (the message says how to install it), or is not
         *     a valid IDX file; the message names it
         * @throws IllegalArgumentException if an option is out of range, or no image is left
         */
        public FashionMnist build() throws IOException {
            if (manager == null) {
                throw new IllegalArgumentException("The dataset needs a manager; call setManager");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("The limit must be >= 1, got " + limit);
            }
            boolean[] keep = new boolean[10];
            if (classes == null) {
                Arrays.fill(keep, true);
            } else {
                if (classes.length == 0) {
                    throw new IllegalArgumentException("Give at least one class to keep");
                }
                for (int c : classes) {
                    if (c < 0 || c > 9) {
                        throw new IllegalArgumentException(
                                "Fashion-MNIST classes are 0..9 " + CLASSES + ", got " + c);
                    }
                    keep[c] = true;
                }
            }
            Path imageFile = locate(folder, usage.prefix + "-images-idx3-ubyte");
            Path labelFile = locate(folder, usage.prefix + "-labels-idx1-ubyte");
            byte[] labelBytes;
            try (DataInputStream in = open(labelFile)) {
                int count = header(in, labelFile, LABEL_MAGIC, 1)[0];
                labelBytes = new byte[count];
                in.readFully(labelBytes);
            } catch (EOFException e) {
                throw new IOException(labelFile + " is truncated", e);
            }
            int kept = 0;
            for (byte b : labelBytes) {
                if (b < 0 || b > 9) {
                    throw new IOException(labelFile + " holds label " + b + ", expected 0..9");
                }
                if (keep[b] && kept < limit) {
                    kept++;
                }
            }
            if (kept == 0) {
                throw new IllegalArgumentException(
                        "No image of classes " + Arrays.toString(classes) + " in " + labelFile);
            }
            byte[] pixels = new byte[kept * 784];
            int[] keptLabels = new int[kept];
            try (DataInputStream in = open(imageFile)) {
                int[] dims = header(in, imageFile, IMAGE_MAGIC, 3);
                if (dims[0] != labelBytes.length || dims[1] != 28 || dims[2] != 28) {
                    throw new IOException(
                            imageFile
                                    + " holds "
                                    + dims[0]
                                    + " images of "
                                    + dims[1]
                                    + "×"
                                    + dims[2]
                                    + "; expected "
                                    + labelBytes.length
                                    + " images of 28×28 to match "
                                    + labelFile);
                }
                byte[] image = new byte[784];
                int j = 0;
                for (int i = 0; i < labelBytes.length && j < kept; i++) {
                    in.readFully(image);
                    if (keep[labelBytes[i]]) {
                        System.arraycopy(image, 0, pixels, j * 784, 784);
                        keptLabels[j++] = labelBytes[i];
                    }
                }
            } catch (EOFException e) {
                throw new IOException(imageFile + " is truncated", e);
            }
            NDArray raw = manager.create(pixels, new Shape(kept, 1, 28, 28));
            // Bytes are unsigned; DJL's int8 is signed, so go through uint8.
            NDArray images =
                    raw.toType(DataType.UINT8, false)
                            .toType(DataType.FLOAT32, false)
                            .div(127.5f)
                            .sub(1f);
            raw.close();
            NDArray labels = manager.create(keptLabels);
            return new FashionMnist(this, images, labels);
        }
    }
}
