/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.example.GaussianAnomalyDataSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * A trainer small enough to train in a few seconds, with further settings as name-value pairs
     * that override the small ones.
     */
    static EnergyAnomalyTrainer trainer(String... overrides) {
        return EnergyAnomalyTrainer.configured(settings(overrides));
    }

    /** The small trainer's settings, then the overrides (name, value, name, value, …). */
    static Map<String, String> settings(String... overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("latentSize", "4");
        settings.put("energyWidths", "32,32");
        settings.put("generatorWidths", "32,32");
        settings.put("estimatorWidths", "32,32");
        settings.put("iterations", "150");
        settings.put("batchSize", "64");
        settings.put("seed", "7");
        for (int i = 0; i < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        return settings;
    }

    static double[] scores(EnergyAnomalyModel model, Iterable<Example<Event>> examples) {
        List<Example<Event>> list = new ArrayList<>();
        examples.forEach(list::add);
        return model.predict(list).stream().mapToDouble(p -> p.getOutput().getScore()).toArray();
    }
}
