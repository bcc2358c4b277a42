/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.modality.Input;
import ai.djl.modality.Output;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import io.github.energygan.dataset.GaussianGrid;
import io.github.energygan.loss.EnergyLoss;
import io.github.energygan.metrics.MixtureMetrics;
import io.github.energygan.metrics.MixtureQuality;
import io.github.energygan.model.EnergyGanBlockFactory;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.nn.EnergyGanBlock;
import io.github.energygan.preset.EnergyGanPreset;
import io.github.energygan.sampling.DifferentiableEnergy;
import io.github.energygan.sampling.EnergyFunction;
import io.github.energygan.sampling.MalaSampler;
import io.github.energygan.sampling.McmcResult;
import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.scoring.EnergyScorer;
import io.github.energygan.training.EnergyCritic;
import io.github.energygan.training.EnergyGanTrainer;
import io.github.energygan.training.EnergyGanTrainingConfig;
import io.github.energygan.training.listener.DivergenceGuard;
import io.github.energygan.training.listener.EnergyStatisticsListener;
import io.github.energygan.translator.EnergyGanTranslatorFactory;
import io.github.energygan.translator.EnergyScore;
import io.github.energygan.translator.GeneratedSamples;
import io.github.energygan.tribuo.EnergyAnomalyModel;
import io.github.energygan.tribuo.EnergyAnomalyTrainer;
import io.github.energygan.tribuo.evaluation.AnomalyRanking;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.DataSource;
import org.tribuo.Excuse;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.Event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the Java snippets of the README, and checks that the README shows exactly this code: each
 * region between {@code // snippet:NAME} and {@code // end-snippet} below must appear verbatim
 * (after removing its indentation) in the README's block marked {@code <!-- snippet:NAME -->}.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("..", "README.md");

    /** The longer guide the README links to, which shows the rest of the library's snippets. */
    private static final Path USAGE = Path.of("..", "docs", "usage.md");

    @Test
    void trainAndEvaluate(@TempDir Path dir) throws Exception {
        Path modelDir = dir.resolve("my-model");
        // snippet:train
        try (NDManager manager = NDManager.newBaseManager()) {
            GaussianGrid grid = GaussianGrid.builder().setManager(manager).optSeed(0).build();
            EnergyGanPreset preset = EnergyGanPreset.FAST_2D;
            try (EnergyGanModel model =
                    EnergyGanModel.newModel(preset.architecture(grid.getStandardDeviation()), 0)) {
                EnergyStatisticsListener statistics = new EnergyStatisticsListener();
                EnergyGanTrainingConfig config =
                        preset.trainingConfig(
                                        500) // the preset trains 12,000; warm-up scaled to match
                                .optSeed(0)
                                .addTrainingListeners(statistics)
                                .build();
                new EnergyGanTrainer(model, config).fit(grid);

                NDArray samples = model.generate(manager, MixtureMetrics.PROTOCOL_SAMPLES);
                MixtureQuality quality = MixtureMetrics.evaluate(samples, grid);
                // After 500 iterations: most modes (24/25 here), few high-quality samples yet;
                // the preset's 12,000 reach 25/25 and about 96 %.
                System.out.println(quality.summary());
                assertTrue(quality.modesCovered() >= 20, quality.summary()); // not in README
                model.save(modelDir);
            }
        }
        // end-snippet
        assertTrue(Files.exists(modelDir.resolve(EnergyGanModel.PARAMETER_FILE)));

        // snippet:load
        try (EnergyGanModel model = EnergyGanModel.load(modelDir);
                NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[][] {{0f, 0f}, {1f, 1f}});
            NDArray energy = model.energy(x); // (2): low on the grid's modes, higher between
            NDArray samples = model.generate(manager, 16); // (16, 2)
            assertEquals(new Shape(2), energy.getShape()); // not in README
            assertEquals(new Shape(16, 2), samples.getShape()); // not in README
        }
        // end-snippet

        // snippet:model-load
        try (Model model = Model.newInstance("energy-gan")) { // the weight file's name
            // The factory rebuilds the networks from energy-gan.json and checks the weights'
            // SHA-256; then DJL's own Model.load reads them.
            model.setBlock(new EnergyGanBlockFactory().newBlock(model, modelDir, Map.of()));
            model.load(modelDir);
            EnergyGanBlock gan = (EnergyGanBlock) model.getBlock();
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray x = manager.create(new float[][] {{0f, 0f}, {1f, 1f}});
                NDArray energy = EnergyScorer.of(gan).energies(x); // U(x), (2)
                try (EnergyGanModel reference = EnergyGanModel.load(modelDir)) { // not in README
                    assertArrayEquals(reference.energy(x).toFloatArray(), energy.toFloatArray()); // not in README
                } // not in README
            }
        }
        // end-snippet

        // snippet:criteria
        Criteria<SampleRequest, GeneratedSamples> sampling =
                Criteria.builder()
                        .setTypes(SampleRequest.class, GeneratedSamples.class)
                        .optModelPath(modelDir) // a directory saved by EnergyGanModel or `train`
                        .optTranslatorFactory(new EnergyGanTranslatorFactory())
                        .build();
        try (ZooModel<SampleRequest, GeneratedSamples> model = sampling.loadModel();
                Predictor<SampleRequest, GeneratedSamples> predictor = model.newPredictor()) {
            SampleRequest request =
                    SampleRequest.builder()
                            .setCount(500) // one MALA chain per sample, in latent space
                            .optWarmUpSteps(100) // adapts the step size towards acceptance 0.574
                            .optSteps(100)
                            .optSeed(7)
                            .build();
            GeneratedSamples samples = predictor.predict(request);
            System.out.println(samples.getDiagnostics().orElseThrow().summary());
            float[] first = samples.samples()[0]; // a point on the grid, after MALA
            assertEquals(2, first.length); // not in README
            assertAcceptanceNearTarget(samples); // not in README
        }
        Criteria<float[], EnergyScore> scoring =
                Criteria.builder()
                        .setTypes(float[].class, EnergyScore.class)
                        .optModelPath(modelDir)
                        .optTranslatorFactory(new EnergyGanTranslatorFactory())
                        .build();
        try (ZooModel<float[], EnergyScore> model = scoring.loadModel();
                Predictor<float[], EnergyScore> predictor = model.newPredictor()) {
            EnergyScore onMode = predictor.predict(new float[] {0f, 0f}); // U(x), ||∇U(x)||²
            EnergyScore between = predictor.predict(new float[] {1f, 1f});
            System.out.println(onMode + " vs " + between);
            assertModesBelowCells(predictor); // not in README
        }
        // end-snippet

        // snippet:serving
        Criteria<Input, Output> serving =
                Criteria.builder()
                        .setTypes(Input.class, Output.class) // DJL Serving's types: no factory
                        .optModelPath(modelDir)
                        .build();
        try (ZooModel<Input, Output> model = serving.loadModel();
                Predictor<Input, Output> predictor = model.newPredictor()) {
            Input score = new Input();
            score.add("{\"points\": [[0, 0], [1, 1]]}"); // or {"count": 5, "steps": 100, ...}
            String json = predictor.predict(score).getData().getAsString();
            System.out.println(json); // {"energies": [...], "squaredGradientNorms": [...]}
            assertTrue(json.contains("\"energies\""), json); // not in README
        }
        // end-snippet
    }

    @Test
    @SuppressWarnings("unchecked")
    void tribuoFromAnXmlConfig(@TempDir Path dir) throws Exception {
        // snippet:tribuo
        String file = "tribuo-adapter/configs/energy-anomaly-gaussian.xml"; // trainer, train, test
        file = "../" + file; // not in README
        ConfigurationManager cm = new ConfigurationManager(file);
        EnergyAnomalyTrainer trainer = (EnergyAnomalyTrainer) cm.lookup("trainer");
        MutableDataset<Event> train = new MutableDataset<>((DataSource<Event>) cm.lookup("train"));
        MutableDataset<Event> test = new MutableDataset<>((DataSource<Event>) cm.lookup("test"));
        try (EnergyAnomalyModel model = trainer.train(train)) { // EXPECTED events only
            AnomalyRanking ranking = AnomalyRanking.evaluate(model, test);
            System.out.println(ranking.summary()); // AUROC, AUPRC, precision, recall, F1
            System.out.println(ranking.evaluation().confusionString());
            Prediction<Event> p = model.predict(test.getExample(0)); // score = energy, high = odd
            Excuse<Event> why = model.getExcuse(test.getExample(0)).orElseThrow(); // x·∂U/∂x
            model.serializeToFile(dir.resolve("energy.tribuo")); // Tribuo protobuf
            assertTrue(ranking.auroc() > 0.95, ranking.summary()); // not in README
            assertEquals(5, attributions(why)); // not in README
            assertTrue(Double.isFinite(p.getOutput().getScore())); // not in README
        }
        try (EnergyAnomalyModel loaded = EnergyAnomalyModel.load(dir.resolve("energy.tribuo"))) {
            System.out.println(loaded.getProvenance()); // the config that retrains it
        }
        // end-snippet
    }

    @Test
    void malaOnAnyEnergy() {
        // snippet:mcmc
        try (NDManager manager = NDManager.newBaseManager()) {
            // A banana: x1 ~ N(0, 4), x2 | x1 ~ N((x1² − 4)/4, 1); any differentiable NDArray
            // function of a (batch, ...) array works, its gradient taken by autograd.
            EnergyFunction banana =
                    new DifferentiableEnergy(
                            new Shape(2),
                            x -> {
                                NDArray x1 = x.get(":, 0");
                                NDArray bend = x.get(":, 1").sub(x1.square().sub(4f).div(4f));
                                return x1.square().div(8f).add(bend.square().div(2f));
                            },
                            "banana");
            McmcResult result =
                    MalaSampler.builder()
                            .optAdaptiveStepSize(0.01, 300) // Robbins–Monro, then frozen
                            .setSteps(700)
                            .optSeed(1)
                            .build()
                            .sample(banana, manager.zeros(new Shape(10_000, 2))); // 10k chains
            NDArray draws = result.getSamples(); // (10000, 2), one per chain
            System.out.println(result.getDiagnostics().summary()); // acceptance ≈ 0.57
            float variance = draws.get(":, 0").square().mean().getFloat(); // not in README
            assertEquals(4f, variance, 0.3f); // not in README
        }
        // end-snippet
    }

    @Test
    void energyLossInAStockDjlPipeline() throws Exception {
        float before;
        float after;
        // snippet:stock
        // Your own energy network: any block whose output is U(x), (batch, 1).
        SequentialBlock energy =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(64).build())
                        .add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(64).build())
                        .add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(1).build());
        try (Model model = Model.newInstance("energy")) {
            model.setBlock(new EnergyCritic(energy)); // [x_data, x_model] → what EnergyLoss reads
            EnergyStatisticsListener statistics = new EnergyStatisticsListener();
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(new EnergyLoss(0.1f)) // penalty weight λ = 0.1
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(1e-3f))
                                            .build())
                            .addTrainingListeners(statistics, new DivergenceGuard());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2), new Shape(1, 2));
                NDManager manager = trainer.getManager();
                NDArray data = manager.randomNormal(new Shape(1280, 2)).mul(0.1f); // your data
                NDArray negatives =
                        manager.randomUniform(-2f, 2f, new Shape(1280, 2)); // your sampler
                ArrayDataset dataset =
                        new ArrayDataset.Builder()
                                .setData(data, negatives) // [x_data, x_model]
                                .optLabels(data) // EnergyLoss ignores labels; EasyTrain wants one
                                .setSampling(128, true)
                                .build();
                before = energyGap(trainer, data, negatives); // not in README
                EasyTrain.fit(trainer, 5, dataset, null); // 5 epochs of 10 steps
                after = energyGap(trainer, data, negatives); // not in README
                System.out.println(statistics.getLatest().orElseThrow().summary());
                assertEquals(50, statistics.getHistory().size()); // not in README
            }
        }
        // end-snippet
        assertTrue(after > before, "training widened the gap: " + before + " → " + after);
    }

    private static float energyGap(Trainer trainer, NDArray data, NDArray negatives) {
        NDList out = trainer.evaluate(new NDList(data, negatives));
        return out.get(1).mean().getFloat() - out.get(0).mean().getFloat();
    }

    @Test
    void readmeShowsTheseSnippets() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String usage = Files.readString(USAGE, StandardCharsets.UTF_8);
        String source =
                Files.readString(
                        Path.of("src/test/java/io/github/energygan/it/ReadmeSnippetsTest.java"),
                        StandardCharsets.UTF_8);
        String zoo =
                Files.readString(
                        Path.of("src/test/java/io/github/energygan/it/ZooLookupMain.java"),
                        StandardCharsets.UTF_8);
        for (String name : List.of("zoo", "stock", "tribuo")) {
            String code = snippet(name.equals("zoo") ? zoo : source, name);
            assertEquals(
                    code,
                    readmeBlock(readme, name),
                    "README snippet '" + name + "' differs from the tested code");
        }
        for (String name : List.of("train", "load", "model-load", "criteria", "serving", "mcmc")) {
            assertEquals(
                    snippet(source, name),
                    readmeBlock(usage, name),
                    "docs/usage.md snippet '" + name + "' differs from the tested code");
        }
    }

    private static String snippet(String source, String name) {
        int start = source.indexOf("// snippet:" + name + "\n");
        int end = source.indexOf("// end-snippet", start);
        assertTrue(start >= 0 && end > start, "snippet " + name + " in the test source");
        String body = source.substring(source.indexOf('\n', start) + 1, end);
        StringBuilder kept = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (!line.endsWith("// not in README")) {
                kept.append(line).append('\n');
            }
        }
        return dedent(kept.toString());
    }

    /** MALA's step adaptation brought the mean acceptance near its 0.574 target. */
    private static void assertAcceptanceNearTarget(GeneratedSamples samples) {
        double acceptance = samples.getDiagnostics().orElseThrow().getMeanAcceptance();
        assertTrue(acceptance > 0.45 && acceptance < 0.7, "acceptance " + acceptance);
    }

    /** The number of per-feature attributions in an excuse. */
    private static int attributions(Excuse<Event> why) {
        return why.getScores().get(org.tribuo.Model.ALL_OUTPUTS).size();
    }

    /**
     * A 500-iteration model (1,000 energy steps) has found the grid's layout: its mean energy over
     * the 25 modes lies below its mean over the 16 cell centres between them (single points are not
     * reliable after so short a run: U(0, 0) above U(1, 1) was seen once).
     */
    private static void assertModesBelowCells(Predictor<float[], EnergyScore> predictor)
            throws Exception {
        double modes = 0;
        double cells = 0;
        for (int i = -2; i <= 2; i++) {
            for (int j = -2; j <= 2; j++) {
                modes += predictor.predict(new float[] {2f * i, 2f * j}).energy() / 25;
            }
        }
        for (int i = -3; i <= 3; i += 2) {
            for (int j = -3; j <= 3; j += 2) {
                cells += predictor.predict(new float[] {i, j}).energy() / 16;
            }
        }
        assertTrue(modes < cells, "mean U on modes " + modes + ", between them " + cells);
    }

    private static String readmeBlock(String readme, String name) {
        int marker = readme.indexOf("<!-- snippet:" + name + " -->");
        assertTrue(marker >= 0, "README has no <!-- snippet:" + name + " --> block");
        int open = readme.indexOf("```java\n", marker);
        int close = readme.indexOf("```", open + 8);
        return dedent(readme.substring(open + 8, close));
    }

    private static String dedent(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return sb.toString();
    }

    static {
        Engine.getInstance().setRandomSeed(0);
    }
}
