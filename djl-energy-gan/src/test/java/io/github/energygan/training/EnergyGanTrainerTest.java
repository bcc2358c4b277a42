/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.util.Pair;

import io.github.energygan.dataset.GaussianGrid;
import io.github.energygan.dataset.GaussianRing;
import io.github.energygan.metrics.MixtureMetrics;
import io.github.energygan.metrics.MixtureQuality;
import io.github.energygan.model.EnergyGanArchitecture;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.preset.EnergyGanPreset;
import io.github.energygan.training.listener.CheckpointListener;
import io.github.energygan.training.listener.DivergenceGuard;
import io.github.energygan.training.listener.EnergyGanListener;
import io.github.energygan.training.listener.EnergyStatisticsListener;
import io.github.energygan.training.listener.TrainingDivergedException;
import io.github.energygan.model.Layers;
import io.github.energygan.model.MlpArchitecture;
import io.github.energygan.model.EstimatorSpec;
import io.github.energygan.nn.ActivationFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The two-phase trainer: isolation of the phases, memory, seeds, bad input, divergence. */
class EnergyGanTrainerTest {

    private static final EnergyGanArchitecture SMALL =
            new MlpArchitecture(
                    2,
                    2,
                    1f,
                    Layers.of(ActivationFunction.leakyRelu(0.2f), 32, 32),
                    0f,
                    Layers.of(ActivationFunction.relu(), 32, 32),
                    0f,
                    new EstimatorSpec(EnergyGanArchitecture.Estimator.JSD, Layers.of(ActivationFunction.leakyRelu(0.2f), 32, 32)));

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private GaussianRing ring(int size) {
        return GaussianRing.builder().setManager(manager).optSize(size).optSeed(1).build();
    }

    private static EnergyGanTrainingConfig.Builder quick(int iterations) {
        return EnergyGanTrainingConfig.builder()
                .optIterations(iterations)
                .optBatchSize(64)
                .optCriticSteps(2)
                .optSeed(5);
    }

    private static float[] weights(Block block) {
        List<Float> values = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            for (float f : p.getValue().getArray().toFloatArray()) {
                values.add(f);
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static float gradientMass(Block block) {
        float total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (array.hasGradient()) {
                try (NDArray g = array.getGradient();
                        NDArray sum = g.abs().sum()) {
                    total += sum.getFloat();
                }
            }
        }
        return total;
    }

    /** Settings that exercise every part of the training state: averages, MALA negatives. */
    private static EnergyGanTrainingConfig.Builder resumable(int seed) {
        return quick(60)
                .optSeed(seed)
                .optGeneratorAveraging(0.9f)
                .optEnergyAveraging(0.8f)
                .optNegativeLangevin(3, 0.01f)
                .optNegativeLangevinAdjusted(true);
    }

    @Test
    void aResumedRunEndsWithTheUninterruptedRunsWeights(@TempDir Path dir) throws Exception {
        // 200 samples in batches of 64: 3 batches a pass, so iteration 40 (80 batches) resumes
        // two batches into a pass.
        GaussianRing data = ring(200);
        float[] uninterrupted;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 7)) {
            EnergyGanTrainingConfig config =
                    resumable(5)
                            .addTrainingListeners(
                                    new CheckpointListener(model, dir.resolve("a"), 20, 5))
                            .build();
            new EnergyGanTrainer(model, config).fit(data);
            uninterrupted = weights(model.getBlock());
        }
        Path checkpoint = dir.resolve("a").resolve("iteration-00000040");
        assertTrue(Files.isRegularFile(checkpoint.resolve("training-state.json")));
        try (EnergyGanModel model = EnergyGanModel.load(checkpoint)) {
            CheckpointListener checkpoints = new CheckpointListener(model, dir.resolve("a"), 20, 5);
            EnergyStatisticsListener statistics = new EnergyStatisticsListener(1, 0);
            EnergyGanTrainingConfig config =
                    resumable(5).addTrainingListeners(checkpoints, statistics).build();
            new EnergyGanTrainer(model, config).fit(data, checkpoint);
            assertArrayEquals(uninterrupted, weights(model.getBlock()));
            // The listeners carry on counting from the checkpoint.
            assertEquals(41, statistics.getHistory().get(0).iteration());
            assertEquals(dir.resolve("a").resolve("iteration-00000060"), checkpoints.getLastCheckpoint().orElseThrow());
        }
    }

    @Test
    void aCheckpointOfOtherSettingsIsRefusedByName(@TempDir Path dir) throws Exception {
        GaussianRing data = ring(200);
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 7)) {
            EnergyGanTrainingConfig config =
                    resumable(5)
                            .addTrainingListeners(new CheckpointListener(model, dir, 20, 5))
                            .build();
            new EnergyGanTrainer(model, config).fit(data);
        }
        Path checkpoint = dir.resolve("iteration-00000020");
        try (EnergyGanModel model = EnergyGanModel.load(checkpoint)) {
            EnergyGanTrainer otherSeed = new EnergyGanTrainer(model, resumable(6).build());
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> otherSeed.fit(data, checkpoint));
            assertTrue(e.getMessage().contains("seed=5 then, seed=6 now"), e.getMessage());
            // A damaged state is named before any work.
            Files.write(
                    checkpoint.resolve("training-state.ndlist"),
                    new byte[] {1, 2, 3},
                    java.nio.file.StandardOpenOption.APPEND);
            java.io.IOException damaged =
                    assertThrows(
                            java.io.IOException.class,
                            () -> new EnergyGanTrainer(model, resumable(5).build()).fit(data, checkpoint));
            assertTrue(damaged.getMessage().contains("SHA-256"), damaged.getMessage());
        }
    }

    @Test
    void phasesNeverLeakGradientsIntoEachOther() throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 1)) {
            Block energy = model.getBlock().getEnergy();
            Block generator = model.getBlock().getGenerator();
            List<String> problems = new ArrayList<>();
            EnergyGanListener probe =
                    new EnergyGanListener() {
                        private float[] generatorBefore;
                        private float[] energyAfterCritic;

                        @Override
                        protected void onEnergyStep(Trainer t, BatchData b, long iteration) {
                            if (energyAfterCritic != null
                                    && !java.util.Arrays.equals(
                                            energyAfterCritic, weights(energy))) {
                                problems.add("the generator step changed U at " + iteration);
                            }
                            energyAfterCritic = null;
                            if (generatorBefore == null) {
                                generatorBefore = weights(generator);
                            }
                            if (gradientMass(generator) != 0f) {
                                problems.add("G has gradient in the energy step at " + iteration);
                            }
                            if (gradientMass(energy) == 0f) {
                                problems.add("U got no gradient at " + iteration);
                            }
                        }

                        @Override
                        protected void onGeneratorStep(Trainer t, BatchData b, long iteration) {
                            if (!java.util.Arrays.equals(generatorBefore, weights(generator))) {
                                problems.add("an energy step changed G at " + iteration);
                            }
                            generatorBefore = null;
                            if (gradientMass(energy) != 0f) {
                                problems.add(
                                        "U has gradient in the generator step at " + iteration);
                            }
                            if (gradientMass(generator) == 0f) {
                                problems.add("G got no gradient at " + iteration);
                            }
                            energyAfterCritic = weights(energy);
                        }
                    };
            new EnergyGanTrainer(model, quick(6).addTrainingListeners(probe).build())
                    .fit(ring(1000));
            assertEquals(List.of(), problems);
            assertEquals(6, probe.getCompletedIterations());
        }
    }

    @Test
    void stepsLeaveNoArraysBehind() throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 2)) {
            NDManager modelManager = model.getModel().getNDManager();
            long[] counts = new long[2];
            EnergyGanListener counter =
                    new EnergyGanListener() {
                        @Override
                        protected void onGeneratorStep(Trainer t, BatchData b, long iteration) {
                            if (iteration == 5) {
                                counts[0] = modelManager.getManagedArrays().size();
                            } else if (iteration == 60) {
                                counts[1] = modelManager.getManagedArrays().size();
                            }
                        }
                    };
            new EnergyGanTrainer(model, quick(60).addTrainingListeners(counter).build())
                    .fit(ring(2000));
            assertTrue(counts[0] > 0);
            assertEquals(counts[0], counts[1], "arrays alive at iteration 5 vs 60");
        }
    }

    @Test
    void sameSeedSameWeights() throws Exception {
        float[] first;
        float[] second;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 3)) {
            new EnergyGanTrainer(model, quick(15).build()).fit(ring(1000));
            first = weights(model.getBlock());
        }
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 3)) {
            new EnergyGanTrainer(model, quick(15).build()).fit(ring(1000));
            second = weights(model.getBlock());
        }
        assertArrayEquals(first, second);
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 3)) {
            new EnergyGanTrainer(model, quick(15).optSeed(6).build()).fit(ring(1000));
            assertFalse(java.util.Arrays.equals(first, weights(model.getBlock())));
        }
    }

    @Test
    void generatorAveragingGivesTheModelTheMovingAverageOfTheTrajectory() throws Exception {
        int iterations = 12;
        float decay = 0.8f;
        List<float[]> trajectory = new ArrayList<>();
        float[] plain;
        float[] plainEnergy;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 11)) {
            Block generator = model.getBlock().getGenerator();
            EnergyGanListener recorder =
                    new EnergyGanListener() {
                        @Override
                        protected void onGeneratorStep(Trainer t, BatchData b, long iteration) {
                            trajectory.add(weights(generator)); // before this step's update
                        }
                    };
            new EnergyGanTrainer(model, quick(iterations).addTrainingListeners(recorder).build())
                    .fit(ring(1000));
            plain = weights(generator);
            plainEnergy = weights(model.getBlock().getEnergy());
        }
        trajectory.add(plain);
        assertEquals(iterations + 1, trajectory.size());
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 11)) {
            new EnergyGanTrainer(model, quick(iterations).optGeneratorAveraging(decay).build())
                    .fit(ring(1000));
            float[] averaged = weights(model.getBlock().getGenerator());
            assertMovingAverage(trajectory, decay, averaged);
            assertFalse(
                    java.util.Arrays.equals(plain, averaged), "the average is not the last step");
            // The energy trains against the current generator either way.
            assertArrayEquals(plainEnergy, weights(model.getBlock().getEnergy()));
        }
    }

    @Test
    void energyAveragingGivesTheModelTheMovingAverageOfTheEnergy() throws Exception {
        int iterations = 12;
        float decay = 0.8f;
        List<float[]> trajectory = new ArrayList<>();
        float[] plain;
        float[] plainGenerator;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 12)) {
            Block energy = model.getBlock().getEnergy();
            trajectory.add(weights(energy));
            EnergyGanListener recorder =
                    new EnergyGanListener() {
                        @Override
                        protected void onGeneratorStep(Trainer t, BatchData b, long iteration) {
                            trajectory.add(weights(energy)); // after this iteration's critic steps
                        }
                    };
            new EnergyGanTrainer(model, quick(iterations).addTrainingListeners(recorder).build())
                    .fit(ring(1000));
            plain = weights(energy);
            plainGenerator = weights(model.getBlock().getGenerator());
        }
        assertEquals(iterations + 1, trajectory.size());
        assertArrayEquals(plain, trajectory.get(iterations), "the generator step leaves U alone");
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 12)) {
            new EnergyGanTrainer(model, quick(iterations).optEnergyAveraging(decay).build())
                    .fit(ring(1000));
            float[] averaged = weights(model.getBlock().getEnergy());
            assertMovingAverage(trajectory, decay, averaged);
            assertFalse(
                    java.util.Arrays.equals(plain, averaged), "the average is not the last step");
            // The generator trains against the current energy either way.
            assertArrayEquals(plainGenerator, weights(model.getBlock().getGenerator()));
        }
    }

    /**
     * Asserts that {@code averaged} is the exponential moving average of {@code trajectory} (its
     * first entry the starting value, each later one folded in with weight {@code 1 - decay}).
     */
    private static void assertMovingAverage(
            List<float[]> trajectory, float decay, float[] averaged) {
        double[] expected = new double[averaged.length];
        for (int j = 0; j < expected.length; j++) {
            expected[j] = trajectory.get(0)[j];
        }
        for (float[] w : trajectory.subList(1, trajectory.size())) {
            for (int j = 0; j < expected.length; j++) {
                expected[j] = decay * expected[j] + (1 - decay) * w[j];
            }
        }
        double worst = 0;
        for (int j = 0; j < expected.length; j++) {
            worst = Math.max(worst, Math.abs(averaged[j] - expected[j]));
        }
        assertTrue(worst < 1e-5, "largest difference from the moving average: " + worst);
    }

    @Test
    void shortTrainingBeatsTheUntrainedGenerator() throws Exception {
        GaussianGrid grid =
                GaussianGrid.builder().setManager(manager).optSize(50_000).optSeed(4).build();
        // The demo's preset, its schedule squeezed into a quarter of the iterations.
        EnergyGanArchitecture architecture =
                EnergyGanPreset.FAST_2D.architecture(grid.getStandardDeviation());
        try (EnergyGanModel model = EnergyGanModel.newModel(architecture, 4);
                NDManager scope = manager.newSubManager()) {
            MixtureQuality before = quality(model, scope, grid);
            EnergyStatisticsListener statistics = new EnergyStatisticsListener(50, 0);
            EnergyGanTrainingConfig config =
                    EnergyGanPreset.FAST_2D
                            .trainingConfig(2000)
                            .optSeed(4)
                            .addTrainingListeners(statistics)
                            .build();
            new EnergyGanTrainer(model, config).fit(grid);
            MixtureQuality after = quality(model, scope, grid);
            // Untrained, G(z) is a small blob near the origin scaled out by s: no mode, or one.
            String change = before.summary() + " → " + after.summary();
            // Margins that hold for a run that stalls as well as for one that converges: after
            // 2,000 iterations a stalled run still finds most modes, with wide ones (4-11 %
            // high-quality seen). The untrained generator's blob may sit on the central mode, so
            // its high-quality share can be large (20 % seen) while it covers one mode: coverage
            // and balance are what must improve. Samples spread uniformly over the grid's square
            // would be high-quality 1.8 % of the time; trained ones must beat that.
            assertTrue(after.modesCovered() >= before.modesCovered() + 15, change);
            assertTrue(after.reverseKl() < Math.min(1.0, before.reverseKl() / 2), change);
            assertTrue(after.highQualityFraction() > 0.025, change);
            // The energy learned where the data are: lower on data than on uniform noise.
            NDArray noise = scope.randomUniform(-5f, 5f, new Shape(2000, 2));
            float onData = model.energy(grid.getPoints().get("0:2000")).mean().getFloat();
            float offData = model.energy(noise).mean().getFloat();
            assertTrue(onData < offData, "U(data) " + onData + " vs U(noise) " + offData);
        }
    }

    private static MixtureQuality quality(
            EnergyGanModel model, NDManager scope, GaussianGrid grid) {
        Engine.getInstance().setRandomSeed(77);
        return MixtureMetrics.evaluate(
                model.generate(scope, MixtureMetrics.PROTOCOL_SAMPLES), grid);
    }

    @Test
    void divergenceStopsWithTheLastGoodCheckpoint(@TempDir Path dir) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 6)) {
            CheckpointListener checkpoints = new CheckpointListener(model, dir, 1, 2);
            EnergyGanTrainingConfig config =
                    quick(200)
                            .optPenaltyLambda(0f)
                            .optEnergyLearningRate(5f)
                            .addTrainingListeners(checkpoints)
                            .build();
            TrainingDivergedException e =
                    assertThrows(
                            TrainingDivergedException.class,
                            () -> new EnergyGanTrainer(model, config).fit(ring(1000)));
            assertTrue(e.getIteration() > 1, "diverged after some good iterations");
            Path last = e.getLastCheckpoint().orElseThrow();
            assertTrue(e.getMessage().contains(last.toString()), e.getMessage());
            assertEquals(checkpoints.getLastCheckpoint().orElseThrow(), last);
            try (EnergyGanModel good = EnergyGanModel.load(last);
                    NDManager scope = manager.newSubManager()) {
                NDArray u = good.energy(ring(100).getPoints().duplicate());
                float spread = u.sub(u.mean()).abs().max().getFloat();
                assertTrue(
                        Float.isFinite(spread) && spread <= 1e5f, "checkpoint is sane: " + spread);
            }
            assertTrue(checkpoints.getCheckpoints().size() <= 2, "keeps only the newest 2");
        }
    }

    /** Writes NaN into the generator's first gradient at the chosen iterations. */
    private static EnergyGanListener nanInjector(java.util.function.LongPredicate when) {
        return new EnergyGanListener() {
            @Override
            protected void onGeneratorStep(Trainer t, BatchData b, long iteration) {
                if (when.test(iteration)) {
                    Parameter first = t.getModel().getBlock().getParameters().valueAt(0);
                    try (NDArray g = first.getArray().getGradient()) {
                        g.muli(Float.NaN);
                    }
                }
            }
        };
    }

    @Test
    void aStepWithNonFiniteGradientsIsSkipped() throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 9)) {
            DivergenceGuard guard = new DivergenceGuard();
            EnergyGanTrainingConfig config =
                    quick(8).addTrainingListeners(nanInjector(i -> i == 3), guard).build();
            new EnergyGanTrainer(model, config).fit(ring(500));
            assertEquals(1, guard.getSkippedSteps());
            for (float w : weights(model.getBlock())) {
                assertTrue(Float.isFinite(w), "no NaN reached the weights");
            }
        }
    }

    /**
     * DJL's {@code Trainer.step()} rejects a first step whose gradients are all zero; a skipped
     * first step must therefore never reach it, in either phase, and training goes on.
     */
    @Test
    void aSkippedFirstStepIsNotAppliedAndTrainingGoesOn() throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 9)) {
            float[] before = weights(model.getBlock());
            DivergenceGuard guard = new DivergenceGuard();
            EnergyGanTrainingConfig config =
                    quick(1).addTrainingListeners(firstStepNaN(), guard).build();
            EnergyGanTrainer trainer = new EnergyGanTrainer(model, config);
            trainer.fit(ring(500));
            // One iteration: every energy step and the generator step poisoned, so nothing moved.
            assertEquals(config.criticSteps() + 1, guard.getSkippedSteps());
            assertArrayEquals(before, weights(model.getBlock()), "skipped steps were not applied");
        }
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 9)) {
            DivergenceGuard guard = new DivergenceGuard();
            EnergyGanTrainingConfig config =
                    quick(6).addTrainingListeners(firstStepNaN(), guard).build();
            new EnergyGanTrainer(model, config).fit(ring(500));
            assertEquals(config.criticSteps() + 1, guard.getSkippedSteps());
            for (float w : weights(model.getBlock())) {
                assertTrue(Float.isFinite(w), "no NaN reached the weights");
            }
        }
    }

    /** Writes NaN into the first gradient of both phases in the first iteration. */
    private static EnergyGanListener firstStepNaN() {
        return new EnergyGanListener() {
            private void poison(Trainer t) {
                Parameter first = t.getModel().getBlock().getParameters().valueAt(0);
                try (NDArray g = first.getArray().getGradient()) {
                    g.muli(Float.NaN);
                }
            }

            @Override
            protected void onEnergyStep(Trainer t, BatchData b, long iteration) {
                if (iteration == 1) {
                    poison(t);
                }
            }

            @Override
            protected void onGeneratorStep(Trainer t, BatchData b, long iteration) {
                if (iteration == 1) {
                    poison(t);
                }
            }
        };
    }

    /**
     * Adds {@code 1e20} to every entry of the generator's first weight gradient at one iteration
     * (finite, but its square overflows float) and returns the share of that weight's entries that
     * did not change between the second iteration after the spike and the end of training.
     */
    private float frozenShareAfterSpike(DivergenceGuard guard) throws Exception {
        float[][] snapshot = new float[1][];
        EnergyGanListener spikeAndSnapshot =
                new EnergyGanListener() {
                    @Override
                    protected void onGeneratorStep(Trainer t, BatchData b, long iteration) {
                        Parameter first = t.getModel().getBlock().getParameters().valueAt(0);
                        if (iteration == 3) {
                            try (NDArray g = first.getArray().getGradient()) {
                                g.addi(1e20f);
                            }
                        } else if (iteration == 5) {
                            snapshot[0] = first.getArray().toFloatArray();
                        }
                    }
                };
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 11)) {
            EnergyGanTrainingConfig config =
                    quick(12).addTrainingListeners(spikeAndSnapshot, guard).build();
            new EnergyGanTrainer(model, config).fit(ring(500));
            Parameter first = model.getBlock().getGenerator().getParameters().valueAt(0);
            float[] end = first.getArray().toFloatArray();
            int unchanged = 0;
            for (int i = 0; i < end.length; i++) {
                assertTrue(Float.isFinite(end[i]), "no overflow reached the weights");
                unchanged += end[i] == snapshot[0][i] ? 1 : 0;
            }
            return unchanged / (float) end.length;
        }
    }

    @Test
    void aGradientSpikeIsSkippedSoAdamKeepsLearning() throws Exception {
        DivergenceGuard guard = new DivergenceGuard();
        float frozen = frozenShareAfterSpike(guard);
        assertEquals(1, guard.getSkippedSteps());
        assertTrue(frozen < 0.5f, "the weights still move after the spike; frozen share " + frozen);

        // Without the magnitude bound the spike reaches Adam: its squared-gradient mean overflows
        // to
        // infinity, and every later update of those entries is exactly zero.
        DivergenceGuard finiteOnly =
                new DivergenceGuard(
                        DivergenceGuard.DEFAULT_MAX_ENERGY_DEVIATION,
                        Float.MAX_VALUE,
                        DivergenceGuard.DEFAULT_MAX_SKIPPED_STEPS);
        assertEquals(1f, frozenShareAfterSpike(finiteOnly), "Adam froze the weight");
        assertEquals(0, finiteOnly.getSkippedSteps());
    }

    @Test
    void persistentNonFiniteGradientsStopTraining() throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 10)) {
            EnergyGanTrainingConfig config =
                    quick(20)
                            .addTrainingListeners(nanInjector(i -> i >= 5), new DivergenceGuard())
                            .build();
            TrainingDivergedException e =
                    assertThrows(
                            TrainingDivergedException.class,
                            () -> new EnergyGanTrainer(model, config).fit(ring(500)));
            // Three skips allowed (iterations 5, 6, 7), the fourth in a row stops the run.
            assertEquals(8, e.getIteration());
            assertTrue(e.getMessage().contains("generator"), e.getMessage());
            assertTrue(e.getMessage().contains("NaN, infinite or exploding"), e.getMessage());
            for (float w : weights(model.getBlock())) {
                assertTrue(Float.isFinite(w), "no NaN reached the weights");
            }
        }
    }

    @Test
    void langevinRefinedNegativesAndTheMagnitudeTermTrainAndChangeTheRun() throws Exception {
        float[] plain;
        float[] refined;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 6)) {
            new EnergyGanTrainer(model, quick(20).build()).fit(ring(1000));
            plain = weights(model.getBlock().getEnergy());
        }
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 6)) {
            EnergyGanTrainingConfig config =
                    quick(20).optNegativeLangevin(5, 1e-3f).optEnergyMagnitudeWeight(0.1f).build();
            new EnergyGanTrainer(model, config).fit(ring(1000));
            refined = weights(model.getBlock().getEnergy());
        }
        for (float w : refined) {
            assertTrue(Float.isFinite(w));
        }
        assertFalse(java.util.Arrays.equals(plain, refined), "the options change training");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optNegativeLangevin(-1, 1e-3f).build(),
                "negativeLangevinSteps");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optNegativeLangevin(3, 0f).build(),
                "negativeLangevinStepSize");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optEnergyMagnitudeWeight(-1f).build(),
                "energyMagnitudeWeight");
    }

    @Test
    void metropolisAdjustedNegativesTrainReproduciblyAndDifferFromUnadjusted() throws Exception {
        float[] unadjusted;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 6)) {
            new EnergyGanTrainer(model, quick(20).optNegativeLangevin(5, 1e-3f).build())
                    .fit(ring(1000));
            unadjusted = weights(model.getBlock().getEnergy());
        }
        float[][] adjusted = new float[2][];
        for (int run = 0; run < 2; run++) {
            try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 6)) {
                EnergyGanTrainingConfig config =
                        quick(20)
                                .optNegativeLangevin(5, 1e-3f)
                                .optNegativeLangevinAdjusted(true)
                                .build();
                new EnergyGanTrainer(model, config).fit(ring(1000));
                adjusted[run] = weights(model.getBlock().getEnergy());
            }
        }
        for (float w : adjusted[0]) {
            assertTrue(Float.isFinite(w));
        }
        assertArrayEquals(adjusted[0], adjusted[1], "the same seed trains the same energy");
        assertFalse(
                java.util.Arrays.equals(unadjusted, adjusted[0]),
                "the Metropolis correction changes the negatives");
    }

    @Test
    void broadNegativesTrainReproduciblyAndTheirFractionIsChecked() throws Exception {
        float[][] broad = new float[2][];
        for (int run = 0; run < 2; run++) {
            try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 6)) {
                new EnergyGanTrainer(model, quick(20).optNegativeBroad(0.25f, 4f).build())
                        .fit(ring(1000));
                broad[run] = weights(model.getBlock().getEnergy());
            }
        }
        float[] plain;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 6)) {
            new EnergyGanTrainer(model, quick(20).build()).fit(ring(1000));
            plain = weights(model.getBlock().getEnergy());
        }
        assertArrayEquals(broad[0], broad[1], "the same seed trains the same energy");
        assertFalse(java.util.Arrays.equals(plain, broad[0]), "the broad negatives change training");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optNegativeBroad(1f, 4f).build(),
                "negativeBroadFraction");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optNegativeBroad(0.1f, 0f).build(),
                "negativeBroadScale");
    }

    @Test
    void replayedNegativesTrainReproduciblyAndTheBufferIsChecked() throws Exception {
        float[] fresh;
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 6)) {
            EnergyGanTrainingConfig config =
                    quick(20)
                            .optNegativeLangevin(3, 1e-3f)
                            .optNegativeLangevinAdjusted(true)
                            .build();
            new EnergyGanTrainer(model, config).fit(ring(1000));
            fresh = weights(model.getBlock().getEnergy());
        }
        float[][] replayed = new float[2][];
        for (int run = 0; run < 2; run++) {
            try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 6)) {
                // 256 chains fill after four energy steps; the other 36 continue them.
                EnergyGanTrainingConfig config =
                        quick(20)
                                .optNegativeLangevin(3, 1e-3f)
                                .optNegativeLangevinAdjusted(true)
                                .optNegativeReplay(256, 0.05f)
                                .build();
                new EnergyGanTrainer(model, config).fit(ring(1000));
                replayed[run] = weights(model.getBlock().getEnergy());
            }
        }
        for (float w : replayed[0]) {
            assertTrue(Float.isFinite(w));
        }
        assertArrayEquals(replayed[0], replayed[1], "the same seed trains the same energy");
        assertFalse(java.util.Arrays.equals(fresh, replayed[0]), "the replayed chains change training");
        assertMessage(
                () -> quick(20).optNegativeReplay(256, 0.05f).build(),
                "negativeReplaySize",
                "negativeLangevinSteps > 0");
        assertMessage(
                () -> quick(20).optNegativeLangevin(3, 1e-3f).optNegativeReplay(32, 0.05f).build(),
                "negativeReplaySize",
                "batchSize = 64");
        assertMessage(
                () -> quick(20).optNegativeLangevin(3, 1e-3f).optNegativeReplay(256, 0f).build(),
                "negativeReplayFresh");
    }

    @Test
    void badConfigValuesAreNamed() {
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optPenaltyLambda(-1f).build(), "λ", "-1");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optCriticSteps(0).build(), "nCritic", "0");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optBatchSize(0).build(), "batchSize", "0");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optIterations(-5).build(),
                "iterations",
                "-5");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optLearningRate(0f).build(),
                "LearningRate",
                "0");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optBetas(0.5f, 1f).build(), "beta2", "1");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optFinalLearningRateFactor(0f).build(),
                "finalLearningRateFactor");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optFinalEstimatorWeightFactor(1.5f).build(),
                "finalEstimatorWeightFactor",
                "1.5");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optEstimatorWeight(-1f).build(),
                "estimatorWeight");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optFinalPenaltyFactor(0f).build(),
                "finalPenaltyFactor",
                "0");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optGeneratorAveraging(1f).build(),
                "generatorAveraging",
                "1");
        assertMessage(
                () -> EnergyGanTrainingConfig.builder().optEnergyAveraging(-0.5f).build(),
                "energyAveraging",
                "-0.5");
        assertMessage(
                () ->
                        EnergyGanTrainingConfig.builder()
                                .optIterations(10)
                                .optWarmUpIterations(10)
                                .build(),
                "warmUpIterations",
                "10");
    }

    @Test
    void estimatorWeightFollowsACosineFromStartToEnd() {
        EnergyGanTrainingConfig config =
                EnergyGanTrainingConfig.builder()
                        .optIterations(101)
                        .optEstimatorWeight(2f)
                        .optFinalEstimatorWeightFactor(0.1f)
                        .build();
        assertEquals(2f, config.estimatorWeightAt(0), 1e-6f);
        assertEquals(1.1f, config.estimatorWeightAt(50), 1e-5f); // halfway: the mean of 2 and 0.2
        assertEquals(0.2f, config.estimatorWeightAt(100), 1e-6f);
        float previous = Float.MAX_VALUE;
        for (int i = 0; i <= 100; i++) {
            float w = config.estimatorWeightAt(i);
            assertTrue(w <= previous, "non-increasing");
            previous = w;
        }
        EnergyGanTrainingConfig constant =
                EnergyGanTrainingConfig.builder().optIterations(10).build();
        assertEquals(1f, constant.estimatorWeightAt(9));
    }

    @Test
    void guardBoundsAreNamed() {
        assertMessage(() -> new DivergenceGuard(0f, 3), "maxEnergyDeviation", "0.0");
        assertMessage(() -> new DivergenceGuard(1e5f, -1f, 3), "maxGradient", "-1.0");
        assertMessage(
                () -> new DivergenceGuard(1e5f, Float.POSITIVE_INFINITY, 3),
                "maxGradient",
                "Infinity");
        assertMessage(() -> new DivergenceGuard(1e5f, 1e8f, -1), "maxSkippedSteps", "-1");
        assertEquals(DivergenceGuard.DEFAULT_MAX_GRADIENT, new DivergenceGuard().getMaxGradient());
    }

    private static void assertMessage(Runnable action, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void badDatasetsAreRejectedBeforeTraining(@TempDir Path dir) throws Exception {
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 7)) {
            float[] before = weights(model.getBlock());
            CheckpointListener checkpoints = new CheckpointListener(model, dir.resolve("ck"), 1, 1);
            EnergyGanTrainer trainer =
                    new EnergyGanTrainer(model, quick(3).addTrainingListeners(checkpoints).build());

            ArrayDataset empty = arrays(manager.zeros(new Shape(0, 2)));
            assertMessage(() -> fitQuietly(trainer, empty), "empty");

            NDArray withNan = manager.randomNormal(new Shape(10, 2));
            withNan.set(new ai.djl.ndarray.index.NDIndex("7, 1"), Float.NaN);
            assertMessage(() -> fitQuietly(trainer, arrays(withNan)), "sample 7", "NaN");

            NDArray withInf = manager.randomNormal(new Shape(10, 2));
            withInf.set(new ai.djl.ndarray.index.NDIndex("2, 0"), Float.NEGATIVE_INFINITY);
            assertMessage(() -> fitQuietly(trainer, arrays(withInf)), "sample 2");

            assertMessage(
                    () -> fitQuietly(trainer, arrays(manager.ones(new Shape(10, 3)))),
                    "(3)",
                    "(2)");

            assertArrayEquals(before, weights(model.getBlock()), "no training happened");
            assertFalse(Files.exists(dir.resolve("ck")), "nothing written");
            assertEquals(0, trainer.getIteration());
        }
    }

    private ArrayDataset arrays(NDArray data) {
        return new ArrayDataset.Builder().setData(data).setSampling(4, true).build();
    }

    private static void fitQuietly(EnergyGanTrainer trainer, ArrayDataset data) {
        try {
            trainer.fit(data);
        } catch (java.io.IOException | ai.djl.translate.TranslateException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stockDjlListenersSeeBothTrainers() throws Exception {
        List<String> events = new ArrayList<>();
        TrainingListener stock =
                new ai.djl.training.listener.TrainingListenerAdapter() {
                    @Override
                    public void onTrainingBegin(Trainer trainer) {
                        events.add("begin " + trainer.getLoss().getName());
                    }

                    @Override
                    public void onEpoch(Trainer trainer) {
                        events.add("epoch " + trainer.getLoss().getName());
                    }

                    @Override
                    public void onTrainingEnd(Trainer trainer) {
                        events.add("end " + trainer.getLoss().getName());
                    }
                };
        try (EnergyGanModel model = EnergyGanModel.newModel(SMALL, 8)) {
            EnergyGanTrainingConfig config =
                    quick(4).optIterationsPerEpoch(2)
                            .addTrainingListeners(
                                    stock,
                                    new ai.djl.training.listener.TimeMeasureTrainingListener(
                                            dirName()),
                                    new ai.djl.training.listener.EvaluatorTrainingListener())
                            .build();
            new EnergyGanTrainer(model, config).fit(ring(500));
        }
        assertEquals(
                List.of(
                        "begin EnergyLoss",
                        "begin GeneratorLoss",
                        "epoch EnergyLoss",
                        "epoch GeneratorLoss",
                        "epoch EnergyLoss",
                        "epoch GeneratorLoss",
                        "end GeneratorLoss",
                        "end EnergyLoss"),
                events);
    }

    private static String dirName() throws java.io.IOException {
        return Files.createTempDirectory("time-measure").toString();
    }
}
