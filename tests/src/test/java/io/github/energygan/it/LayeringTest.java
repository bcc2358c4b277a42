/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The library's packages form layers, each importing only the ones below it, and no package of any
 * module takes part in a cycle. Checked on the compiled main classes of every module.
 */
class LayeringTest {

    private static final String ROOT = "io.github.energygan.";

    /** The layers of the core library, top first. */
    private static final List<String[]> LAYERS =
            List.of(
                    new String[] {"preset"},
                    new String[] {"training"},
                    new String[] {"training.listener"},
                    new String[] {"model"},
                    new String[] {"translator"},
                    new String[] {"sampling"},
                    new String[] {"scoring"},
                    new String[] {"nn"},
                    new String[] {"loss"},
                    new String[] {"gradient"},
                    new String[] {"engine", "util"});

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.github.energygan");
    }

    @Test
    void noCoreLayerDependsOnALayerAboveIt() {
        for (int i = 1; i < LAYERS.size(); i++) {
            String[] above =
                    LAYERS.subList(0, i).stream()
                            .flatMap(java.util.Arrays::stream)
                            .map(p -> ROOT + p)
                            .toArray(String[]::new);
            String[] layer =
                    java.util.Arrays.stream(LAYERS.get(i)).map(p -> ROOT + p).toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAnyPackage(layer)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(above)
                    .check(classes);
        }
    }

    @Test
    void theCoreDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        ROOT + "preset..", ROOT + "training..", ROOT + "model..",
                        ROOT + "translator..", ROOT + "sampling..", ROOT + "scoring..",
                        ROOT + "nn..",
                        ROOT + "loss..", ROOT + "gradient..", ROOT + "engine..",
                        ROOT + "util..", ROOT + "dataset..", ROOT + "metrics..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + "plot..", ROOT + "zoo..", ROOT + "tribuo..", ROOT + "cli..",
                        "org.jfree..", "org.tribuo..", "picocli..")
                .check(classes);
    }

    @Test
    void noPackageTakesPartInACycle() {
        slices().matching("io.github.energygan.(**)").should().beFreeOfCycles().check(classes);
    }
}
