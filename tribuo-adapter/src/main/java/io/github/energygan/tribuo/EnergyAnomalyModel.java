/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import com.google.protobuf.Any;
import com.oracle.labs.mlrg.olcut.util.Pair;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.github.energygan.model.EnergyGanModel;
import io.github.energygan.model.ModelBytes;
import io.github.energygan.scoring.EnergyScorer;
import io.github.energygan.tribuo.protos.EnergyAnomalyModelProto;

import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.util.Util;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An energy-based anomaly detector: a trained energy GAN's energy network {@code U} scores each
 * example, and an example whose score is above the model's threshold is {@link
 * Event.EventType#ANOMALOUS}. Built by {@link EnergyAnomalyTrainer}.
 *
 * <p><b>Scores.</b> The {@link Event}'s score is {@link #getScore() the chosen score} of the
 * standardised features, {@code U(x')} or {@code ||∇ₓU(x')||²} with {@code x' = W·(x − offset) /
 * scale} ({@code W} the identity unless the trainer's scaling is {@link FeatureScaling#WHITENED}):
 * <b>higher means more anomalous</b> (the opposite of LibSVM's decision values, where
 * higher means more normal). Scores are comparable across examples of one model only.
 *
 * <p><b>Features.</b> Each example is mapped by name onto the training feature map, densely: a
 * feature the model has not seen is ignored, a missing one is 0 (before standardisation), and an
 * example with none of the model's features is rejected with an {@link IllegalArgumentException}.
 * Predictions over many examples are batched ({@value #PREDICTION_BATCH} at a time).
 *
 * <p><b>Explanations.</b> {@link #getExcuse} attributes the score to features by the first-order
 * Taylor expansion of {@code U} around the training mean: {@code a_i = u_i · ∂U/∂u_i} for the
 * centred and scaled features {@code u = (x − offset) / scale} (gradient × input; Simonyan et al.
 * 2014, Shrikumar et al. 2017), so that each attribution belongs to one of the example's features
 * even when whitening mixes them. {@link
 * #getTopFeatures} ranks features by the mean {@code |a_i|} over the training data.
 *
 * <p><b>Serialisation.</b> Protobuf ({@link #serialize()}, {@link #deserializeFromProto}) and Java
 * serialisation, the latter written through the protobuf form so that both give back identical
 * scores. The model holds native (libtorch) memory: {@link #close()} it when done.
 */
public final class EnergyAnomalyModel extends Model<Event> implements AutoCloseable {

    private static final org.slf4j.Logger logger =
            org.slf4j.LoggerFactory.getLogger(EnergyAnomalyModel.class);

    private static final long serialVersionUID = 1L;

    /**
     * Protobuf serialisation version: 2 adds the whitening matrix, 1 the SHA-256; every earlier
     * version still loads.
     */
    public static final int CURRENT_VERSION = 2;

    /** How many examples one batched forward pass scores. */
    public static final int PREDICTION_BATCH = 1024;

    private final transient EnergyGanModel gan;
    private final transient ModelBytes weights;
    private final FeatureStandardiser standardiser;
    private final AnomalyScore score;
    private final double threshold;
    private final double[] featureImportance;
    private final MissingFeatures missingFeatures;

    EnergyAnomalyModel(
            String name,
            ModelProvenance provenance,
            ImmutableFeatureMap featureIDMap,
            ImmutableOutputInfo<Event> outputIDInfo,
            EnergyGanModel gan,
            ModelBytes weights,
            FeatureStandardiser standardiser,
            AnomalyScore score,
            double threshold,
            double[] featureImportance,
            MissingFeatures missingFeatures) {
        super(name, provenance, featureIDMap, outputIDInfo, false);
        long dataFeatures = gan.getArchitecture().dataFeatures();
        if (dataFeatures != featureIDMap.size()
                || standardiser.size() != featureIDMap.size()
                || featureImportance.length != featureIDMap.size()) {
            throw new IllegalStateException(
                    "Inconsistent model: "
                            + featureIDMap.size()
                            + " features in the feature map, "
                            + dataFeatures
                            + " network inputs, "
                            + standardiser.size()
                            + " standardisation entries, "
                            + featureImportance.length
                            + " importances; expected all equal");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalStateException("Threshold must be finite, got " + threshold);
        }
        this.gan = gan;
        this.weights = weights;
        this.standardiser = standardiser;
        this.score = score;
        this.threshold = threshold;
        this.featureImportance = featureImportance.clone();
        this.missingFeatures = missingFeatures;
    }

    /**
     * Rebuilds a model from its protobuf form; called by Tribuo's {@code Model.deserialize}.
     *
     * @param version the serialised version
     * @param className the class name
     * @param message the serialised data
     * @return the model
     * @throws InvalidProtocolBufferException if the message cannot be parsed
     * @throws IllegalArgumentException if the version is unknown
     * @throws IllegalStateException if the message is not a valid energy anomaly model: another
     *     output domain, inconsistent sizes, or corrupt or truncated weights
     */
    public static EnergyAnomalyModel deserializeFromProto(
            int version, String className, Any message) throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException(
                    "Unknown version "
                            + version
                            + ", this class supports at most version "
                            + CURRENT_VERSION);
        }
        EnergyAnomalyModelProto proto = message.unpack(EnergyAnomalyModelProto.class);
        if (version >= 1) {
            checkDigest(proto);
        }
        ModelDataCarrier<?> carrier =
                ModelDataCarrier.deserialize(ModelDataProto.parseFrom(proto.getMetadata()));
        if (!(carrier.outputDomain().getOutput(0) instanceof Event)) {
            throw new IllegalStateException(
                    "Invalid protobuf: the output domain is not an anomaly detection domain, found "
                            + carrier.outputDomain().getClass().getName());
        }
        @SuppressWarnings("unchecked") // guarded by the instanceof check
        ImmutableOutputInfo<Event> outputDomain =
                (ImmutableOutputInfo<Event>) carrier.outputDomain();
        ModelBytes weights =
                new ModelBytes(proto.getManifest(), proto.getParameters().toByteArray());
        EnergyGanModel gan;
        try {
            gan = weights.load("protobuf model '" + carrier.name() + "'");
        } catch (MalformedModelException e) {
            throw new IllegalStateException(
                    "Invalid protobuf: the energy network's weights cannot be read: "
                            + e.getMessage(),
                    e);
        }
        try {
            return new EnergyAnomalyModel(
                    carrier.name(),
                    carrier.provenance(),
                    carrier.featureDomain(),
                    outputDomain,
                    gan,
                    weights,
                    new FeatureStandardiser(
                            Util.toPrimitiveFloat(proto.getFeatureOffsetList()),
                            Util.toPrimitiveFloat(proto.getFeatureScaleList()),
                            Util.toPrimitiveFloat(proto.getFeatureWhiteningList())),
                    AnomalyScore.valueOf(proto.getScore()),
                    proto.getThreshold(),
                    Util.toPrimitiveDouble(proto.getFeatureImportanceList()),
                    missingFeatures(carrier.provenance()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            gan.close();
            throw new IllegalStateException("Invalid protobuf: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model written by Tribuo's {@code serializeToFile} (protobuf) and checks that it is an
     * energy anomaly model.
     *
     * @param path the file
     * @return the model; close it when done
     * @throws IOException if the file cannot be read or is not a Tribuo protobuf model
     * @throws IllegalArgumentException if the file holds another kind of model, naming it
     * @throws IllegalStateException if the file is corrupt
     */
    public static EnergyAnomalyModel load(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(
                    path
                            + (Files.exists(path) ? " is not a file" : " does not exist")
                            + "; expected a Tribuo protobuf model file");
        }
        if (Files.size(path) == 0) {
            throw new IOException(path + " is empty; expected a Tribuo protobuf model file");
        }
        Model<?> model;
        try {
            model = Model.deserializeFromFile(path);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(
                    path + " is not a Tribuo protobuf model (" + e.getMessage() + ")", e);
        } catch (IllegalStateException e) {
            // Tribuo wraps what deserializeFromProto threw in a generic message: bring ours up.
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
                if (cause.getMessage() != null
                        && cause.getMessage().startsWith("Invalid protobuf")) {
                    break;
                }
            }
            throw new IllegalStateException(path + ": " + cause.getMessage(), e);
        }
        if (!(model instanceof EnergyAnomalyModel)) {
            throw new IllegalArgumentException(
                    path
                            + " holds a "
                            + model.getClass().getName()
                            + "; expected an "
                            + EnergyAnomalyModel.class.getName());
        }
        return (EnergyAnomalyModel) model;
    }

    /**
     * Returns which score the events carry.
     *
     * @return the score
     */
    public AnomalyScore getScore() {
        return score;
    }

    /**
     * Returns the threshold: events scoring above it are {@link Event.EventType#ANOMALOUS}.
     *
     * @return the threshold, in the score's units
     */
    public double getThreshold() {
        return threshold;
    }

    /**
     * Returns the underlying energy GAN (energy, generator and estimator networks) for sampling or
     * inspection; it sees standardised features. It stays owned by this model.
     *
     * @return the energy GAN
     */
    public EnergyGanModel getEnergyGan() {
        return gan;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the example has none of the model's features or a NaN or
     *     infinite value
     */
    @Override
    public Prediction<Event> predict(Example<Event> example) {
        return innerPredict(List.of(example)).get(0);
    }

    @Override
    protected List<Prediction<Event>> innerPredict(Iterable<Example<Event>> examples) {
        List<Prediction<Event>> predictions = new ArrayList<>();
        inChunks(examples, chunk -> predictions.addAll(predictChunk(chunk)));
        return predictions;
    }

    /** Hands the examples to {@code action} in chunks of at most {@link #PREDICTION_BATCH}. */
    private static void inChunks(
            Iterable<Example<Event>> examples, Consumer<List<Example<Event>>> action) {
        List<Example<Event>> chunk = new ArrayList<>(PREDICTION_BATCH);
        Iterator<Example<Event>> it = examples.iterator();
        while (it.hasNext()) {
            chunk.add(it.next());
            if (chunk.size() == PREDICTION_BATCH || !it.hasNext()) {
                action.accept(chunk);
                chunk.clear();
            }
        }
    }

    /** The standardised feature matrix of a chunk; {@code used[i]} gets example i's feature count. */
    private NDArray standardised(List<Example<Event>> chunk, NDManager manager, int[] used) {
        NDArray x = DenseFeatures.toMatrix(chunk, featureIDMap, manager, used);
        checkMissing(chunk, used);
        return standardiser.apply(x);
    }

    /**
     * Applies the {@link MissingFeatures} policy to a chunk whose examples' known-feature counts
     * are {@code used}.
     */
    private void checkMissing(List<Example<Event>> chunk, int[] used) {
        int lacking = 0;
        int first = -1;
        for (int i = 0; i < chunk.size(); i++) {
            if (used[i] < featureIDMap.size()) {
                lacking++;
                first = first < 0 ? i : first;
            }
        }
        if (lacking == 0) {
            return;
        }
        String message =
                lacking
                        + " of "
                        + chunk.size()
                        + " examples lack some of the model's "
                        + featureIDMap.size()
                        + " features (example "
                        + first
                        + " lacks "
                        + absent(chunk.get(first))
                        + ")";
        if (missingFeatures == MissingFeatures.REJECT) {
            throw new IllegalArgumentException(
                    message + "; this model rejects such examples (missingFeatures = REJECT)");
        }
        logger.warn(
                "{}; they are scored with those features at 0, Tribuo's convention for absent"
                        + " features, which can make a normal case look anomalous (train with"
                        + " missingFeatures = REJECT to refuse them)",
                message);
    }

    /** The model's features an example lacks, the first ten by name. */
    private String absent(Example<Event> example) {
        java.util.Set<String> present = new java.util.HashSet<>();
        for (org.tribuo.Feature feature : example) {
            present.add(feature.getName());
        }
        List<String> names = new ArrayList<>();
        int count = 0;
        for (org.tribuo.VariableInfo info : featureIDMap) {
            if (!present.contains(info.getName())) {
                if (names.size() < 10) {
                    names.add(info.getName());
                }
                count++;
            }
        }
        return count > names.size() ? names + " and " + (count - names.size()) + " more" : names.toString();
    }

    /**
     * The missing-feature policy the model was trained with, from its trainer's provenance; {@link
     * MissingFeatures#WARN} for models trained before the setting existed.
     */
    private static MissingFeatures missingFeatures(ModelProvenance provenance) {
        Object value =
                provenance.getTrainerProvenance().getConfiguredParameters().get("missingFeatures");
        if (value instanceof com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance<?> e) {
            return MissingFeatures.valueOf(e.getValue().name());
        }
        return MissingFeatures.WARN;
    }

    private List<Prediction<Event>> predictChunk(List<Example<Event>> chunk) {
        int[] used = new int[chunk.size()];
        double[] scores;
        try (NDManager manager = gan.getModel().getNDManager().newSubManager()) {
            NDArray x = standardised(chunk, manager, used);
            scores = Util.toDoubleArray(scores(x).toFloatArray());
        }
        List<Prediction<Event>> predictions = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            Event.EventType type =
                    scores[i] > threshold ? Event.EventType.ANOMALOUS : Event.EventType.EXPECTED;
            predictions.add(new Prediction<>(new Event(type, scores[i]), used[i], chunk.get(i)));
        }
        return predictions;
    }

    /**
     * Splits the energy of examples into the base measure's part and the learned network's part,
     * {@code U(x) = base(x) + network(x)} on the standardised features, in batches of {@link
     * #PREDICTION_BATCH}. Ranking by each part alone tells what training added to the base: a
     * network part that ranks anomalies below normal data pulls the full energy the wrong way.
     *
     * @param examples the examples
     * @return the two parts, one entry per example in order
     * @throws IllegalArgumentException if an example has none of the model's features or a NaN or
     *     infinite value
     */
    public EnergyTerms energyTerms(Iterable<Example<Event>> examples) {
        List<Double> base = new ArrayList<>();
        List<Double> network = new ArrayList<>();
        inChunks(
                examples,
                chunk -> {
                    try (NDManager manager = gan.getModel().getNDManager().newSubManager()) {
                        NDArray x =
                                networkInput(
                                        gan, standardised(chunk, manager, new int[chunk.size()]));
                        EnergyScorer scorer = EnergyScorer.of(gan.getBlock());
                        NDArray baseTerm = scorer.baseEnergies(x);
                        NDArray networkTerm = scorer.energies(x).sub(baseTerm);
                        for (float v : baseTerm.toFloatArray()) {
                            base.add((double) v);
                        }
                        for (float v : networkTerm.toFloatArray()) {
                            network.add((double) v);
                        }
                    }
                });
        return new EnergyTerms(
                base.stream().mapToDouble(Double::doubleValue).toArray(),
                network.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Scores standardised features with this model's score.
     *
     * @param x {@code (n, features)}, standardised
     * @return {@code (n)}, in {@code x}'s manager
     */
    NDArray scores(NDArray x) {
        return scores(gan, score, x);
    }

    /**
     * Scores standardised features.
     *
     * @param gan the networks
     * @param score which score
     * @param x {@code (n, features)}, standardised
     * @return {@code (n)}, in {@code x}'s manager
     */
    static NDArray scores(EnergyGanModel gan, AnomalyScore score, NDArray x) {
        EnergyScorer scorer = EnergyScorer.of(gan.getBlock());
        NDArray input = networkInput(gan, x);
        return score == AnomalyScore.ENERGY
                ? scorer.energies(input)
                : scorer.squaredGradientNorms(input);
    }

    /**
     * The features' first-order attributions of the energy, {@code u_i · ∂U/∂u_i} for the centred
     * and scaled features {@code u} ({@link FeatureStandardiser#attributions}); without whitening
     * they are {@code x' ⊙ ∇U(x')}.
     *
     * @param gan the networks
     * @param standardiser the model's standardisation
     * @param raw {@code (n, features)}, as the examples give them
     * @return {@code (n, features)}, in {@code raw}'s manager
     */
    static NDArray attributions(EnergyGanModel gan, FeatureStandardiser standardiser, NDArray raw) {
        NDArray gradient =
                EnergyScorer.of(gan.getBlock())
                        .energiesAndGradients(networkInput(gan, standardiser.apply(raw)))
                        .get(1);
        return standardiser.attributions(raw, gradient.reshape(raw.getShape()));
    }

    /**
     * Standardised features {@code (n, features)} in the shape the networks take: unchanged for
     * perceptrons, {@code (n, C, H, W)} for image energies (features in row-major pixel order).
     */
    static NDArray networkInput(EnergyGanModel gan, NDArray x) {
        return x.reshape(new Shape(x.getShape().get(0)).addAll(gan.getArchitecture().dataShape()));
    }

    /**
     * Ranks features by their mean absolute attribution over the training data.
     *
     * @param n how many; negative for all
     * @return one list under {@link Model#ALL_OUTPUTS}, largest first
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of(ALL_OUTPUTS, ranked(featureImportance, n, false));
    }

    /**
     * Explains an example's score by the attributions {@code x'_i · ∂U/∂x'_i}; they sum to the
     * first-order change of {@code U} from the training mean ({@code x' = 0}) to the example.
     *
     * @param example the example
     * @return the prediction and the features' attributions under {@link Model#ALL_OUTPUTS},
     *     largest magnitude first
     * @throws IllegalArgumentException if the example has none of the model's features
     */
    @Override
    public Optional<Excuse<Event>> getExcuse(Example<Event> example) {
        Prediction<Event> prediction = predict(example);
        double[] attribution;
        try (NDManager manager = gan.getModel().getNDManager().newSubManager()) {
            NDArray raw = DenseFeatures.toMatrix(List.of(example), featureIDMap, manager, null);
            attribution = Util.toDoubleArray(attributions(gan, standardiser, raw).toFloatArray());
        }
        Map<String, List<Pair<String, Double>>> weights = new LinkedHashMap<>();
        weights.put(ALL_OUTPUTS, ranked(attribution, -1, true));
        return Optional.of(new Excuse<>(example, prediction, weights));
    }

    private List<Pair<String, Double>> ranked(double[] values, int n, boolean byMagnitude) {
        List<Pair<String, Double>> pairs = new ArrayList<>(values.length);
        for (int id = 0; id < values.length; id++) {
            pairs.add(new Pair<>(featureIDMap.get(id).getName(), values[id]));
        }
        Comparator<Pair<String, Double>> order =
                byMagnitude
                        ? Comparator.comparingDouble(p -> -Math.abs(p.getB()))
                        : Comparator.comparingDouble(p -> -p.getB());
        pairs.sort(order);
        return n < 0 || n >= pairs.size() ? pairs : new ArrayList<>(pairs.subList(0, n));
    }

    @Override
    protected EnergyAnomalyModel copy(String newName, ModelProvenance newProvenance) {
        try {
            return new EnergyAnomalyModel(
                    newName,
                    newProvenance,
                    featureIDMap,
                    outputIDInfo,
                    weights.load("copy of '" + name + "'"),
                    weights,
                    standardiser,
                    score,
                    threshold,
                    featureImportance,
                    missingFeatures);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("The model's own weights did not load back", e);
        }
    }

    @Override
    public ModelProto serialize() {
        EnergyAnomalyModelProto.Builder model =
                EnergyAnomalyModelProto.newBuilder()
                        .setMetadata(createDataCarrier().serialize().toByteString())
                        .setManifest(weights.manifest())
                        .setParameters(ByteString.copyFrom(weights.parameters()))
                        .setScore(score.name())
                        .setThreshold(threshold);
        for (float v : standardiser.getOffset()) {
            model.addFeatureOffset(v);
        }
        for (float v : standardiser.getScale()) {
            model.addFeatureScale(v);
        }
        for (float v : standardiser.getWhitening()) {
            model.addFeatureWhitening(v);
        }
        for (double v : featureImportance) {
            model.addFeatureImportance(v);
        }
        model.setSha256(digest(model.build()));
        return ModelProto.newBuilder()
                .setSerializedData(Any.pack(model.build()))
                .setClassName(EnergyAnomalyModel.class.getName())
                .setVersion(CURRENT_VERSION)
                .build();
    }

    /** The SHA-256 of a message's serialised form with its digest field empty. */
    private static ByteString digest(EnergyAnomalyModelProto proto) {
        try {
            byte[] bytes = proto.toBuilder().clearSha256().build().toByteArray();
            return ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void checkDigest(EnergyAnomalyModelProto proto) {
        if (proto.getSha256().isEmpty()) {
            throw new IllegalStateException(
                    "Invalid protobuf: the model has no SHA-256, which its format version"
                            + " requires");
        }
        ByteString actual = digest(proto);
        if (!actual.equals(proto.getSha256())) {
            throw new IllegalStateException(
                    "Invalid protobuf: the model is corrupt: its SHA-256 is "
                            + HexFormat.of().formatHex(actual.toByteArray())
                            + " but it records "
                            + HexFormat.of().formatHex(proto.getSha256().toByteArray())
                            + " (a byte of its weights, standardisation, threshold or domains"
                            + " changed)");
        }
    }

    /** Frees the networks' native memory; the model cannot predict afterwards. */
    @Override
    public void close() {
        gan.close();
    }

    @Override
    public String toString() {
        return "EnergyAnomalyModel(name="
                + name
                + ", features="
                + featureIDMap.size()
                + ", score="
                + score
                + ", threshold="
                + threshold
                + ", networks=["
                + gan.getArchitecture()
                + "])";
    }

    // Java serialisation goes through the protobuf form, so both give the same model.

    private Object writeReplace() {
        return new SerializedForm(serialize().toByteArray());
    }

    private void readObject(ObjectInputStream in) throws IOException {
        throw new InvalidObjectException(
                "EnergyAnomalyModel is deserialised through its serialised form only");
    }

    /** The Java-serialised form: the protobuf bytes. */
    private static final class SerializedForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private final byte[] proto;

        SerializedForm(byte[] proto) {
            this.proto = proto;
        }

        private Object readResolve() throws ObjectStreamException {
            Model<?> model;
            try {
                model = Model.deserialize(ModelProto.parseFrom(proto));
            } catch (InvalidProtocolBufferException | RuntimeException e) {
                InvalidObjectException invalid =
                        new InvalidObjectException(
                                "Corrupt serialised EnergyAnomalyModel: " + e.getMessage());
                invalid.initCause(e);
                throw invalid;
            }
            if (!(model instanceof EnergyAnomalyModel)) {
                throw new InvalidObjectException(
                        "Serialised form holds a " + model.getClass().getName());
            }
            return model;
        }
    }
}
