/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

import io.github.energygan.gradient.ExactInputGradient;
import io.github.energygan.gradient.TracedForward;
import io.github.energygan.gradient.TraceableBlock;
import io.github.energygan.util.Scalars;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A fully connected network {@code in → w₁ → … → wₙ → out}: {@link Linear} layers with an {@link
 * ActivationFunction} after each hidden layer and an optional one after the output.
 *
 * <p>Weights and biases start from PyTorch's default for {@code nn.Linear}, {@code U(-1/√fanIn,
 * 1/√fanIn)}, as in the reference implementation. The block checks that its input is {@code (batch,
 * in)} and says so when it is not. It is {@link TraceableBlock traceable}: its exact input gradient
 * is available for the gradient penalty and for Langevin sampling.
 */
public class MultilayerPerceptron extends SignedBlock implements TraceableBlock {


    private final String role;
    private final long inputFeatures;
    private final long[] hiddenWidths;
    private final long outputFeatures;
    private final ActivationFunction activation;
    private final ActivationFunction outputActivation;
    private final float inputScale;
    private final float outputScale;
    private final SequentialBlock layers;

    /**
     * Creates the network from a builder.
     *
     * @param builder the builder
     */
    protected MultilayerPerceptron(Builder builder) {
        super();
        role = builder.role;
        inputFeatures = builder.inputFeatures;
        hiddenWidths = builder.hiddenWidths.clone();
        outputFeatures = builder.outputFeatures;
        activation = builder.activation;
        outputActivation = builder.outputActivation;
        inputScale = builder.inputScale;
        outputScale = builder.outputScale;

        SequentialBlock sequential = new SequentialBlock();
        long fanIn = inputFeatures;
        for (long width : hiddenWidths) {
            sequential.add(pytorchInitialised(Linear.builder().setUnits(width).build(), fanIn));
            sequential.add(new ActivationBlock(activation));
            fanIn = width;
        }
        sequential.add(
                pytorchInitialised(Linear.builder().setUnits(outputFeatures).build(), fanIn));
        if (outputActivation != null) {
            sequential.add(new ActivationBlock(outputActivation));
        }
        layers = addChildBlock("layers", sequential);
    }

    private static Linear pytorchInitialised(Linear linear, long fanIn) {
        UniformInitializer initializer = new UniformInitializer((float) (1.0 / Math.sqrt(fanIn)));
        linear.setInitializer(initializer, Parameter.Type.WEIGHT);
        linear.setInitializer(initializer, Parameter.Type.BIAS);
        return linear;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the number of input features.
     *
     * @return {@code in}
     */
    public long getInputFeatures() {
        return inputFeatures;
    }

    /**
     * Returns the hidden layer widths.
     *
     * @return a copy of the widths
     */
    public long[] getHiddenWidths() {
        return hiddenWidths.clone();
    }

    /**
     * Returns the number of output features.
     *
     * @return {@code out}
     */
    public long getOutputFeatures() {
        return outputFeatures;
    }

    /**
     * Returns the hidden activation.
     *
     * @return the activation
     */
    public ActivationFunction getActivation() {
        return activation;
    }

    /**
     * Checks that an input is {@code (batch, in)} with {@code batch > 0}.
     *
     * @param input the input
     * @throws IllegalArgumentException naming the expected and actual shapes
     */
    public void checkInput(NDArray input) {
        Shape shape = input.getShape();
        if (shape.dimension() != 2 || shape.get(1) != inputFeatures) {
            throw new IllegalArgumentException(
                    "The "
                            + role
                            + " expects input of shape (batch, "
                            + inputFeatures
                            + "), got "
                            + shape);
        }
        if (shape.get(0) == 0) {
            throw new IllegalArgumentException(
                    "The " + role + " got an empty batch (0 rows); expected at least one row");
        }
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        checkInput(input);
        NDList scaled = inputScale == 1f ? inputs : new NDList(Scalars.div(input, inputScale));
        NDList out = layers.forward(parameterStore, scaled, training, params);
        return outputScale == 1f
                ? out
                : new NDList(Scalars.mul(out.singletonOrThrow(), outputScale));
    }

    /** {@inheritDoc} */
    @Override
    public TracedForward trace(ParameterStore parameterStore, NDArray input, boolean training) {
        checkInput(input);
        NDArray scaled = inputScale == 1f ? input : Scalars.div(input, inputScale);
        TracedForward inner = ExactInputGradient.trace(layers, parameterStore, scaled, training);
        if (inputScale == 1f && outputScale == 1f) {
            return inner;
        }
        NDArray output =
                outputScale == 1f ? inner.getOutput() : Scalars.mul(inner.getOutput(), outputScale);
        // y = s_out · f(x / s_in): the pullback scales by s_out / s_in.
        float factor = outputScale / inputScale;
        return new TracedForward(output, g -> Scalars.mul(inner.pullback(g), factor));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputFeatures)};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        layers.initialize(manager, dataType, new Shape(1, inputFeatures));
    }

    /** Version-1 files saved {@link #describeArchitecture()}'s text. */
    @Override
    void loadVersion1(DataInputStream is) throws IOException, MalformedModelException {
        String saved = is.readUTF();
        if (!saved.equals(describeArchitecture())) {
            throw new MalformedModelException(
                    "The weights were saved for a "
                            + saved
                            + ", not for this "
                            + describeArchitecture());
        }
    }

    /** {@inheritDoc} */
    @Override
    BlockSignature signature() {
        return new BlockSignature()
                .add("inputFeatures", inputFeatures)
                .add("hiddenWidths", hiddenWidths)
                .add("outputFeatures", outputFeatures)
                .add("activation", activation)
                .add("outputActivation", outputActivation)
                .add("inputScale", inputScale)
                .add("outputScale", outputScale);
    }

    /**
     * Describes the architecture in one line, e.g. {@code energy network MLP 2→512→512→1
     * leaky_relu:0.2}. (Version-1 weight files recorded this text, which is compared when they
     * load.)
     *
     * @return the description
     */
    public String describeArchitecture() {
        StringBuilder sb = new StringBuilder(role).append(" MLP ").append(inputFeatures);
        for (long width : hiddenWidths) {
            sb.append('→').append(width);
        }
        sb.append('→').append(outputFeatures).append(' ').append(activation);
        if (outputActivation != null) {
            sb.append(", output ").append(outputActivation);
        }
        if (inputScale != 1f) {
            sb.append(", input ÷ ").append(inputScale);
        }
        if (outputScale != 1f) {
            sb.append(", output × ").append(outputScale);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describeArchitecture();
    }

    /** The builder for {@link MultilayerPerceptron}. */
    public static class Builder {

        private String role = "network";
        private long inputFeatures;
        private long[] hiddenWidths;
        private long outputFeatures;
        private ActivationFunction activation = ActivationFunction.leakyRelu(0.2f);
        private ActivationFunction outputActivation;
        private float inputScale = 1f;
        private float outputScale = 1f;

        Builder() {}

        /**
         * Sets the number of input features (required).
         *
         * @param inputFeatures {@code in > 0}
         * @return this builder
         */
        public Builder setInputFeatures(long inputFeatures) {
            this.inputFeatures = inputFeatures;
            return this;
        }

        /**
         * Sets the hidden layer widths (required; may be empty for a single linear layer).
         *
         * @param widths each {@code > 0}
         * @return this builder
         */
        public Builder setHiddenWidths(long... widths) {
            this.hiddenWidths = widths == null ? null : widths.clone();
            return this;
        }

        /**
         * Sets the number of output features (required).
         *
         * @param outputFeatures {@code out > 0}
         * @return this builder
         */
        public Builder setOutputFeatures(long outputFeatures) {
            this.outputFeatures = outputFeatures;
            return this;
        }

        /**
         * Sets the hidden activation; LeakyReLU(0.2) by default.
         *
         * @param activation the activation
         * @return this builder
         */
        public Builder optActivation(ActivationFunction activation) {
            this.activation = activation;
            return this;
        }

        /**
         * Sets an activation after the output layer; none by default.
         *
         * @param outputActivation the activation, or null for none
         * @return this builder
         */
        public Builder optOutputActivation(ActivationFunction outputActivation) {
            this.outputActivation = outputActivation;
            return this;
        }

        /**
         * Divides the input by a fixed scale before the first layer (standardisation that is part
         * of the model); 1 by default.
         *
         * @param inputScale {@code > 0}
         * @return this builder
         */
        public Builder optInputScale(float inputScale) {
            this.inputScale = inputScale;
            return this;
        }

        /**
         * Multiplies the output by a fixed scale after the last layer; 1 by default.
         *
         * @param outputScale {@code > 0}
         * @return this builder
         */
        public Builder optOutputScale(float outputScale) {
            this.outputScale = outputScale;
            return this;
        }

        /**
         * Names the network's role in error messages, e.g. "energy network".
         *
         * @param role the role
         * @return this builder
         */
        public Builder optRole(String role) {
            this.role = role;
            return this;
        }

        /**
         * Builds the network.
         *
         * @return the network
         * @throws IllegalArgumentException if a size is not positive or the activation is missing
         */
        public MultilayerPerceptron build() {
            validate(role, inputFeatures, hiddenWidths, outputFeatures);
            if (activation == null) {
                throw new IllegalArgumentException("The " + role + " needs an activation");
            }
            if (!(inputScale > 0f)
                    || Float.isInfinite(inputScale)
                    || !(outputScale > 0f)
                    || Float.isInfinite(outputScale)) {
                throw new IllegalArgumentException(
                        "The "
                                + role
                                + " scales must be positive and finite, got input "
                                + inputScale
                                + " and output "
                                + outputScale);
            }
            return new MultilayerPerceptron(this);
        }

        static void validate(String role, long in, long[] widths, long out) {
            if (in <= 0) {
                throw new IllegalArgumentException(
                        "The " + role + " input features must be > 0, got " + in);
            }
            if (widths == null) {
                throw new IllegalArgumentException(
                        "The " + role + " hidden widths are not set; use setHiddenWidths(...)");
            }
            for (long width : widths) {
                if (width <= 0) {
                    throw new IllegalArgumentException(
                            "The "
                                    + role
                                    + " hidden widths must all be > 0, got "
                                    + Arrays.toString(widths));
                }
            }
            if (out <= 0) {
                throw new IllegalArgumentException(
                        "The " + role + " output features must be > 0, got " + out);
            }
        }
    }
}
