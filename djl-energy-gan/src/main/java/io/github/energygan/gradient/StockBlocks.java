/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.gradient;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

import io.github.energygan.gradient.DifferentiableActivation.Kind;
import io.github.energygan.util.Convolutions;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Exact traces of DJL's own blocks: {@link Conv1d}, {@link Conv2d}, {@link LayerNorm}, {@link
 * Dropout}, {@link ParallelBlock} joined by a sum or a concatenation, and the {@link LambdaBlock}s
 * that DJL's {@code Activation.*Block()} and {@code Blocks.batchFlattenBlock()} build.
 *
 * <p>A lambda block's function is opaque, so it is recognised by the name DJL gives it and then
 * confirmed by evaluation: the block is run once on a float64 probe spanning [−8, 8], the
 * parameter that DJL's factory captured (LeakyReLU's slope, ELU's α, swish's slope) is read off
 * the probe, and the block is accepted only if it equals the named function with that parameter
 * on every probe point. A user's lambda that happens to carry a DJL name but computes something
 * else is therefore refused, never traced wrongly. The outcome is cached per block instance.
 */
final class StockBlocks {

    /** DJL's names for the activation lambdas of {@code ai.djl.nn.Activation}. */
    private static final Map<String, Kind> ACTIVATION_NAMES =
            Map.ofEntries(
                    Map.entry("ReLU", Kind.RELU),
                    Map.entry("ReLU6", Kind.RELU6),
                    Map.entry("LeakyReLU", Kind.LEAKY_RELU),
                    Map.entry("ELU", Kind.ELU),
                    Map.entry("SELU", Kind.SELU),
                    Map.entry("GELU", Kind.GELU),
                    Map.entry("Swish", Kind.SWISH),
                    Map.entry("Mish", Kind.MISH),
                    Map.entry("Tanh", Kind.TANH),
                    Map.entry("sigmoid", Kind.SIGMOID),
                    Map.entry("softPlus", Kind.SOFTPLUS),
                    Map.entry("softSign", Kind.SOFTSIGN));

    /** DJL's names for lambdas that only rearrange their input ({@code Blocks}). */
    private static final List<String> RESHAPE_NAMES = List.of("batchFlatten", "identity");

    private static final String HOW_TO_PROCEED =
            "; build the network from blocks with an exact input gradient (Linear, Conv1d, Conv2d,"
                    + " LayerNorm, Dropout, SequentialBlock, ParallelBlock joined by a sum or a"
                    + " concatenation, DJL's Activation.*Block() lambdas, Blocks.batchFlattenBlock()),"
                    + " implement io.github.energygan.gradient.TraceableBlock on it, or opt in to"
                    + " finite differences with new FiniteDifferenceInputGradient() (relative error"
                    + " about 1e-4 for smooth activations, but of order one across the kinks of"
                    + " ReLU-like ones)";

    /** LayerNorm's epsilon, looked up once; null where this DJL version has no such field. */
    private static final Field LAYER_NORM_EPSILON = layerNormEpsilonField();

    private static final Map<Block, LambdaRole> LAMBDAS =
            Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<Block, Join> JOINS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private StockBlocks() {}

    /** What a recognised lambda block does. */
    private record LambdaRole(DifferentiableActivation activation, boolean reshape, String problem) {

        static LambdaRole refused(String problem) {
            return new LambdaRole(null, false, problem);
        }
    }

    /** How a parallel block joins its branches; {@code axis < 0} means a sum. */
    private record Join(int axis) {

        boolean isSum() {
            return axis < 0;
        }
    }

    /**
     * Returns the text that tells a user what to do about a block without an exact trace.
     *
     * @return the advice, starting with a semicolon
     */
    static String howToProceed() {
        return HOW_TO_PROCEED;
    }

    /**
     * Returns why a DJL block (not a composite) has no exact trace, or null if it has one.
     *
     * @param block the block
     * @return the reason, or null
     */
    static String problem(Block block) {
        if (block instanceof Conv1d || block instanceof Conv2d) {
            int groups = ((Convolution) block).getGroups();
            return groups == 1 ? null : "grouped convolution (" + groups + " groups)";
        }
        if (block instanceof LayerNorm) {
            return LAYER_NORM_EPSILON != null
                    ? null
                    : "its epsilon cannot be read in this DJL version";
        }
        if (block instanceof Dropout || block instanceof ParallelBlock) {
            return null;
        }
        if (block instanceof LambdaBlock) {
            return lambdaRole((LambdaBlock) block).problem();
        }
        return "no exact input gradient is known for " + block.getClass().getName();
    }

    /**
     * Whether this class traces the block (as opposed to recursing into it).
     *
     * @param block the block
     * @return true for the DJL blocks handled here
     */
    static boolean handles(Block block) {
        return block instanceof Convolution
                || block instanceof LayerNorm
                || block instanceof Dropout
                || block instanceof ParallelBlock
                || block instanceof LambdaBlock;
    }

    /**
     * Traces a DJL block for which {@link #problem} gave null.
     *
     * @param block the block
     * @param parameterStore the parameter store
     * @param input the input
     * @param training whether this is a training pass
     * @return the traced pass
     * @throws UnsupportedOperationException if the block has no exact trace
     */
    static TracedForward trace(
            Block block, ParameterStore parameterStore, NDArray input, boolean training) {
        String problem = problem(block);
        if (problem != null) {
            throw new UnsupportedOperationException(
                    "No exact input gradient for " + describe(block) + ": " + problem + HOW_TO_PROCEED);
        }
        if (block instanceof Conv2d) {
            return traceConv2d((Conv2d) block, parameterStore, input, training);
        }
        if (block instanceof Conv1d) {
            return traceConv1d((Conv1d) block, parameterStore, input, training);
        }
        if (block instanceof LayerNorm) {
            return traceLayerNorm((LayerNorm) block, parameterStore, input, training);
        }
        if (block instanceof Dropout) {
            return traceDropout(block, parameterStore, input, training);
        }
        if (block instanceof ParallelBlock) {
            return traceParallel((ParallelBlock) block, parameterStore, input, training);
        }
        return traceLambda((LambdaBlock) block, parameterStore, input, training);
    }

    /**
     * Names a block for messages: its class, and a lambda's name.
     *
     * @param block the block
     * @return the description
     */
    static String describe(Block block) {
        if (block instanceof LambdaBlock) {
            return "LambdaBlock '" + ((LambdaBlock) block).getName() + "'";
        }
        return block.getClass().getSimpleName();
    }

    private static TracedForward traceConv2d(
            Conv2d conv, ParameterStore parameterStore, NDArray input, boolean training) {
        NDArray[] weightAndBias = weightAndBias(conv, parameterStore, input, training);
        NDArray weight = weightAndBias[0];
        Shape stride = conv.getStride();
        Shape padding = conv.getPadding();
        Shape dilation = conv.getDilation();
        Shape inputSize = input.getShape().slice(2);
        NDArray output =
                Convolutions.conv2d(input, weight, weightAndBias[1], stride, padding, dilation);
        return new TracedForward(
                output,
                g ->
                        ConvolutionPullback.transposed(
                                g, weight, stride, padding, dilation, inputSize));
    }

    /** A 1-D convolution is the 2-D one on a height-1 image. */
    private static TracedForward traceConv1d(
            Conv1d conv, ParameterStore parameterStore, NDArray input, boolean training) {
        NDArray[] weightAndBias = weightAndBias(conv, parameterStore, input, training);
        NDArray weight = weightAndBias[0].expandDims(2);
        weight.attach(input.getManager());
        Shape stride = new Shape(1, conv.getStride().get(0));
        Shape padding = new Shape(0, conv.getPadding().get(0));
        Shape dilation = new Shape(1, conv.getDilation().get(0));
        Shape inputSize = new Shape(1, input.getShape().get(2));
        NDArray output =
                Convolutions.conv2d(
                                input.expandDims(2),
                                weight,
                                weightAndBias[1],
                                stride,
                                padding,
                                dilation)
                        .squeeze(2);
        return new TracedForward(
                output,
                g ->
                        ConvolutionPullback.transposed(
                                        g.expandDims(2),
                                        weight,
                                        stride,
                                        padding,
                                        dilation,
                                        inputSize)
                                .squeeze(2));
    }

    private static NDArray[] weightAndBias(
            Block block, ParameterStore parameterStore, NDArray input, boolean training) {
        Device device = input.getDevice();
        NDArray weight =
                parameterStore.getValue(block.getParameters().get("weight"), device, training);
        NDArray bias =
                block.getParameters().contains("bias")
                        ? parameterStore.getValue(
                                block.getParameters().get("bias"), device, training)
                        : null;
        return new NDArray[] {weight, bias};
    }

    /**
     * {@code y = γ ⊙ x̂ + β} with {@code x̂ = (x − μ) / σ} over the trailing axes that γ spans; the
     * pullback is {@code (ĝ − mean ĝ − x̂ · mean(ĝ ⊙ x̂)) / σ} with {@code ĝ = g ⊙ γ} (Ba et al.
     * 2016, the batch-norm backward of Ioffe and Szegedy 2015 per sample).
     */
    private static TracedForward traceLayerNorm(
            LayerNorm norm, ParameterStore parameterStore, NDArray input, boolean training) {
        Device device = input.getDevice();
        NDArray gamma =
                parameterStore.getValue(norm.getParameters().get("gamma"), device, training);
        NDArray beta = parameterStore.getValue(norm.getParameters().get("beta"), device, training);
        int rank = input.getShape().dimension();
        int normalised = gamma.getShape().dimension();
        int[] axes = new int[normalised];
        for (int i = 0; i < normalised; i++) {
            axes[i] = rank - normalised + i;
        }
        float epsilon = layerNormEpsilon(norm);
        NDArray centred = input.sub(input.mean(axes, true));
        NDArray deviation = centred.square().mean(axes, true).add(epsilon).sqrt();
        NDArray standardised = centred.div(deviation);
        NDArray output = standardised.mul(gamma).add(beta);
        return new TracedForward(
                output,
                g -> {
                    NDArray scaled = g.mul(gamma);
                    return scaled.sub(scaled.mean(axes, true))
                            .sub(standardised.mul(scaled.mul(standardised).mean(axes, true)))
                            .div(deviation);
                });
    }

    /**
     * At inference dropout is the identity. In training the block itself draws its mask (from a
     * pass over ones), so the trace applies one genuine dropout mask {@code M} and pulls back
     * {@code g ⊙ M}.
     */
    private static TracedForward traceDropout(
            Block dropout, ParameterStore parameterStore, NDArray input, boolean training) {
        if (!training) {
            return new TracedForward(input, g -> g);
        }
        NDArray mask =
                dropout.forward(parameterStore, new NDList(input.onesLike()), true)
                        .singletonOrThrow();
        return new TracedForward(input.mul(mask), g -> g.mul(mask));
    }

    private static TracedForward traceParallel(
            ParallelBlock block, ParameterStore parameterStore, NDArray input, boolean training) {
        List<TracedForward> branches = new ArrayList<>();
        for (Block child : block.getChildren().values()) {
            branches.add(ExactInputGradient.trace(child, parameterStore, input, training));
        }
        if (branches.isEmpty()) {
            throw new UnsupportedOperationException(
                    "No exact input gradient for a ParallelBlock without branches");
        }
        Join join = join(block, parameterStore, input, branches);
        NDList outputs = new NDList();
        for (TracedForward branch : branches) {
            outputs.add(branch.getOutput());
        }
        if (join.isSum()) {
            NDArray sum = outputs.get(0);
            for (int i = 1; i < outputs.size(); i++) {
                sum = sum.add(outputs.get(i));
            }
            return new TracedForward(
                    sum,
                    g -> {
                        NDArray total = branches.get(0).pullback(g);
                        for (int i = 1; i < branches.size(); i++) {
                            total = total.add(branches.get(i).pullback(g));
                        }
                        return total;
                    });
        }
        int axis = join.axis();
        long[] ends = new long[branches.size() - 1];
        long end = 0;
        for (int i = 0; i < ends.length; i++) {
            end += outputs.get(i).getShape().get(axis);
            ends[i] = end;
        }
        return new TracedForward(
                NDArrays.concat(outputs, axis),
                g -> {
                    NDList parts = g.split(ends, axis);
                    NDArray total = branches.get(0).pullback(parts.get(0));
                    for (int i = 1; i < branches.size(); i++) {
                        total = total.add(branches.get(i).pullback(parts.get(i)));
                    }
                    return total;
                });
    }

    /**
     * Finds out, once per block, whether its join function sums its branches or concatenates them
     * along some axis: the block's own inference pass on this input is compared with both.
     */
    private static Join join(
            ParallelBlock block,
            ParameterStore parameterStore,
            NDArray input,
            List<TracedForward> branches) {
        Join known = JOINS.get(block);
        if (known != null) {
            return known;
        }
        Join found = null;
        try (NDManager probe = input.getManager().newSubManager()) {
            NDArray x = input.stopGradient().duplicate();
            x.attach(probe);
            NDList joined = block.forward(parameterStore, new NDList(x), false);
            NDList outputs = new NDList();
            for (Block child : block.getChildren().values()) {
                outputs.add(child.forward(parameterStore, new NDList(x), false).singletonOrThrow());
            }
            if (joined.size() == 1) {
                NDArray result = joined.singletonOrThrow();
                found = classifyJoin(result, outputs);
            }
        }
        if (found == null) {
            throw new UnsupportedOperationException(
                    "No exact input gradient for ParallelBlock: its join function is neither a sum"
                            + " nor a concatenation of its "
                            + branches.size()
                            + " branches"
                            + HOW_TO_PROCEED);
        }
        JOINS.put(block, found);
        return found;
    }

    private static Join classifyJoin(NDArray result, NDList outputs) {
        Shape first = outputs.get(0).getShape();
        boolean sameShapes = outputs.stream().allMatch(o -> o.getShape().equals(first));
        if (sameShapes && result.getShape().equals(first)) {
            NDArray sum = outputs.get(0);
            for (int i = 1; i < outputs.size(); i++) {
                sum = sum.add(outputs.get(i));
            }
            if (close(result, sum)) {
                return new Join(-1);
            }
        }
        for (int axis = 0; axis < first.dimension(); axis++) {
            try {
                NDArray concatenated = NDArrays.concat(outputs, axis);
                if (concatenated.getShape().equals(result.getShape())
                        && close(result, concatenated)) {
                    return new Join(axis);
                }
            } catch (RuntimeException e) {
                // the branches do not concatenate along this axis
            }
        }
        return null;
    }

    private static boolean close(NDArray actual, NDArray expected) {
        double scale = expected.abs().max().toType(DataType.FLOAT64, false).getDouble();
        double difference =
                actual.sub(expected).abs().max().toType(DataType.FLOAT64, false).getDouble();
        return difference <= 1e-6 * Math.max(scale, 1e-30);
    }

    private static TracedForward traceLambda(
            LambdaBlock block, ParameterStore parameterStore, NDArray input, boolean training) {
        LambdaRole role = lambdaRole(block);
        NDArray output = block.forward(parameterStore, new NDList(input), training).singletonOrThrow();
        if (role.reshape()) {
            Shape shape = input.getShape();
            return new TracedForward(output, g -> g.reshape(shape));
        }
        DifferentiableActivation activation = role.activation();
        return new TracedForward(output, g -> g.mul(activation.derivative(input)));
    }

    private static LambdaRole lambdaRole(LambdaBlock block) {
        return LAMBDAS.computeIfAbsent(block, b -> recognise((LambdaBlock) b));
    }

    private static LambdaRole recognise(LambdaBlock block) {
        String name = block.getName();
        boolean reshape = RESHAPE_NAMES.contains(name);
        Kind kind = ACTIVATION_NAMES.get(name);
        if (!reshape && kind == null) {
            return LambdaRole.refused(
                    "its function is opaque, and '"
                            + name
                            + "' is not the name of one of DJL's activation or flatten blocks");
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            if (reshape) {
                NDArray probe = manager.arange(0, 24, 1, DataType.FLOAT64).reshape(2, 3, 4);
                NDArray output = store(block, store, probe);
                boolean rearranges =
                        output.size() == probe.size()
                                && output.flatten().contentEquals(probe.flatten());
                return rearranges
                        ? new LambdaRole(null, true, null)
                        : LambdaRole.refused("it is named '" + name + "' but changes the values");
            }
            // 257 points from −8 to 8 in steps of 1/16, so −1 and 1 are among them exactly.
            NDArray probe = manager.arange(-128, 129, 1, DataType.FLOAT64).div(16.0).reshape(1, -1);
            NDArray output = store(block, store, probe);
            if (!output.getShape().equals(probe.getShape())) {
                return LambdaRole.refused(
                        "it is named '" + name + "' but does not act element-wise");
            }
            double[] x = probe.toDoubleArray();
            double[] y = output.toType(DataType.FLOAT64, false).toDoubleArray();
            double parameter = parameter(kind, y[112], y[144]);
            if (!Double.isFinite(parameter)) {
                return LambdaRole.refused("its parameter could not be read from its values");
            }
            DifferentiableActivation activation =
                    DifferentiableActivation.of(kind, (float) parameter);
            double[] expected = activation.apply(probe).toDoubleArray();
            for (int i = 0; i < x.length; i++) {
                if (!(Math.abs(y[i] - expected[i]) <= 1e-6 * (1 + Math.abs(expected[i])))) {
                    return LambdaRole.refused(
                            "it is named '"
                                    + name
                                    + "' but f("
                                    + x[i]
                                    + ") = "
                                    + y[i]
                                    + ", where "
                                    + activation
                                    + " gives "
                                    + expected[i]);
                }
            }
            return new LambdaRole(activation, false, null);
        } catch (RuntimeException e) {
            return LambdaRole.refused("evaluating it on a probe failed: " + e.getMessage());
        }
    }

    private static NDArray store(LambdaBlock block, ParameterStore store, NDArray probe) {
        return block.forward(store, new NDList(probe), false).singletonOrThrow();
    }

    /**
     * Reads the parameter DJL's factory captured from the values at −1 and 1: LeakyReLU gives
     * {@code f(−1) = −α}, ELU {@code f(−1) = α(e^{−1} − 1)}, swish {@code f(1) = σ(β)}.
     */
    private static double parameter(Kind kind, double atMinusOne, double atOne) {
        switch (kind) {
            case LEAKY_RELU:
                return -atMinusOne;
            case ELU:
                return atMinusOne / Math.expm1(-1.0);
            case SWISH:
                return Math.log(atOne / (1.0 - atOne));
            default:
                return 0.0;
        }
    }

    private static float layerNormEpsilon(LayerNorm norm) {
        Field field = LAYER_NORM_EPSILON;
        try {
            return field.getFloat(norm);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new UnsupportedOperationException(
                    "Cannot read LayerNorm's epsilon in this DJL version" + HOW_TO_PROCEED, e);
        }
    }

    /** DJL's {@code LayerNorm} keeps its epsilon in a protected field with no getter. */
    private static Field layerNormEpsilonField() {
        try {
            Field field = LayerNorm.class.getDeclaredField("epsilon");
            field.setAccessible(true);
            return field.getType() == float.class ? field : null;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
