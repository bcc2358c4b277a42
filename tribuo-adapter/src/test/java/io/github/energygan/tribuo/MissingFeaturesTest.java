/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.impl.ArrayExample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An example lacking trained features is never scored silently. */
class MissingFeaturesTest {

    /** Test example 0 without its first feature, and that feature's name. */
    private static ArrayExample<Event> withoutFirstFeature(Example<Event> example, List<String> dropped) {
        ArrayExample<Event> out = new ArrayExample<>(new AnomalyFactory().getUnknownOutput());
        boolean first = true;
        for (Feature f : example) {
            if (first) {
                dropped.add(f.getName());
                first = false;
            } else {
                out.add(f.getName(), f.getValue());
            }
        }
        return out;
    }

    @Test
    void byDefaultTheyAreScoredWithAWarningThatNamesTheFeature() {
        Logger log = (Logger) LoggerFactory.getLogger(EnergyAnomalyModel.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try (EnergyAnomalyModel model = (EnergyAnomalyModel) Fixtures.trainer().train(Fixtures.train())) {
            List<String> dropped = new ArrayList<>();
            Example<Event> partial = withoutFirstFeature(Fixtures.test().getExample(0), dropped);
            model.predict(Fixtures.test().getExample(0));
            assertEquals(0, seen.list.size(), "a complete example warns of nothing");
            model.predict(partial);
            assertEquals(1, seen.list.size());
            String message = seen.list.get(0).getFormattedMessage();
            assertTrue(message.contains("1 of 1 examples lack") && message.contains(dropped.get(0)), message);
        } finally {
            log.detachAppender(seen);
        }
    }

    @Test
    void rejectRefusesThemAndSurvivesSerialisation(@TempDir Path dir) throws Exception {
        try (EnergyAnomalyModel model =
                (EnergyAnomalyModel)
                        Fixtures.trainer("missingFeatures", "REJECT").train(Fixtures.train())) {
            List<String> dropped = new ArrayList<>();
            Example<Event> partial = withoutFirstFeature(Fixtures.test().getExample(0), dropped);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> model.predict(partial));
            assertTrue(
                    e.getMessage().contains(dropped.get(0))
                            && e.getMessage().contains("missingFeatures = REJECT"),
                    e.getMessage());
            Path file = dir.resolve("model.tribuo");
            model.serializeToFile(file);
            try (EnergyAnomalyModel loaded = EnergyAnomalyModel.load(file)) {
                assertThrows(IllegalArgumentException.class, () -> loaded.predict(partial));
                loaded.predict(Fixtures.test().getExample(0));
            }
        }
    }
}
