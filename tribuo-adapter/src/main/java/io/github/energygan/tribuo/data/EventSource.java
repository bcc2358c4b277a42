/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import org.tribuo.ConfigurableDataSource;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * What this package's anomaly-detection sources share: the examples, read once when the source is
 * configured and served in order, and Tribuo's anomaly output factory.
 */
abstract class EventSource implements ConfigurableDataSource<Event> {

    private static final AnomalyFactory FACTORY = new AnomalyFactory();

    private List<Example<Event>> examples = List.of();

    /**
     * Keeps the examples the source read.
     *
     * @param read the examples, in order
     */
    final void setExamples(List<Example<Event>> read) {
        examples = Collections.unmodifiableList(read);
    }

    /**
     * Returns how many examples the source holds.
     *
     * @return the count
     */
    final int count() {
        return examples.size();
    }

    /**
     * Numbers features with a format, e.g. {@code pixel-%03d}.
     *
     * @param format the format of one name, taking the index
     * @param count how many
     * @return the names, in order
     */
    static String[] names(String format, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = String.format(format, i);
        }
        return names;
    }

    @Override
    public OutputFactory<Event> getOutputFactory() {
        return FACTORY;
    }

    @Override
    public Iterator<Example<Event>> iterator() {
        return examples.iterator();
    }
}
