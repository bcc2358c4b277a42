/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam (Kingma and Ba 2015) whose state, the moments and the update counts, can be read and
 * restored, so that a training run can be resumed exactly.
 *
 * <p>Each update is the one DJL's own {@code Adam} makes, the engine's fused {@code adamUpdate}
 * with the same bias correction, so a run with this optimizer gives bit for bit the weights of a
 * run with DJL's. DJL's {@code Adam} keeps its moments private; this class keeps them where
 * {@link #exportState} and {@link #importState} reach them. One device.
 */
final class ResumableAdam extends Optimizer {

    private final ParameterTracker learningRateTracker;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, NDArray> means = new ConcurrentHashMap<>();
    private final Map<String, NDArray> variances = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private int updates;

    /** The moments and counts of a list of parameters, in that list's order. */
    record State(List<NDArray> means, List<NDArray> variances, int[] counts, int updates) {}

    /**
     * Creates the optimizer.
     *
     * @param learningRateTracker the learning rate by update count
     * @param beta1 the first moment's decay
     * @param beta2 the second moment's decay
     */
    ResumableAdam(ParameterTracker learningRateTracker, float beta1, float beta2) {
        super(new Settings());
        this.learningRateTracker = learningRateTracker;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = 1e-8f;
    }

    /** {@inheritDoc} */
    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        // DJL's count: this parameter's updates, but never behind the most-updated one.
        int count = counts.merge(parameterId, 1, Integer::sum);
        updates = Math.max(updates, count);
        int t = updates;
        double coef1 = 1.0 - Math.pow(beta1, t);
        double coef2 = 1.0 - Math.pow(beta2, t);
        float learningRate = learningRateTracker.getNewValue(parameterId, t);
        float biasCorrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        float weightDecay = getWeightDecay();
        if (!Float.isFinite(biasCorrected) || !Float.isFinite(weightDecay)) {
            throw new IllegalStateException("learning rate or weight decay is nan or infinite");
        }
        NDList inputs =
                new NDList(
                        weight,
                        grad,
                        means.computeIfAbsent(parameterId, k -> state(weight)),
                        variances.computeIfAbsent(parameterId, k -> state(weight)));
        weight.getNDArrayInternal()
                .adamUpdate(
                        inputs,
                        new NDList(weight),
                        learningRate,
                        biasCorrected,
                        weightDecay,
                        rescaleGrad,
                        clipGrad,
                        beta1,
                        beta2,
                        epsilon,
                        true,
                        false);
    }

    /** A zero moment that lives as long as the optimizer, as DJL's own optimizers keep theirs. */
    private static NDArray state(NDArray weight) {
        NDArray zeros = weight.zerosLike();
        zeros.detach();
        return zeros;
    }

    /**
     * Returns the state of the given parameters: copies of their moments (zeros for a parameter
     * not yet updated) and counts.
     *
     * @param parameters the parameters, in the order the state keeps
     * @param manager the manager the copies join
     * @return the state
     */
    State exportState(List<Parameter> parameters, NDManager manager) {
        List<NDArray> m = new ArrayList<>();
        List<NDArray> v = new ArrayList<>();
        int[] c = new int[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            NDArray weight = parameter.getArray();
            NDArray mean = means.get(parameter.getId());
            NDArray variance = variances.get(parameter.getId());
            m.add(copyInto(mean, weight, manager));
            v.add(copyInto(variance, weight, manager));
            c[i] = counts.getOrDefault(parameter.getId(), 0);
        }
        return new State(m, v, c, updates);
    }

    /**
     * Restores a state exported for parameters of the same shapes, in the same order.
     *
     * @param parameters the parameters the state is for, in its order
     * @param state the state
     * @throws IllegalArgumentException if the state does not fit the parameters
     */
    void importState(List<Parameter> parameters, State state) {
        if (state.means().size() != parameters.size()) {
            throw new IllegalArgumentException(
                    "The optimizer state holds "
                            + state.means().size()
                            + " parameters, the network has "
                            + parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            NDArray weight = parameter.getArray();
            for (NDArray moment : List.of(state.means().get(i), state.variances().get(i))) {
                if (!moment.getShape().equals(weight.getShape())) {
                    throw new IllegalArgumentException(
                            "The optimizer state of parameter "
                                    + parameter.getName()
                                    + " has shape "
                                    + moment.getShape()
                                    + ", the parameter "
                                    + weight.getShape());
                }
            }
            String id = parameter.getId();
            means.put(id, copyOf(state.means().get(i), weight));
            variances.put(id, copyOf(state.variances().get(i), weight));
            if (state.counts()[i] > 0) {
                counts.put(id, state.counts()[i]);
            } else {
                counts.remove(id);
            }
        }
        updates = state.updates();
    }

    private static NDArray copyInto(NDArray moment, NDArray weight, NDManager manager) {
        NDArray copy = moment != null ? moment.duplicate() : weight.zerosLike();
        copy.attach(manager);
        return copy;
    }

    private static NDArray copyOf(NDArray moment, NDArray weight) {
        NDArray copy = moment.toDevice(weight.getDevice(), true);
        copy.detach();
        return copy;
    }

    /** DJL's base settings: gradients neither rescaled nor clipped, no weight decay. */
    private static final class Settings extends OptimizerBuilder<Settings> {

        @Override
        protected Settings self() {
            return this;
        }
    }
}
