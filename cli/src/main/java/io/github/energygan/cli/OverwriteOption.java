/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --overwrite} option of every command that writes an output directory: without it, a
 * directory that already holds results is refused ({@link OutputDirectory#claim}).
 */
final class OverwriteOption {

    @Option(
            names = "--overwrite",
            description =
                    "Delete whatever the output directory holds before writing; without it, a"
                            + " directory that already holds results is refused.")
    boolean overwrite;
}
