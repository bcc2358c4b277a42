/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;

import io.github.energygan.dataset.DatasetValidator;
import io.github.energygan.gradient.InputGradient;
import io.github.energygan.loss.EnergyLoss;
import io.github.energygan.loss.GeneratorLoss;
import io.github.energygan.loss.Schedule;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.model.ModelDirectories;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.sampling.DataEnergy;
import io.github.energygan.sampling.MalaSampler;
import io.github.energygan.sampling.McmcResult;
import io.github.energygan.scoring.EnergyScorer;
import io.github.energygan.training.listener.CheckpointListener;
import io.github.energygan.training.listener.DivergenceGuard;
import io.github.energygan.training.listener.EnergyGanListener;
import io.github.energygan.training.listener.TrainingDivergedException;
import io.github.energygan.util.RandomStream;
import io.github.energygan.util.Scalars;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Trains an {@link EnergyGanModel} (MEG, Kumar et al. 2019) by driving two DJL {@link Trainer}s:
 * one on an {@link EnergyCritic} with {@link EnergyLoss}, one on a {@link GeneratorObjective} with
 * {@link GeneratorLoss}.
 *
 * <p>One iteration is {@code nCritic} energy steps followed by one generator step:
 *
 * <ol>
 *   <li>energy step: a data batch, {@code x_model = G(z)} drawn with no gradient recorded, then
 *       {@code L_U = mean U(x_data) - mean U(x_model) + λ mean ||∇_x U(x_data)||²}, one backward,
 *       one Adam step on {@code U} only;
 *   <li>generator step: {@code L_G = mean U(G(z)) - Î(X; Z)} with {@code U}'s parameters frozen
 *       while the graph is built, one backward, one Adam step on {@code G} and the estimator.
 * </ol>
 *
 * <p>Gradients therefore never leak between the phases: the generator is outside the energy step's
 * graph, and the energy network's parameters are not recorded in the generator step's. Every array
 * a step creates belongs to a sub-manager closed at the end of the step, so memory stays flat over
 * long runs.
 *
 * <p>Schedules are DJL {@code Tracker}s, each read by its owner: the learning rates by the
 * optimisers (by update count), λ and the estimator's weight by the losses themselves (by
 * iteration, from a {@link Schedule} whose clock the trainer advances).
 * With {@link EnergyGanTrainingConfig#getGeneratorAveraging() generator averaging} (or {@link
 * EnergyGanTrainingConfig#getEnergyAveraging() energy averaging}) on, a moving average of the
 * generator's (energy's) weights is kept beside the run and written into the model when the run
 * completes.
 *
 * <p>Listeners from the config receive DJL's events from both trainers ({@code onTrainingBegin},
 * {@code onTrainingBatch} before each optimiser step, {@code onEpoch} every {@code
 * iterationsPerEpoch} iterations, {@code onTrainingEnd}), so stock listeners work unchanged. A
 * {@link DivergenceGuard} is added when the config has none: a run that diverges stops with a
 * {@link TrainingDivergedException} before the bad step is applied.
 */
public final class EnergyGanTrainer {

    private static final Logger logger = LoggerFactory.getLogger(EnergyGanTrainer.class);

    private final EnergyGanModel model;
    private final EnergyGanTrainingConfig config;
    private long iteration;

    /**
     * Creates a trainer for a model.
     *
     * @param model the model to train (its weights are updated in place)
     * @param config the hyperparameters and listeners
     */
    public EnergyGanTrainer(EnergyGanModel model, EnergyGanTrainingConfig config) {
        this.model = Objects.requireNonNull(model, "model");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Returns the iterations completed so far, over every call to {@link #fit}.
     *
     * @return the iteration count
     */
    public long getIteration() {
        return iteration;
    }

    /**
     * Returns the config.
     *
     * @return the config
     */
    public EnergyGanTrainingConfig getConfig() {
        return config;
    }

    /**
     * Builds the generator's loss for a model and config: the estimator the architecture has,
     * weighted as the config says.
     *
     * @param block the model's block
     * @param config the config
     * @return the loss
     */
    public static GeneratorLoss generatorLoss(
            EnergyGanBlock block, EnergyGanTrainingConfig config) {
        return generatorLoss(block, Schedule.constant(config.estimatorWeight()));
    }

    private static GeneratorLoss generatorLoss(EnergyGanBlock block, Schedule weight) {
        return new GeneratorLoss(block.getEstimator().map(e -> e.newLoss(weight)).orElse(null));
    }

    /**
     * Trains for {@code config.iterations()} iterations on a dataset whose records' first data
     * array is one sample. The dataset is validated first (not empty, right shape, finite). Every
     * random choice (latent codes, batch order, negatives, chains) comes from streams derived
     * from the config's seed and the iteration's number, never from the engine's generator, so
     * two fits of equal models with equal configs give equal weights whatever else runs in the
     * process.
     *
     * <p>Each call creates fresh DJL trainers (and fresh Adam moments).
     *
     * @param dataset the training data
     * @throws IllegalArgumentException if the dataset is empty, mis-shaped or not finite
     * @throws TrainingDivergedException if training diverges
     * @throws IOException if the dataset cannot be read
     * @throws TranslateException if the dataset cannot be read
     */
    public void fit(RandomAccessDataset dataset) throws IOException, TranslateException {
        fit(dataset, null);
    }

    /**
     * Continues a run from one of its checkpoints, as if it had never stopped: with the same
     * model (loaded from that checkpoint, {@code EnergyGanModel.load(checkpoint)}), the same
     * config and the same data, the weights at the end are bit for bit those of the uninterrupted
     * run. The checkpoint's training state (written by a {@link CheckpointListener} among the
     * config's listeners) restores the optimizers' moments and counts, the iteration, the weight
     * averages and the negatives' adapted step; the random draws follow from the seed and the
     * iteration. Runs with a replay buffer of negatives cannot be resumed.
     *
     * @param dataset the training data, the same as the interrupted run's
     * @param checkpoint the checkpoint directory to continue from, or null to start afresh
     * @throws IllegalArgumentException if the dataset is empty, mis-shaped or not finite, or the
     *     checkpoint was written by a run with other settings, architecture or data size (the
     *     message names the first difference), or the config has a replay buffer
     * @throws TrainingDivergedException if training diverges
     * @throws IOException if the dataset or the checkpoint cannot be read, or the checkpoint's
     *     training state is missing or damaged
     * @throws TranslateException if the dataset cannot be read
     */
    public void fit(RandomAccessDataset dataset, Path checkpoint)
            throws IOException, TranslateException {
        Objects.requireNonNull(dataset, "dataset");
        EnergyGanBlock gan = model.getBlock();
        NDManager modelManager = model.getModel().getNDManager();
        dataset.prepare();
        DatasetValidator.requireFiniteSamples(dataset, gan.getDataShape(), modelManager);
        String fingerprint = fingerprint(dataset);
        TrainingState resumed = null;
        if (checkpoint != null) {
            if (config.negativeReplaySize() > 0) {
                throw new IllegalArgumentException(
                        "A run with a replay buffer of negatives (negativeReplaySize "
                                + config.negativeReplaySize()
                                + ") cannot be resumed: its checkpoints do not hold the buffer");
            }
            resumed = TrainingState.read(checkpoint, modelManager);
            requireSameRun(checkpoint, resumed.fingerprint, fingerprint);
        }

        String engineName = modelManager.getEngine().getEngineName();
        List<TrainingListener> listeners = new ArrayList<>(config.listeners());
        if (listeners.stream().noneMatch(DivergenceGuard.class::isInstance)) {
            listeners.add(0, new DivergenceGuard());
        }
        Device device = modelManager.getDevice();
        InputGradient inputGradient =
                config.inputGradient() != null
                        ? config.inputGradient()
                        : InputGradient.forBlock(gan.getEnergy());
        logger.info(
                "Training [{}] with {}; input gradient: {}",
                model.getArchitecture(),
                config,
                inputGradient);

        // The losses read their scheduled coefficients at the iteration this clock reports.
        AtomicInteger clock = new AtomicInteger();
        Optimizer energyOptimizer = config.newEnergyOptimizer();
        Optimizer generatorOptimizer = config.newGeneratorOptimizer();
        DefaultTrainingConfig energyConfig =
                new DefaultTrainingConfig(
                                new EnergyLoss(
                                        new Schedule(config.penaltySchedule(), clock::get),
                                        config.energyMagnitudeWeight()))
                        .optOptimizer(energyOptimizer)
                        .optDevices(new Device[] {device});
        DefaultTrainingConfig generatorConfig =
                new DefaultTrainingConfig(
                                generatorLoss(
                                        gan,
                                        new Schedule(config.estimatorWeightSchedule(), clock::get)))
                        .optOptimizer(generatorOptimizer)
                        .optDevices(new Device[] {device});
        for (TrainingListener listener : listeners) {
            energyConfig.addTrainingListeners(listener);
            generatorConfig.addTrainingListeners(listener);
        }

        try (NDManager run = modelManager.newSubManager();
                Model energyView = Model.newInstance("energy", device, engineName);
                Model generatorView = Model.newInstance("generator", device, engineName)) {
            energyView.setBlock(new EnergyCritic(gan.getEnergy(), inputGradient));
            generatorView.setBlock(new GeneratorObjective(gan, run));
            try (Trainer energyTrainer = energyView.newTrainer(energyConfig);
                    Trainer generatorTrainer = generatorView.newTrainer(generatorConfig)) {
                List<DivergenceGuard> guards =
                        listeners.stream()
                                .filter(DivergenceGuard.class::isInstance)
                                .map(DivergenceGuard.class::cast)
                                .toList();
                Phases phases =
                        new Phases(
                                gan, run, energyTrainer, generatorTrainer, dataset, guards);
                int perEpoch = config.iterationsPerEpoch();
                ParameterAverage average =
                        config.generatorAveraging() > 0f
                                ? new ParameterAverage(
                                        gan.getGenerator(), config.generatorAveraging(), run)
                                : null;
                ParameterAverage energyAverage =
                        config.energyAveraging() > 0f
                                ? new ParameterAverage(
                                        gan.getEnergy(), config.energyAveraging(), run)
                                : null;
                List<Parameter> energyParameters = parametersOf(gan.getEnergy());
                List<Parameter> generatorParameters = parametersOf(generatorView.getBlock());
                int first = 0;
                if (resumed != null) {
                    first = Math.toIntExact(resumed.iteration);
                    iteration = resumed.iteration;
                    resumable(energyOptimizer).importState(energyParameters, resumed.energy);
                    resumable(generatorOptimizer)
                            .importState(generatorParameters, resumed.generator);
                    restore(average, resumed.generatorAverage, "generator");
                    restore(energyAverage, resumed.energyAverage, "energy");
                    phases.resume(resumed.negativeStep, iteration * config.criticSteps());
                    for (TrainingListener listener : listeners) {
                        if (listener instanceof EnergyGanListener) {
                            ((EnergyGanListener) listener).resumeAt(iteration);
                        }
                    }
                    logger.info("Resuming at iteration {} from {}", iteration, checkpoint);
                }
                ModelDirectories.Writer state =
                        staging -> {
                            if (config.negativeReplaySize() > 0) {
                                return;
                            }
                            try (NDManager scope = run.newSubManager()) {
                                new TrainingState(
                                                iteration,
                                                phases.negativeStepAtBoundary,
                                                fingerprint,
                                                resumable(energyOptimizer)
                                                        .exportState(energyParameters, scope),
                                                resumable(generatorOptimizer)
                                                        .exportState(generatorParameters, scope),
                                                energyAverage == null
                                                        ? List.of()
                                                        : energyAverage.snapshot(scope),
                                                average == null
                                                        ? List.of()
                                                        : average.snapshot(scope))
                                        .write(staging);
                            }
                        };
                List<CheckpointListener> checkpoints =
                        listeners.stream()
                                .filter(CheckpointListener.class::isInstance)
                                .map(CheckpointListener.class::cast)
                                .toList();
                checkpoints.forEach(c -> c.setCompanion(state));
                try {
                    train(
                            first,
                            clock,
                            phases,
                            average,
                            energyAverage,
                            listeners,
                            energyTrainer,
                            generatorTrainer);
                } finally {
                    checkpoints.forEach(c -> c.setCompanion(null));
                }
            }
        }
    }

    /**
     * Finds the checkpoint a run can resume from: the newest one in a {@link CheckpointListener}'s
     * directory that holds a training state.
     *
     * @param checkpoints the checkpoint directory
     * @return the checkpoint, or empty if there is none
     * @throws IOException if the directory cannot be listed
     */
    public static Optional<Path> lastResumableCheckpoint(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(checkpoints)) {
            return entries.filter(p -> p.getFileName().toString().matches("iteration-\\d{8}"))
                    .filter(TrainingState::isIn)
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    /** The iterations from {@code first} on, and the weight averages written in at the end. */
    private void train(
            int first,
            AtomicInteger clock,
            Phases phases,
            ParameterAverage average,
            ParameterAverage energyAverage,
            List<TrainingListener> listeners,
            Trainer energyTrainer,
            Trainer generatorTrainer)
            throws IOException, TranslateException {
        int perEpoch = config.iterationsPerEpoch();
        for (int i = first; i < config.iterations(); i++) {
            long progress = iteration % perEpoch;
            clock.set(i);
            phases.beginIteration(iteration);
            try {
                for (int c = 0; c < config.criticSteps(); c++) {
                    phases.energyStep(progress, perEpoch);
                }
                phases.generatorStep(progress, perEpoch);
            } catch (TrainingDivergedException e) {
                throw withCheckpoint(e, listeners);
            }
            if (average != null) {
                average.update();
            }
            if (energyAverage != null) {
                energyAverage.update();
            }
            iteration++;
            phases.negativeStepAtBoundary = phases.negativeStep;
            if (iteration % perEpoch == 0) {
                energyTrainer.notifyListeners(l -> l.onEpoch(energyTrainer));
                generatorTrainer.notifyListeners(l -> l.onEpoch(generatorTrainer));
            }
        }
        if (average != null) {
            average.copyToBlock();
        }
        if (energyAverage != null) {
            energyAverage.copyToBlock();
        }
    }

    private static List<Parameter> parametersOf(Block block) {
        return new ArrayList<>(block.getParameters().values());
    }

    private static ResumableAdam resumable(Optimizer optimizer) {
        if (!(optimizer instanceof ResumableAdam)) {
            throw new IllegalStateException(
                    "Checkpoints need the trainer's own Adam; got " + optimizer.getClass());
        }
        return (ResumableAdam) optimizer;
    }

    private static void restore(ParameterAverage average, List<NDArray> saved, String network) {
        if (average == null) {
            if (!saved.isEmpty()) {
                throw new IllegalArgumentException(
                        "The checkpoint holds a weight average of the " + network + ", the config none");
            }
            return;
        }
        average.restore(saved);
    }

    /**
     * What makes two runs the same run: the architecture, every setting of the config but its
     * listeners, and the number of training samples.
     */
    private String fingerprint(RandomAccessDataset dataset) {
        StringBuilder text = new StringBuilder("architecture=").append(model.getArchitecture());
        for (RecordComponent component : EnergyGanTrainingConfig.class.getRecordComponents()) {
            if ("listeners".equals(component.getName())) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(config);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            text.append("; ").append(component.getName()).append('=').append(value);
        }
        return text.append("; samples=").append(dataset.size()).toString();
    }

    private static void requireSameRun(Path checkpoint, String saved, String current) {
        if (saved.equals(current)) {
            return;
        }
        String[] before = saved.split("; ");
        String[] now = current.split("; ");
        String difference = "the settings";
        for (int i = 0; i < Math.min(before.length, now.length); i++) {
            if (!before[i].equals(now[i])) {
                difference = before[i] + " then, " + now[i] + " now";
                break;
            }
        }
        throw new IllegalArgumentException(
                "Checkpoint "
                        + checkpoint
                        + " was written by a run with other settings ("
                        + difference
                        + "); resume with the interrupted run's settings");
    }

    private TrainingDivergedException withCheckpoint(
            TrainingDivergedException e, List<TrainingListener> listeners) {
        Path checkpoint =
                listeners.stream()
                        .filter(CheckpointListener.class::isInstance)
                        .map(l -> ((CheckpointListener) l).getLastCheckpoint().orElse(null))
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        if (checkpoint == null || e.getLastCheckpoint().isPresent()) {
            return e;
        }
        TrainingDivergedException withPath =
                new TrainingDivergedException(e.getIteration(), e.getReason(), checkpoint);
        withPath.initCause(e);
        return withPath;
    }

    /** Keeps the iterations' streams apart from the data passes' orders. */
    private static final long ITERATION_SALT = 0x1D5A_17E6_9B3C_4F21L;

    private static final long SHUFFLE_SALT = 0x5F4E_8A21_C0D3_7B69L;

    /** The seed of one stream of the run, from the config's seed. */
    private long streamSeed(long salt, long index) {
        return RandomStream.derivedSeed(config.seed(), salt, index);
    }

    /** The two phases of one iteration, sharing the run's state. */
    private final class Phases {

        private final EnergyGanBlock gan;
        private final NDManager run;
        private final Trainer energyTrainer;
        private final Trainer generatorTrainer;
        private final RandomAccessDataset dataset;
        private final ParameterStore generatorReader;
        private final boolean marginalCodes;
        private final List<DivergenceGuard> guards;
        private Iterator<Batch> batches;
        private final DataEnergy negatives;
        private double negativeStep;
        private double negativeStepAtBoundary;
        private NDArray replay;
        private long replayFilled;
        private long dataPasses;
        private SplittableRandom draws;
        private RandomStream random;

        Phases(
                EnergyGanBlock gan,
                NDManager run,
                Trainer energyTrainer,
                Trainer generatorTrainer,
                RandomAccessDataset dataset,
                List<DivergenceGuard> guards) {
            this.gan = gan;
            this.run = run;
            this.energyTrainer = energyTrainer;
            this.generatorTrainer = generatorTrainer;
            this.dataset = dataset;
            this.generatorReader = new ParameterStore(run, false);
            this.marginalCodes = gan.getEstimator().map(e -> e.needsMarginalCodes()).orElse(false);
            this.guards = guards;
            this.negatives =
                    new DataEnergy(gan.getEnergy(), EnergyScorer.of(gan).getDataShape(), 1f);
            float s = gan.getEnergy().getDataScale();
            this.negativeStep = (double) config.negativeLangevinStepSize() * s * s;
            this.negativeStepAtBoundary = negativeStep;
        }

        /**
         * Takes up a resumed run: the negatives' step as it was after the last completed
         * iteration, and the data where that iteration left them (their order is a function of
         * the seed and the pass, so the batches already drawn are drawn again and dropped).
         */
        void resume(double step, long consumedBatches) throws IOException, TranslateException {
            negativeStep = step;
            negativeStepAtBoundary = step;
            long batchSize = Math.min(config.batchSize(), dataset.size());
            long perPass = dataset.size() / batchSize;
            dataPasses = consumedBatches / perPass;
            batches = null;
            for (long b = consumedBatches % perPass; b > 0; b--) {
                nextDataBatch().close();
            }
        }

        /**
         * Starts an iteration's random draws: every iteration has a stream of its own, derived
         * from the config's seed and the iteration's number alone.
         */
        void beginIteration(long index) {
            draws = new SplittableRandom(streamSeed(ITERATION_SALT, index));
            random = RandomStream.seeded(draws.nextLong());
        }

        /**
         * The losses ignore labels, but {@link EasyTrain#trainBatch} files predictions under the
         * first label's device, so a batch carries one array as its label.
         */
        private NDList unusedLabels(NDArray onDevice) {
            return new NDList(onDevice);
        }

        private Batch nextDataBatch() throws IOException, TranslateException {
            if (batches == null || !batches.hasNext()) {
                int batchSize = (int) Math.min(config.batchSize(), dataset.size());
                batches =
                        dataset.getData(
                                        run,
                                        new BatchSampler(
                                                new SeededShuffle(
                                                        streamSeed(SHUFFLE_SALT, dataPasses++)),
                                                batchSize,
                                                true))
                                .iterator();
            }
            return batches.next();
        }

        void energyStep(long progress, long total) throws IOException, TranslateException {
            Batch source = nextDataBatch();
            try (NDManager step = source.getManager()) {
                NDArray real = source.getData().head();
                int size = source.getSize();
                NDArray z =
                        random.normal(
                                step,
                                new Shape(config.batchSize(), gan.getLatentFeatures()),
                                DataType.FLOAT32);
                // Drawn outside any gradient collector: no graph, so no gradient can reach G.
                NDArray fake =
                        gan.getGenerator()
                                .forward(generatorReader, new NDList(z), true)
                                .singletonOrThrow()
                                .stopGradient();
                if (config.negativeBroadFraction() > 0f) {
                    fake = withBroadNegatives(fake);
                }
                if (config.negativeReplaySize() > 0) {
                    fake = replayed(fake);
                } else if (config.negativeLangevinSteps() > 0) {
                    fake = refineNegatives(fake);
                }
                Batch batch =
                        new Batch(
                                step,
                                new NDList(real, fake),
                                unusedLabels(real),
                                size,
                                Batchifier.STACK,
                                Batchifier.STACK,
                                progress,
                                total);
                trainStep(energyTrainer, batch);
            }
        }

        /**
         * Replaces the first {@code round(φ·batch)} of the generator's samples by points drawn
         * uniformly from the box {@code [−b·s, b·s]} in every coordinate ({@code s} the energy's
         * data scale), so that the negative phase also reaches where the generator never goes
         * and {@code U} rises there instead of extrapolating freely (the uniform-noise chains of
         * Du &amp; Mordatch 2019).
         */
        private NDArray withBroadNegatives(NDArray fake) {
            long size = fake.getShape().get(0);
            long broad = Math.round(config.negativeBroadFraction() * size);
            if (broad == 0) {
                return fake;
            }
            float half = config.negativeBroadScale() * gan.getEnergy().getDataScale();
            Shape shape = new Shape(broad).addAll(fake.getShape().slice(1));
            NDArray box = random.uniform(fake.getManager(), -half, half, shape, fake.getDataType());
            return broad == size ? box : box.concat(fake.get(broad + ":"), 0);
        }

        /**
         * Continues persistent chains: draws a batch of chains from the replay buffer without
         * replacement, restarts each from its fresh negative with probability {@code
         * negativeReplayFresh}, refines them and writes them back. While the buffer fills, the
         * fresh negatives start new chains. Chains thus run for many refinements and reach
         * regions of low {@code U} that a few steps from the generator's samples never do.
         */
        private NDArray replayed(NDArray fresh) {
            NDManager manager = fresh.getManager();
            long size = config.negativeReplaySize();
            long batch = fresh.getShape().get(0);
            if (replay == null) {
                Shape shape = new Shape(size).addAll(fresh.getShape().slice(1));
                replay = run.zeros(shape, fresh.getDataType());
            }
            NDArray slots;
            NDArray start = fresh;
            if (replayFilled < size) {
                long end = Math.min(replayFilled + batch, size);
                slots =
                        manager.arange((int) replayFilled, (int) end)
                                .toType(DataType.INT64, false);
                replayFilled = end;
            } else {
                slots = random.permutation(manager, size).get(":" + batch);
                long[] column = new long[fresh.getShape().dimension()];
                Arrays.fill(column, 1L);
                column[0] = batch;
                NDArray restart =
                        random.uniform(manager, 0f, 1f, new Shape(batch), fresh.getDataType())
                                .lt(config.negativeReplayFresh())
                                .reshape(new Shape(column))
                                .broadcast(fresh.getShape());
                start = NDArrays.where(restart, fresh, replay.get(new NDIndex("{}", slots)));
            }
            NDArray refined = refineNegatives(start);
            replay.set(new NDIndex("{}", slots), refined.get(":" + slots.getShape().get(0)));
            return refined;
        }

        /**
         * Refines the generator's samples by Langevin steps on {@code U} in data space. Unadjusted,
         * in standardised units: {@code x ← x − α s²∇U(x) + s√(2α)·ε}; its noise alone spreads the
         * negatives, so a step that is large beside the data's modes teaches {@code U} wells
         * narrower than the data's. Adjusted (MALA), the chains leave {@code exp(−U)} invariant at
         * any step: the step starts at {@code α s²}, adapts towards acceptance 0.574 during every
         * refinement and carries over to the next one, so it follows {@code U} as it sharpens.
         */
        private NDArray refineNegatives(NDArray start) {
            if (config.negativeLangevinAdjusted()) {
                McmcResult refined =
                        MalaSampler.builder()
                                .optAdaptiveStepSize(negativeStep, config.negativeLangevinSteps())
                                .setSteps(0)
                                .optSeed(draws.nextInt())
                                .build()
                                .sample(negatives, start, null);
                negativeStep = refined.getDiagnostics().getStepSize();
                return refined.getSamples().stopGradient();
            }
            EnergyScorer scorer = EnergyScorer.of(gan);
            float s = gan.getEnergy().getDataScale();
            float alpha = config.negativeLangevinStepSize();
            NDArray x = start;
            for (int k = 0; k < config.negativeLangevinSteps(); k++) {
                NDArray gradient = scorer.energiesAndGradients(x).get(1);
                NDArray noise = random.normal(x.getManager(), x.getShape(), x.getDataType());
                x =
                        x.sub(Scalars.mul(gradient, alpha * s * s))
                                .add(Scalars.mul(noise, s * (float) Math.sqrt(2 * alpha)));
            }
            return x.stopGradient();
        }

        void generatorStep(long progress, long total) {
            try (NDManager step = run.newSubManager()) {
                int size = config.batchSize();
                NDArray z =
                        random.normal(
                                step, new Shape(size, gan.getLatentFeatures()), DataType.FLOAT32);
                NDList data = new NDList(z);
                if (marginalCodes) {
                    data.add(z.get(random.permutation(step, size)));
                }
                Batch batch =
                        new Batch(
                                step,
                                data,
                                unusedLabels(z),
                                size,
                                Batchifier.STACK,
                                Batchifier.STACK,
                                progress,
                                total);
                trainStep(generatorTrainer, batch);
            }
        }

        private void trainStep(Trainer trainer, Batch batch) {
            EasyTrain.trainBatch(trainer, batch);
            // A skipped step is not applied at all: Adam's moments stay as they were.
            if (guards.stream().noneMatch(DivergenceGuard::isLastStepSkipped)) {
                trainer.step();
            }
        }
    }
}
