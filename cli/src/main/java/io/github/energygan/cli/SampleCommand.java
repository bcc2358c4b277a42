/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.util.ProgressBar;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.github.energygan.dataset.FashionMnist;
import io.github.energygan.dataset.GaussianMixture2d;
import io.github.energygan.dataset.ToyDataset2d;
import io.github.energygan.metrics.ImageClassifier;
import io.github.energygan.metrics.ImageQuality;
import io.github.energygan.metrics.ImageQualityEvaluation;
import io.github.energygan.metrics.MixtureMetrics;
import io.github.energygan.metrics.MixtureQuality;
import io.github.energygan.metrics.MemorisationCheck;
import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.plot.EnergyLandscapePlot;
import io.github.energygan.plot.ImageGridPlot;
import io.github.energygan.sampling.LatentSampling;
import io.github.energygan.sampling.SampleRequest;
import io.github.energygan.sampling.SamplerDiagnostics;
import io.github.energygan.zoo.EnergyGanModelZoo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Draws samples from a saved model with MCMC in latent space (MALA by default) and writes them as
 * CSV, with the raw generator samples beside them, the sampler's diagnostics and throughput, and
 * for 2-D models the energy landscape under both sets of samples; with {@code --dataset} it also
 * scores both sets by the VEEGAN/PacGAN protocol.
 */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = {
            "Sample a saved model with MCMC in latent space (E(z) = β·U(G(z)) + ||z||²/2) and",
            "write the samples (CSV), the diagnostics and throughput (JSON) and, for 2-D models,",
            "the energy landscape under the raw and the MCMC samples (PNG)."
        })
public final class SampleCommand implements Callable<Integer> {

    static final String SAMPLES_CSV = "samples.csv";
    static final String RAW_CSV = "raw-samples.csv";
    static final String REPORT_JSON = "sampling.json";
    static final String RAW_PNG = "landscape-raw.png";
    static final String MCMC_PNG = "landscape-mcmc.png";
    static final String RAW_GRID_PNG = "samples-raw.png";
    static final String MCMC_GRID_PNG = "samples-mcmc.png";
    static final int GRID_IMAGES = 64;

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    @Mixin ModelSource source;

    @Option(
            names = {"-n", "--count"},
            description =
                    "Samples (= chains); default: 2500 for 2-D models; for image models 64, or"
                            + " 1000 when --dataset fashion-mnist measures them.")
    Integer count;

    @Option(
            names = "--batch-size",
            defaultValue = "" + SampleRequest.DEFAULT_BATCH_SIZE,
            description =
                    "Chains run at a time; memory holds one batch's (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--steps",
            description =
                    "MCMC steps after warm-up; 0 for raw generator samples (default: "
                            + SampleRequest.DEFAULT_STEPS
                            + " for 2-D models, "
                            + SampleRequest.DEFAULT_IMAGE_STEPS
                            + " for image models).")
    Integer steps;

    @Option(
            names = "--warm-up",
            description =
                    "Warm-up steps, during which an automatic step size is adapted towards"
                            + " acceptance 0.574 (default: as --steps).")
    Integer warmUp;

    @Option(
            names = "--step-size",
            defaultValue = "auto",
            description = "Step size α, or auto (default: ${DEFAULT-VALUE}).")
    String stepSize;

    @Option(
            names = "--beta",
            defaultValue = "1",
            description = "Inverse temperature β (default: ${DEFAULT-VALUE}).")
    float beta;

    @Option(
            names = "--no-prior",
            description =
                    "Drop the prior term ||z||²/2 and sample β·U(G(z)) alone, as the"
                            + " article's reference code does.")
    boolean noPrior;

    @Option(
            names = "--method",
            defaultValue = "mala",
            description = "mala (exact) or langevin (unadjusted); default: ${DEFAULT-VALUE}.")
    String method;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "Seed of the latent draws and the chains (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(
            names = "--dataset",
            description =
                    "Score raw and MCMC samples: against an embedded mixture (grid-25, ring-8) by"
                            + " the VEEGAN/PacGAN protocol, or against fashion-mnist by FID, KID,"
                            + " density, coverage and class histogram in a classifier's features"
                            + " (beside real images at the same count) and by nearest-neighbour"
                            + " distances to training and test images.")
    String dataset;

    @Option(
            names = "--classifier",
            description =
                    "fashion-mnist only: the classifier directory written by `energy-gan"
                            + " classifier` (default: the one the zoo ships).")
    Path classifierDirectory;

    @Option(
            names = "--data-folder",
            defaultValue = FashionMnist.DEFAULT_FOLDER,
            description =
                    "fashion-mnist only: folder of the IDX files (default: ${DEFAULT-VALUE}).")
    Path dataFolder;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(
            names = {"-o", "--output"},
            defaultValue = "energy-gan-samples",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path output;

    /** {@inheritDoc} */
    @Override
    @SuppressWarnings("try") // the claim is held until everything is written, never read
    public Integer call() throws Exception {
        // Everything that can be checked is checked before the chains run.
        if (dataset != null && !TrainingOptions.FASHION_MNIST.equals(dataset)) {
            ToyDataset2d.checkMixture(dataset, "--dataset");
        }
        if (TrainingOptions.FASHION_MNIST.equals(dataset)) {
            FashionMnist.checkFolder(dataFolder);
        }
        if (classifierDirectory != null && !TrainingOptions.FASHION_MNIST.equals(dataset)) {
            throw new IllegalArgumentException(
                    "--classifier measures image samples; give it with --dataset fashion-mnist");
        }
        boolean measured = TrainingOptions.FASHION_MNIST.equals(dataset);
        Map<String, Object> report = new LinkedHashMap<>();
        try (EnergyGanModel loaded = source.load();
                ImageClassifier classifier = measured ? classifier() : null;
                NDManager manager = NDManager.newBaseManager()) {
            boolean images = loaded.getArchitecture().dataShape().dimension() == 3;
            SampleRequest request =
                    request(count != null ? count : images ? (measured ? 1000 : 64) : 2500)
                            .forData(loaded.getArchitecture().dataShape());
            if (measured && request.getCount() < 2) {
                throw new IllegalArgumentException(
                        "--dataset fashion-mnist measures >= 2 samples, got -n "
                                + request.getCount());
            }
            if (images != TrainingOptions.FASHION_MNIST.equals(dataset) && dataset != null) {
                throw new IllegalArgumentException(
                        "--dataset "
                                + dataset
                                + " does not fit this model's data "
                                + loaded.getArchitecture().dataShape());
            }
            // Everything is checked before the output directory is touched.
            try (OutputDirectory.Claim claim =
                    OutputDirectory.claim(output, overwrite.overwrite)) {
                long start = System.nanoTime();
                LatentSampling.Samples samples =
                        LatentSampling.sample(
                                loaded.getBlock(),
                                manager,
                                request,
                                noProgress ? null : new ProgressBar());
                // Reading the result back forces the whole computation into the timing.
                float[] values = samples.samples().toFloatArray();
                double seconds = (System.nanoTime() - start) / 1e9;
                long chainSteps =
                        (long) request.getCount() * (request.getSteps() + request.getWarmUpSteps());

                report.put("model", source.describe());
                report.put("architecture", loaded.getArchitecture().toString());
                report.put("request", request.toString());
                report.put("seconds", seconds);
                report.put("chainStepsPerSecond", chainSteps / seconds);
                report.put("machine", ToyExperiment.machine());
                SamplerDiagnostics diagnostics = samples.diagnostics();
                if (diagnostics != null) {
                    report.put("diagnostics", diagnostics(diagnostics));
                }

                PrintStream out = System.out;
                out.printf(Locale.ROOT, "%nenergy-gan sample: %s%n", request);
                out.printf(Locale.ROOT, "  model       %s%n", loaded.getArchitecture());
                if (diagnostics != null) {
                    out.printf(Locale.ROOT, "  chains      %s%n", diagnostics.summary());
                }
                out.printf(
                        Locale.ROOT,
                        "  throughput  %.0f chain-steps/s (%d chains × %d steps in %.2f s) on %s%n",
                        chainSteps / seconds,
                        request.getCount(),
                        request.getSteps() + request.getWarmUpSteps(),
                        seconds,
                        ToyExperiment.machine());

                if (dataset != null && images) {
                    report.put("dataset", dataset);
                    report.put("imageQuality", imageQuality(samples, classifier, manager, out));
                    report.put("nearestNeighbourDistance", memorisation(samples, manager, out));
                } else if (dataset != null) {
                    try (NDManager scope = manager.newSubManager()) {
                        ToyDataset2d data = ToyDataset2d.byName(dataset, scope, 256, 0, 256);
                        // A mixture: checked before sampling.
                        GaussianMixture2d mixture = (GaussianMixture2d) data;
                        MixtureQuality raw = MixtureMetrics.evaluate(samples.rawSamples(), mixture);
                        MixtureQuality mcmc = MixtureMetrics.evaluate(samples.samples(), mixture);
                        report.put("dataset", dataset);
                        report.put("rawGenerator", ToyExperiment.quality(raw));
                        report.put("mcmc", ToyExperiment.quality(mcmc));
                        out.printf(Locale.ROOT, "  raw G(z)    %s%n", raw.summary());
                        out.printf(Locale.ROOT, "  after MCMC  %s%n", mcmc.summary());
                    }
                }

                long features = samples.samples().size() / request.getCount();
                Map<String, String> files = new LinkedHashMap<>();
                if (images) {
                    // The grids show the first 64; the checks above use every sample.
                    String shown = ":" + GRID_IMAGES;
                    ImageGridPlot.save(
                            output.resolve(RAW_GRID_PNG), samples.rawSamples().get(shown), 8, 3);
                    ImageGridPlot.save(
                            output.resolve(MCMC_GRID_PNG), samples.samples().get(shown), 8, 3);
                    files.put("rawSampleGrid", RAW_GRID_PNG);
                    files.put("sampleGrid", MCMC_GRID_PNG);
                }
                OutputDirectory.writeString(output.resolve(SAMPLES_CSV), csv(values, features));
                OutputDirectory.writeString(
                        output.resolve(RAW_CSV), csv(samples.rawSamples().toFloatArray(), features));
                files.put("samples", SAMPLES_CSV);
                files.put("rawSamples", RAW_CSV);
                if (features == 2) {
                    plot(loaded, manager, samples.rawSamples(), "raw generator samples G(z)", RAW_PNG);
                    plot(loaded, manager, samples.samples(), "after " + request.getMethod(), MCMC_PNG);
                    files.put("landscapeRaw", RAW_PNG);
                    files.put("landscapeMcmc", MCMC_PNG);
                }
                report.put("files", files);
                OutputDirectory.writeString(output.resolve(REPORT_JSON), GSON.toJson(report));
                out.printf(
                        Locale.ROOT,
                        "  wrote       %s/{%s}%n",
                        output,
                        String.join(", ", files.values()) + ", " + REPORT_JSON);
            }
        }
        return 0;
    }

    /** The shipped classifier, or the one {@code --classifier} names, loaded and verified. */
    private ImageClassifier classifier() throws java.io.IOException, ai.djl.MalformedModelException {
        if (classifierDirectory == null) {
            return EnergyGanModelZoo.classifier(TrainingOptions.FASHION_MNIST);
        }
        if (!java.nio.file.Files.isDirectory(classifierDirectory)) {
            throw new IllegalArgumentException(
                    "--classifier "
                            + classifierDirectory.toAbsolutePath()
                            + " is not a directory; give the classifier/ directory that `energy-gan"
                            + " classifier` wrote");
        }
        return ImageClassifier.load(classifierDirectory);
    }

    /**
     * FID, KID, density, coverage and class histogram of the raw and MCMC samples, beside the same
     * figures for as many real training images: the floor at this sample count.
     */
    private Map<String, Object> imageQuality(
            LatentSampling.Samples samples,
            ImageClassifier classifier,
            NDManager manager,
            PrintStream out)
            throws java.io.IOException {
        try (NDManager scope = manager.newSubManager()) {
            FashionMnist test =
                    FashionMnist.builder()
                            .setManager(scope)
                            .optFolder(dataFolder)
                            .optUsage(FashionMnist.Usage.TEST)
                            .build();
            FashionMnist train =
                    FashionMnist.builder().setManager(scope).optFolder(dataFolder).build();
            int n = Math.toIntExact(samples.samples().getShape().get(0));
            try (ImageQualityEvaluation evaluation =
                    new ImageQualityEvaluation(classifier, test.getImages())) {
                ImageQuality floor = evaluation.realFloor(train.getImages(), n, seed);
                ImageQuality raw = evaluation.evaluate(samples.rawSamples(), seed);
                ImageQuality mcmc = evaluation.evaluate(samples.samples(), seed);
                out.printf(
                        Locale.ROOT,
                        "  image quality, against the %d test images (classifier %s, test"
                                + " accuracy %.4f):%n",
                        evaluation.getReferenceSize(),
                        classifier.getDigest().substring(0, 12),
                        classifier.getManifest().testAccuracy());
                out.printf(Locale.ROOT, "  real images %s%n", floor.summary());
                out.printf(Locale.ROOT, "  raw G(z)    %s%n", raw.summary());
                out.printf(Locale.ROOT, "  after MCMC  %s%n", mcmc.summary());
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("classifierTestAccuracy", classifier.getManifest().testAccuracy());
                map.put("realTrainingImages", floor.toMap());
                map.put("rawGenerator", raw.toMap());
                map.put("mcmc", mcmc.toMap());
                return map;
            }
        }
    }

    /** The memorisation check for raw and MCMC samples. */
    private Map<String, Object> memorisation(
            LatentSampling.Samples samples, NDManager manager, PrintStream out)
            throws java.io.IOException {
        try (NDManager scope = manager.newSubManager()) {
            TrainingOptions options = new TrainingOptions();
            options.dataFolder = dataFolder;
            MemorisationCheck raw =
                    ImageExperiment.memorisation(samples.rawSamples(), options, scope);
            MemorisationCheck mcmc =
                    ImageExperiment.memorisation(samples.samples(), options, scope);
            out.printf(Locale.ROOT, "  raw G(z)    memorising? %s%n", raw.summary());
            out.printf(Locale.ROOT, "  after MCMC  memorising? %s%n", mcmc.summary());
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rawGenerator", raw);
            map.put("mcmc", mcmc);
            return map;
        }
    }

    private SampleRequest request(int sampleCount) {
        SampleRequest.Builder builder =
                SampleRequest.builder()
                        .setCount(sampleCount)
                        .optBeta(beta)
                        .optPrior(!noPrior)
                        .optSeed(seed)
                        .optBatchSize(batchSize)
                        .optMethod(SampleRequest.Method.parse(method));
        if (steps != null) {
            builder.optSteps(steps);
        }
        if (warmUp != null) {
            builder.optWarmUpSteps(warmUp);
        }
        if ("auto".equalsIgnoreCase(stepSize.trim())) {
            builder.optAutoStepSize();
        } else {
            try {
                double value = Double.parseDouble(stepSize.trim());
                if (!(value > 0) || Double.isInfinite(value)) {
                    throw new NumberFormatException(stepSize);
                }
                builder.optStepSize(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--step-size must be a positive number or auto, got '" + stepSize + "'", e);
            }
        }
        return builder.build();
    }

    private void plot(
            EnergyGanModel loaded, NDManager manager, NDArray samples, String what, String file)
            throws java.io.IOException {
        try (NDManager scope = manager.newSubManager()) {
            double extent = 1.1 * Math.max(1e-3, samples.abs().max().getFloat());
            EnergyLandscapePlot.builder()
                    .optWindow(-extent, extent, -extent, extent)
                    .optTitle("U(x) with " + samples.getShape().get(0) + " " + what)
                    .build()
                    .save(output.resolve(file), loaded::energy, scope, samples);
        }
    }

    private static Map<String, Object> diagnostics(SamplerDiagnostics d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("method", d.getMethod());
        map.put("energy", d.getEnergy());
        map.put("chains", d.getChains());
        map.put("warmUpSteps", d.getWarmUpSteps());
        map.put("steps", d.getSteps());
        map.put("adapted", d.isAdapted());
        map.put("initialStepSize", d.getInitialStepSize());
        map.put("stepSize", d.getStepSize());
        map.put("targetAcceptance", d.getTargetAcceptance());
        map.put("warmUpAcceptance", d.getWarmUpAcceptance());
        map.put("meanAcceptance", d.getMeanAcceptance());
        float[] sorted = d.getChainAcceptance();
        Arrays.sort(sorted);
        Map<String, Object> quantiles = new LinkedHashMap<>();
        for (double q : new double[] {0, 0.05, 0.5, 0.95, 1}) {
            quantiles.put(
                    String.format(Locale.ROOT, "q%02d", Math.round(q * 100)),
                    sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
        }
        map.put("chainAcceptanceQuantiles", quantiles);
        map.put("chainAcceptance", d.getChainAcceptance());
        map.put("energyTrace", d.getEnergyTrace());
        return map;
    }

    private static String csv(float[] values, long features) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < features; j++) {
            text.append(j == 0 ? "" : ",").append('x').append(j);
        }
        text.append('\n');
        for (int i = 0; i < values.length; i += (int) features) {
            for (int j = 0; j < features; j++) {
                text.append(j == 0 ? "" : ",").append(values[i + j]);
            }
            text.append('\n');
        }
        return text.toString();
    }
}
