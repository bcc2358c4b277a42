/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The breast cancer cases from Debian's python3-sklearn, split by seed into disjoint halves. */
class BreastCancerDataSourceTest {

    private static final Path FILE = Path.of(BreastCancerDataSource.DEFAULT_FILE);
    private static final int[] BENIGN = {BreastCancerDataSource.BENIGN};

    private static List<Example<Event>> read(SplitUsage usage, int[] classes, long seed) {
        List<Example<Event>> examples = new ArrayList<>();
        new BreastCancerDataSource(FILE, usage, classes, BENIGN, 0.5, seed).forEach(examples::add);
        return examples;
    }

    private static String key(Example<Event> example) {
        StringBuilder text = new StringBuilder();
        for (Feature f : example) {
            text.append(f.getName()).append('=').append(f.getValue()).append(',');
        }
        return text.toString();
    }

    @Test
    void theSplitIsDisjointCompleteStratifiedAndSeeded() {
        List<Example<Event>> train = read(SplitUsage.TRAIN, new int[0], 0);
        List<Example<Event>> test = read(SplitUsage.TEST, new int[0], 0);
        assertEquals(BreastCancerDataSource.SIZE, train.size() + test.size());
        // 212 malignant and 357 benign cases, halved per class (rounded half up).
        assertEquals(106 + 179, test.size());
        long malignant =
                test.stream().filter(e -> e.getOutput().equals(AnomalyFactory.ANOMALOUS_EVENT)).count();
        assertEquals(106, malignant);
        Set<String> trainKeys = new HashSet<>();
        train.forEach(e -> trainKeys.add(key(e)));
        assertTrue(test.stream().noneMatch(e -> trainKeys.contains(key(e))), "disjoint");
        // The first case of the file: a malignant one with a mean radius of 17.99 and a worst
        // area of 2,019, in the file's own units.
        List<Example<Event>> all = new ArrayList<>(train);
        all.addAll(test);
        assertTrue(
                all.stream()
                        .anyMatch(
                                e ->
                                        key(e).contains("mean area=1001.0,")
                                                && key(e).contains("worst area=2019.0,")
                                                && key(e).contains("mean radius=17.99,")),
                "the units are the file's");
        assertTrue(
                read(SplitUsage.TEST, new int[0], 1).stream().map(e -> key(e)).anyMatch(trainKeys::contains),
                "another seed splits otherwise");
    }

    @Test
    void oneClassTrainingSetHoldsBenignCasesOnly() {
        List<Example<Event>> benign = read(SplitUsage.TRAIN, BENIGN, 0);
        assertEquals(357 - 179, benign.size());
        assertTrue(benign.stream().allMatch(e -> e.getOutput().equals(AnomalyFactory.EXPECTED_EVENT)));
        assertEquals(30, BreastCancerDataSource.featureNames().length);
    }

    @Test
    void badSettingsAndBadFilesSayWhatIsWrong(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        PropertyException badClass =
                assertThrows(
                        PropertyException.class,
                        () -> new BreastCancerDataSource(FILE, SplitUsage.TRAIN, new int[] {2}, BENIGN, 0.5, 0));
        assertTrue(badClass.getMessage().contains("0 malignant, 1 benign"), badClass.getMessage());
        assertThrows(
                PropertyException.class,
                () -> new BreastCancerDataSource(FILE, SplitUsage.TRAIN, new int[0], BENIGN, 0, 0));
        UncheckedIOException missing =
                assertThrows(
                        UncheckedIOException.class,
                        () ->
                                new BreastCancerDataSource(
                                        Path.of("/nowhere/breast_cancer.csv"),
                                        SplitUsage.TRAIN,
                                        new int[0],
                                        BENIGN,
                                        0.5,
                                        0));
        assertTrue(missing.getMessage().contains("python3-sklearn"), missing.getMessage());
        Path truncated = dir.resolve("truncated.csv");
        List<String> lines = Files.readAllLines(FILE);
        Files.write(truncated, lines.subList(0, 100));
        UncheckedIOException shortFile =
                assertThrows(
                        UncheckedIOException.class,
                        () ->
                                new BreastCancerDataSource(
                                        truncated, SplitUsage.TRAIN, new int[0], BENIGN, 0.5, 0));
        assertTrue(shortFile.getMessage().contains("expected 569 cases, got 99"), shortFile.getMessage());
    }
}
