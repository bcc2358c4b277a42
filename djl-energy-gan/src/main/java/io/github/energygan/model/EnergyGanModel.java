/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.Utils;

import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.scoring.EnergyScorer;
import io.github.energygan.util.RandomStream;
import io.github.energygan.util.SeededInitialization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A trained (or newly initialised) energy GAN: a DJL {@link Model} whose block is an {@link
 * EnergyGanBlock}, with the {@link EnergyGanArchitecture} needed to rebuild it.
 *
 * <p>A saved model is a directory holding {@value #ARCHITECTURE_FILE} (a manifest: the architecture
 * and the SHA-256 of the weights) and {@code energy-gan-0000.params} (DJL's parameter format).
 * {@link #save} writes the whole directory aside and switches it in, so a crash never leaves a
 * manifest beside weights it does not describe; {@link #load} checks the digest, and that the
 * weight file it names is the directory's only one, so a truncated, corrupted or stray weight
 * file is reported, never loaded.
 */
public final class EnergyGanModel implements AutoCloseable {

    /** The DJL model name, and the prefix of the parameter file. */
    public static final String MODEL_NAME = "energy-gan";

    /** The architecture file in a model directory. */
    public static final String ARCHITECTURE_FILE = "energy-gan.json";

    /** The parameter file in a model directory. */
    public static final String PARAMETER_FILE = MODEL_NAME + "-0000.params";

    /**
     * The DJL serving properties saved beside the weights, so that {@code
     * Criteria.builder().optModelPath(dir).optTranslatorFactory(new EnergyGanTranslatorFactory())}
     * loads the directory, its block rebuilt by {@link EnergyGanBlockFactory}. (The properties name
     * the translator factory too, for DJL Serving; DJL 0.36's {@code Criteria} chooses the factory
     * before it reads them, hence {@code optTranslatorFactory}.)
     */
    public static final String SERVING_PROPERTIES = "serving.properties";

    private static final String SERVING_PROPERTIES_CONTENT =
            "# Written by energy-gan: lets DJL's Criteria load this directory with optModelPath.\n"
                    + "engine=PyTorch"
                    + "\nblockFactory="
                    + EnergyGanBlockFactory.class.getName()
                    + "\ntranslatorFactory="
                    + io.github.energygan.translator.EnergyGanTranslatorFactory.class.getName()
                    + "\noption.modelName="
                    + MODEL_NAME
                    + "\n";

    private static final String ENGINE = "PyTorch";

    private final Model model;
    private final EnergyGanArchitecture architecture;

    private EnergyGanModel(Model model, EnergyGanArchitecture architecture) {
        this.model = model;
        this.architecture = architecture;
    }

    /**
     * Creates a model with freshly initialised weights on the CPU.
     *
     * @param architecture the architecture
     * @param seed the seed the weights are drawn from (with each layer's own initializer; the
     *     engine's generator is neither used nor reseeded)
     * @return the model
     */
    public static EnergyGanModel newModel(EnergyGanArchitecture architecture, int seed) {
        Objects.requireNonNull(architecture, "architecture");
        Model model = Model.newInstance(MODEL_NAME, Device.cpu(), ENGINE);
        EnergyGanBlock block = architecture.newBlock();
        model.setBlock(block);
        SeededInitialization.initialize(
                block, model.getNDManager(), DataType.FLOAT32, seed, block.getSingleSampleShape());
        return new EnergyGanModel(model, architecture);
    }

    /**
     * Loads a model directory written by {@link #save}.
     *
     * @param directory the directory
     * @return the model
     * @throws IOException if a file is missing or unreadable; the message names it
     * @throws MalformedModelException if the weights are corrupt or belong to another architecture;
     *     the message names the file
     */
    public static EnergyGanModel load(Path directory) throws IOException, MalformedModelException {
        Path architectureFile = directory.resolve(ARCHITECTURE_FILE);
        Path parameterFile = directory.resolve(PARAMETER_FILE);
        if (!Files.isDirectory(directory)) {
            throw new IOException("Model directory " + directory + " does not exist");
        }
        if (!Files.isRegularFile(architectureFile)) {
            throw new IOException(
                    "Model directory "
                            + directory
                            + " has no "
                            + ARCHITECTURE_FILE
                            + "; expected a directory written by EnergyGanModel.save or `energy-gan"
                            + " train`");
        }
        if (!Files.isRegularFile(parameterFile)) {
            throw new IOException(
                    "Model directory " + directory + " has no weight file " + PARAMETER_FILE);
        }
        ModelManifest.requireSoleParameterFile(directory, PARAMETER_FILE);
        requireParameterFileSize(architectureFile, parameterFile);
        try (InputStream manifest = Files.newInputStream(architectureFile);
                InputStream weights = Files.newInputStream(parameterFile)) {
            return load(manifest, weights, directory.toString());
        }
    }

    /**
     * Loads a model from the two files of a saved directory given as streams (a classpath resource,
     * an archive entry): the manifest is parsed, the weights checked against its SHA-256 and read
     * into a freshly built block. Nothing is written to disk.
     *
     * @param manifest the content of {@value #ARCHITECTURE_FILE}
     * @param weights the content of the parameter file the manifest names
     * @param source where the files come from, for error messages
     * @return the model
     * @throws IOException if a stream cannot be read
     * @throws MalformedModelException if the manifest is invalid, or the weights are corrupt,
     *     truncated or of another architecture; the message names the source
     */
    public static EnergyGanModel load(InputStream manifest, InputStream weights, String source)
            throws IOException, MalformedModelException {
        ModelManifest parsed =
                ModelManifest.parse(
                        new String(manifest.readAllBytes(), StandardCharsets.UTF_8),
                        source + "/" + ARCHITECTURE_FILE);
        String weightsSource = source + "/" + parsed.getParameterFile();
        long limit = maxParameterFileBytes(parsed.getArchitecture());
        byte[] bytes = weights.readNBytes(Math.toIntExact(limit + 1));
        if (bytes.length > limit) {
            throw tooLarge(weightsSource, "more than " + limit, limit, parsed.getArchitecture());
        }
        parsed.verify(new ByteArrayInputStream(bytes), weightsSource);
        EnergyGanArchitecture architecture = parsed.getArchitecture();
        Model model = Model.newInstance(MODEL_NAME, Device.cpu(), ENGINE);
        EnergyGanBlock block = architecture.newBlock();
        model.setBlock(block);
        try {
            model.load(new ByteArrayInputStream(bytes));
            if (!block.isInitialized()) {
                throw new MalformedModelException("it is not a DJL parameter file");
            }
        } catch (MalformedModelException | RuntimeException | IOException e) {
            model.close();
            throw new MalformedModelException(
                    "Cannot load weights "
                            + weightsSource
                            + " for architecture ["
                            + architecture
                            + "]: the file is corrupt, truncated or from another architecture ("
                            + e.getMessage()
                            + ")",
                    e);
        }
        return new EnergyGanModel(model, architecture);
    }

    /**
     * Saves the architecture and the weights into a directory of their own, creating it if needed
     * and replacing an earlier save there.
     *
     * <p>The whole directory is written beside the target first and then switched in by renames of
     * whole directories, so that at every instant the target is either the earlier save, complete,
     * or the new one, complete (or, after a crash between the two renames, absent): never a new
     * manifest beside old weights. Staging directories a crash left behind for the same target are
     * removed by the next save. One save per target at a time.
     *
     * @param directory the target directory: absent, empty, or an earlier save (only {@value
     *     #ARCHITECTURE_FILE}, parameter files and {@value #SERVING_PROPERTIES})
     * @throws IOException if the directory cannot be written, or holds files other than a save's,
     *     naming them
     */
    public void save(Path directory) throws IOException {
        save(directory, staging -> {});
    }

    /**
     * Saves the model as {@link #save(Path)} does, with files of the caller's beside it, written
     * into the same staging directory so that they are switched in together with the weights
     * (a training checkpoint's state, for instance). A later {@link #save(Path)} into the same
     * directory refuses those files; give each such save a directory of its own.
     *
     * @param directory the target directory: absent, empty, or an earlier save
     * @param companion writes the caller's files into the staging directory
     * @throws IOException if the directory cannot be written, or holds files other than a save's,
     *     naming them
     */
    public void save(Path directory, ModelDirectories.Writer companion) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        checkReplaceable(target);
        ModelDirectories.replace(
                target,
                staging -> {
                    model.save(staging, MODEL_NAME);
                    String digest;
                    try (InputStream in = Files.newInputStream(staging.resolve(PARAMETER_FILE))) {
                        digest = ModelManifest.sha256(in);
                    }
                    Files.writeString(
                            staging.resolve(ARCHITECTURE_FILE),
                            new ModelManifest(architecture, PARAMETER_FILE, digest).toJson(),
                            StandardCharsets.UTF_8);
                    Files.writeString(
                            staging.resolve(SERVING_PROPERTIES),
                            SERVING_PROPERTIES_CONTENT,
                            StandardCharsets.UTF_8);
                    companion.write(staging);
                });
    }

    private static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(
                    "Cannot save a model into " + target + ": it exists and is not a directory");
        }
        try (Stream<Path> entries = Files.list(target)) {
            List<String> others =
                    entries.map(p -> p.getFileName().toString())
                            .filter(
                                    name ->
                                            !name.equals(ARCHITECTURE_FILE)
                                                    && !name.equals(SERVING_PROPERTIES)
                                                    && !ModelManifest.isParameterFile(name))
                            .sorted()
                            .toList();
            if (!others.isEmpty()) {
                throw new IOException(
                        "Cannot save a model into "
                                + target
                                + ": it holds files that are not a saved model's ("
                                + String.join(", ", others)
                                + "); a save replaces the whole directory, so give it one of its"
                                + " own");
            }
        }
    }

    /**
     * Writes the model as {@link #save} would, but into memory.
     *
     * @return the manifest and the parameter file
     * @throws IOException if the temporary files DJL's writer needs cannot be written
     */
    public ModelBytes toBytes() throws IOException {
        // DJL writes parameters to a directory only; stage there and read the files back.
        Path staging = Files.createTempDirectory("energy-gan-bytes-");
        try {
            save(staging);
            return new ModelBytes(
                    Files.readString(staging.resolve(ARCHITECTURE_FILE), StandardCharsets.UTF_8),
                    Files.readAllBytes(staging.resolve(PARAMETER_FILE)));
        } finally {
            Utils.deleteQuietly(staging);
        }
    }

    /**
     * Returns the DJL model.
     *
     * @return the model
     */
    public Model getModel() {
        return model;
    }

    /**
     * Returns the block.
     *
     * @return the energy GAN block
     */
    public EnergyGanBlock getBlock() {
        return (EnergyGanBlock) model.getBlock();
    }

    /**
     * Returns the architecture.
     *
     * @return the architecture
     */
    public EnergyGanArchitecture getArchitecture() {
        return architecture;
    }

    /**
     * Scores data with the energy network, in inference mode.
     *
     * @param x {@code (batch, ...dataShape)}; the result joins its manager
     * @return {@code U(x)}, {@code (batch)}
     * @throws IllegalArgumentException if {@code x} has the wrong shape
     */
    public NDArray energy(NDArray x) {
        return EnergyScorer.of(getBlock()).energies(x);
    }

    /**
     * Draws samples {@code G(z)}, {@code z ~ N(0, I)}, in inference mode, from the engine's random
     * generator (seed it with {@code Engine.setRandomSeed} for repeatable draws).
     *
     * @param manager the manager for the samples
     * @param count how many samples, {@code > 0}
     * @return {@code (count, ...dataShape)}
     * @throws IllegalArgumentException if {@code count <= 0}
     */
    public NDArray generate(NDManager manager, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("Sample count must be > 0, got " + count);
        }
        NDArray z = manager.randomNormal(new Shape(count, getBlock().getLatentFeatures()));
        return generateFrom(z);
    }

    /**
     * Draws samples {@code G(z)}, {@code z ~ N(0, I)}, in inference mode, the codes drawn from a
     * stream of this seed alone (the engine's generator is neither used nor reseeded).
     *
     * @param manager the manager for the samples
     * @param count how many samples, {@code > 0}
     * @param seed the seed of the codes
     * @return {@code (count, ...dataShape)}
     * @throws IllegalArgumentException if {@code count <= 0}
     */
    public NDArray generate(NDManager manager, int count, long seed) {
        if (count <= 0) {
            throw new IllegalArgumentException("Sample count must be > 0, got " + count);
        }
        NDArray z =
                RandomStream.seeded(seed)
                        .normal(
                                manager,
                                new Shape(count, getBlock().getLatentFeatures()),
                                DataType.FLOAT32);
        return generateFrom(z);
    }

    /**
     * Maps latent codes through the generator, in inference mode.
     *
     * @param z {@code (batch, k)}; the result joins its manager
     * @return {@code G(z)}, {@code (batch, ...dataShape)}
     */
    public NDArray generateFrom(NDArray z) {
        ParameterStore store = new ParameterStore(z.getManager(), false);
        return getBlock().getGenerator().forward(store, new NDList(z), false).singletonOrThrow();
    }

    /**
     * The most bytes a weight file of this architecture can take: its weights in float32 plus a
     * generous allowance for DJL's per-block and per-parameter headers. The weights are counted
     * on a throwaway copy of the networks, so this costs one allocation of the model's size.
     *
     * @param architecture the architecture
     * @return the bound, in bytes
     */
    static long maxParameterFileBytes(EnergyGanArchitecture architecture) {
        EnergyGanBlock block = architecture.newBlock();
        try (NDManager scratch = NDManager.newBaseManager(Device.cpu(), ENGINE)) {
            block.initialize(scratch, DataType.FLOAT32, block.getSingleSampleShape());
            long values = 0;
            int parameters = 0;
            for (Pair<String, Parameter> pair : block.getParameters()) {
                values += pair.getValue().getArray().size();
                parameters++;
            }
            return 4 * values + 65_536L + 1_024L * parameters;
        }
    }

    /**
     * Refuses, before anything is read, a weight file larger than its manifest's architecture can
     * fill (a file read whole that large would exhaust memory, or not fit in one Java array).
     *
     * @param architectureFile the manifest
     * @param parameterFile the weight file
     * @throws IOException naming the file and both sizes, or if the manifest is unreadable
     * @throws MalformedModelException if the manifest is malformed
     */
    static void requireParameterFileSize(Path architectureFile, Path parameterFile)
            throws IOException, MalformedModelException {
        ModelManifest manifest =
                ModelManifest.parse(
                        Files.readString(architectureFile, StandardCharsets.UTF_8),
                        architectureFile.toString());
        long limit = maxParameterFileBytes(manifest.getArchitecture());
        long size = Files.size(parameterFile);
        if (size > limit) {
            throw tooLarge(parameterFile.toString(), String.valueOf(size), limit, manifest.getArchitecture());
        }
    }

    private static IOException tooLarge(
            String file, String size, long limit, EnergyGanArchitecture architecture) {
        return new IOException(
                "Weight file "
                        + file
                        + " holds "
                        + size
                        + " bytes, more than the "
                        + limit
                        + " that the weights of its architecture ["
                        + architecture
                        + "] can take; it is not this model's weight file");
    }

    /** Closes the model and frees its native memory. */
    @Override
    public void close() {
        model.close();
    }
}
