/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.util;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Initialises a block's weights from a seed of its own, with each parameter's own initializer
 * (DJL's Xavier, uniform or normal, or a constant), never through the engine's generator.
 *
 * <p>DJL's initializers draw with {@code NDManager.randomUniform} and {@code randomNormal}; here
 * each one is handed a view of the manager whose two random operators draw from a {@link
 * RandomStream} instead, while every other operation goes to the manager itself. The
 * distributions are therefore exactly the initializers' own, and the draws depend on the seed and
 * the parameters' order alone.
 */
public final class SeededInitialization {

    private SeededInitialization() {}

    /**
     * Initialises a block.
     *
     * @param block the block, not yet initialised
     * @param manager the manager the weights join
     * @param dataType the weights' data type
     * @param seed the seed of the draws
     * @param inputShapes the block's input shapes
     */
    public static void initialize(
            Block block, NDManager manager, DataType dataType, long seed, Shape... inputShapes) {
        RandomStream random = RandomStream.seeded(seed);
        NDManager seeded =
                (NDManager)
                        Proxy.newProxyInstance(
                                NDManager.class.getClassLoader(),
                                new Class<?>[] {NDManager.class},
                                new SeededRandomOperators(manager, random));
        List<Pair<Parameter, Initializer>> originals = new ArrayList<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            Initializer original = parameter.getInitializer();
            Initializer inner = original != null ? original : parameter.getType().getInitializer();
            originals.add(new Pair<>(parameter, original));
            parameter.setInitializer((m, shape, type) -> inner.initialize(seeded, shape, type));
        }
        try {
            block.initialize(manager, dataType, inputShapes);
        } finally {
            for (Pair<Parameter, Initializer> original : originals) {
                original.getKey().setInitializer(original.getValue());
            }
        }
    }

    /** Routes {@code randomUniform} and {@code randomNormal} to the stream. */
    private static final class SeededRandomOperators implements InvocationHandler {

        private final NDManager manager;
        private final RandomStream random;

        SeededRandomOperators(NDManager manager, RandomStream random) {
            this.manager = manager;
            this.random = random;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (("randomUniform".equals(name) || "randomNormal".equals(name))
                    && args != null
                    && args.length >= 4
                    && args[0] instanceof Float
                    && args[2] instanceof Shape
                    && args[3] instanceof DataType) {
                float first = (Float) args[0];
                float second = (Float) args[1];
                Shape shape = (Shape) args[2];
                DataType dataType = (DataType) args[3];
                if ("randomUniform".equals(name)) {
                    return random.uniform(manager, first, second, shape, dataType);
                }
                return random.normal(manager, first, second, shape, dataType);
            }
            if (name.startsWith("random")) {
                throw new UnsupportedOperationException(
                        "An initializer drew with NDManager." + name + ", which cannot be seeded");
            }
            try {
                return method.invoke(manager, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
