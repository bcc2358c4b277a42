/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.example.GaussianAnomalyDataSource;

import java.util.ArrayList;
import java.util.List;

/** Small, fast settings shared by the adapter's tests: Tribuo's Gaussian anomaly data. */
final class Fixtures {

    private Fixtures() {}

    /** 600 EXPECTED events of Tribuo's 5-feature Gaussian data. */
    static MutableDataset<Event> train() {
        return new MutableDataset<>(new GaussianAnomalyDataSource(600, 0.0f, 1L));
    }

    /** 400 events, 20 % ANOMALOUS. */
    static MutableDataset<Event> test() {
        return new MutableDataset<>(new GaussianAnomalyDataSource(400, 0.2f, 2L));
    }

    /** A trainer small enough to train in a few seconds. */
    static EnergyAnomalyTrainer.Builder trainer() {
        return EnergyAnomalyTrainer.builder()
                .optLatentSize(4)
                .optEnergyWidths(32, 32)
                .optGeneratorWidths(32, 32)
                .optEstimatorWidths(32, 32)
                .optIterations(150)
                .optBatchSize(64)
                .optSeed(7);
    }

    static double[] scores(EnergyAnomalyModel model, Iterable<Example<Event>> examples) {
        List<Example<Event>> list = new ArrayList<>();
        examples.forEach(list::add);
        return model.predict(list).stream().mapToDouble(p -> p.getOutput().getScore()).toArray();
    }
}
