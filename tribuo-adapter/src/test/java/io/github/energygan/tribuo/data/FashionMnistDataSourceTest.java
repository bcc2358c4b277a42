/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;

import io.github.energygan.dataset.FashionMnist;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.Event;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Fashion-MNIST as Tribuo events, read from Debian's package. */
class FashionMnistDataSourceTest {

    private static final Path FOLDER = Path.of(FashionMnist.DEFAULT_FOLDER);

    @Test
    void imagesBecomeEventsOf784PixelFeatures() {
        FashionMnistDataSource source =
                new FashionMnistDataSource(
                        FOLDER, FashionMnist.Usage.TEST, new int[0], new int[] {1}, 200);
        MutableDataset<Event> data = new MutableDataset<>(source);
        assertEquals(200, data.size());
        assertEquals(FashionMnistDataSource.FEATURES, data.getFeatureIDMap().size());
        int expected = 0;
        for (Example<Event> example : data) {
            for (Feature feature : example) {
                assertTrue(feature.getValue() >= 0 && feature.getValue() <= 1, feature.toString());
            }
            expected += example.getOutput().getType() == Event.EventType.EXPECTED ? 1 : 0;
        }
        // Roughly a tenth of the test images are trousers (class 1).
        assertTrue(expected > 5 && expected < 45, "EXPECTED events: " + expected);
    }

    @Test
    void aClassFilterKeepsOnlyThoseImages() {
        FashionMnistDataSource source =
                new FashionMnistDataSource(
                        FOLDER, FashionMnist.Usage.TEST, new int[] {7}, new int[] {7}, 100);
        MutableDataset<Event> data = new MutableDataset<>(source);
        assertEquals(100, data.size());
        for (Example<Event> example : data) {
            assertEquals(Event.EventType.EXPECTED, example.getOutput().getType());
        }
    }

    @Test
    void badSettingsAndMissingFilesSayWhatIsWrong() {
        PropertyException badClass =
                assertThrows(
                        PropertyException.class,
                        () ->
                                new FashionMnistDataSource(
                                        FOLDER,
                                        FashionMnist.Usage.TEST,
                                        new int[0],
                                        new int[] {10},
                                        0));
        assertEquals("expectedClasses", badClass.getProperty());
        PropertyException noExpected =
                assertThrows(
                        PropertyException.class,
                        () ->
                                new FashionMnistDataSource(
                                        FOLDER,
                                        FashionMnist.Usage.TEST,
                                        new int[0],
                                        new int[0],
                                        0));
        assertEquals("expectedClasses", noExpected.getProperty());
        UncheckedIOException missing =
                assertThrows(
                        UncheckedIOException.class,
                        () ->
                                new FashionMnistDataSource(
                                        Path.of("/nonexistent"),
                                        FashionMnist.Usage.TEST,
                                        new int[0],
                                        new int[] {1},
                                        0));
        assertTrue(missing.getMessage().contains("dataset-fashion-mnist"), missing.getMessage());
    }
}
