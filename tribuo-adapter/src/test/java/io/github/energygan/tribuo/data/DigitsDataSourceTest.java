/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The digits from Debian's python3-sklearn, split by seed into disjoint halves. */
class DigitsDataSourceTest {

    private static final Path FILE = Path.of(DigitsDataSource.DEFAULT_FILE);
    private static final int[] ALL = {};

    private static List<Example<Event>> read(
            SplitUsage usage, int[] classes, int[] expected, long seed) {
        List<Example<Event>> examples = new ArrayList<>();
        new DigitsDataSource(FILE, usage, classes, expected, 0.5, seed).forEach(examples::add);
        return examples;
    }

    private static String key(Example<Event> example) {
        StringBuilder text = new StringBuilder();
        for (Feature f : example) {
            text.append(f.getValue()).append(',');
        }
        return text.toString();
    }

    @Test
    void theSplitIsDisjointCompleteAndSeeded() {
        List<Example<Event>> train = read(SplitUsage.TRAIN, ALL, new int[] {3}, 0);
        List<Example<Event>> test = read(SplitUsage.TEST, ALL, new int[] {3}, 0);
        assertEquals(DigitsDataSource.SIZE, train.size() + test.size());
        assertEquals(DigitsDataSource.SIZE / 2, test.size(), 5);
        // Every example has 64 features in [0, 1] (zeros are dropped as sparse features).
        for (Example<Event> example : train) {
            for (Feature f : example) {
                assertTrue(f.getValue() >= 0 && f.getValue() <= 1, f.toString());
            }
        }
        // Disjoint, up to the few duplicate images the file holds.
        Set<String> trainKeys = new HashSet<>();
        train.forEach(e -> trainKeys.add(key(e)));
        long shared = test.stream().filter(e -> trainKeys.contains(key(e))).count();
        assertTrue(shared < 5, shared + " test images also in train");
        // About a tenth of each half is the expected digit.
        long expected =
                test.stream().filter(e -> e.getOutput().equals(AnomalyFactory.EXPECTED_EVENT)).count();
        assertEquals(183 / 2.0, expected, 2);
        // Another seed splits otherwise.
        List<Example<Event>> other = read(SplitUsage.TEST, ALL, new int[] {3}, 1);
        assertNotEquals(key(test.get(0)) + key(test.get(1)), key(other.get(0)) + key(other.get(1)));
    }

    @Test
    void oneClassTrainingSet() {
        List<Example<Event>> sevens = read(SplitUsage.TRAIN, new int[] {7}, new int[] {7}, 0);
        assertEquals(179 - Math.round(0.5 * 179), sevens.size());
        assertTrue(sevens.stream().allMatch(e -> e.getOutput().equals(AnomalyFactory.EXPECTED_EVENT)));
    }

    @Test
    void badSettingsAndAMissingFileSayWhatIsWrong() {
        assertThrows(
                PropertyException.class,
                () -> new DigitsDataSource(FILE, SplitUsage.TRAIN, ALL, new int[] {10}, 0.5, 0));
        assertThrows(
                PropertyException.class,
                () -> new DigitsDataSource(FILE, SplitUsage.TRAIN, ALL, new int[] {1}, 1.0, 0));
        UncheckedIOException missing =
                assertThrows(
                        UncheckedIOException.class,
                        () ->
                                new DigitsDataSource(
                                        Path.of("/nowhere/digits.csv.gz"),
                                        SplitUsage.TRAIN,
                                        ALL,
                                        new int[] {1},
                                        0.5,
                                        0));
        assertTrue(missing.getMessage().contains("python3-sklearn"), missing.getMessage());
    }
}
