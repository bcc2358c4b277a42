/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import io.github.energygan.engine.EngineThreads;
import io.github.energygan.engine.NativeAllocator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code energy-gan} command line: {@code demo} (the main job), {@code train}, {@code sample},
 * {@code zoo}, {@code bench}, and the Tribuo anomaly-detection commands {@code tribuo} and {@code
 * tribuo-bench}.
 */
@Command(
        name = "energy-gan",
        mixinStandardHelpOptions = true,
        version = "energy-gan 0.1.0 (DJL 0.36.0, PyTorch 2.7.1)",
        description = "Energy-based GANs (MEG) on the Deep Java Library.",
        subcommands = {
            DemoCommand.class,
            TrainCommand.class,
            SampleCommand.class,
            EvaluateCommand.class,
            ZooCommand.class,
            ClassifierCommand.class,
            BenchCommand.class,
            TribuoCommand.class,
            TribuoBenchCommand.class
        })
public final class EnergyGanCommand implements Runnable {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    /** Prints the usage when no subcommand is given. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Creates the command line with this project's error handling: bad input prints its message (no
     * stack trace) and exits with code 2. XML parsers of this process may no longer reach external
     * DTDs, entities or schemas from then on ({@link ConfigFile}).
     *
     * @return the command line
     */
    public static CommandLine commandLine() {
        ConfigFile.restrictExternalAccess();
        CommandLine commandLine = new CommandLine(new EnergyGanCommand());
        commandLine.setExecutionExceptionHandler(
                (exception, cmd, parseResult) -> {
                    if (exception instanceof IllegalArgumentException
                            || exception instanceof java.io.IOException
                            || exception instanceof ai.djl.MalformedModelException
                            || exception
                                    instanceof
                                    io.github.energygan.training.listener.TrainingDivergedException
                            || exception
                                    instanceof com.oracle.labs.mlrg.olcut.config.PropertyException
                            || exception
                                    instanceof
                                    com.oracle.labs.mlrg.olcut.config.io.ConfigLoaderException) {
                        cmd.getErr().println("energy-gan: " + exception.getMessage());
                        return 2;
                    }
                    throw exception;
                });
        return commandLine;
    }

    /**
     * The JEP 290 filter the command line sets for its process, unless {@code -Djdk.serialFilter}
     * set one: Java deserialisation may build only this project's, Tribuo's, OLCUT's and the
     * JDK's classes, in graphs of bounded depth and size. The commands read models as protobuf and
     * JSON and deserialise nothing themselves; the filter stops a Java-serialised file handed to a
     * library underneath from building arbitrary classes.
     */
    static final String SERIAL_FILTER =
            "maxdepth=64;maxrefs=1000000;maxarray=100000000;"
                    + "io.github.energygan.**;org.tribuo.**;com.oracle.labs.mlrg.olcut.**;"
                    + "java.base/*;!*";

    private static void restrictDeserialisation() {
        if (java.io.ObjectInputFilter.Config.getSerialFilter() == null) {
            java.io.ObjectInputFilter.Config.setSerialFilter(
                    java.io.ObjectInputFilter.Config.createFilter(SERIAL_FILTER));
        }
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        restrictDeserialisation();
        NativeAllocator.keepBuffersInHeap();
        EngineThreads.waitPassively();
        System.exit(commandLine().execute(args));
    }
}
