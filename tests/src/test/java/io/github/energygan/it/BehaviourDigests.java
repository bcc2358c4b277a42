/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.it;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import io.github.energygan.model.EnergyGanModel;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.example.GaussianAnomalyDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Prints SHA-256 digests of behaviour that a refactoring must keep bit for bit, independent of file
 * formats:
 *
 * <ul>
 *   <li>{@code weights DIR}: every parameter's values of a saved model, in block order;
 *   <li>{@code tribuo FILE}: a model's predictions (type and score) on the Gaussian config's test
 *       set (2,000 events, 20 % anomalous, seed 2).
 * </ul>
 *
 * <p>Run it on this module's test classpath: {@code mvn -q -pl tests dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt}, then {@code java -cp "$(cat /tmp/cp.txt):tests/target/test-classes"
 * io.github.energygan.it.BehaviourDigests weights energy-gan-demo/model}.
 */
public final class BehaviourDigests {

    private BehaviourDigests() {}

    /**
     * Prints one digest.
     *
     * @param args {@code weights DIR} or {@code tribuo FILE}
     * @throws Exception if the model cannot be read
     */
    public static void main(String[] args) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        if ("weights".equals(args[0])) {
            try (EnergyGanModel model = EnergyGanModel.load(Path.of(args[1]))) {
                long values = 0;
                for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                    NDArray array = p.getValue().getArray();
                    sha.update(array.toByteBuffer());
                    values += array.size();
                }
                System.out.println(
                        "weights " + values + " values sha256 " + HexFormat.of().formatHex(sha.digest()));
            }
        } else if ("tribuo".equals(args[0])) {
            @SuppressWarnings("unchecked")
            Model<Event> model = (Model<Event>) Model.deserializeFromFile(Path.of(args[1]));
            StringBuilder text = new StringBuilder();
            for (Example<Event> example : new GaussianAnomalyDataSource(2000, 0.2f, 2L)) {
                Event event = model.predict(example).getOutput();
                text.append(event.getType())
                        .append(' ')
                        .append(Double.toHexString(event.getScore()))
                        .append('\n');
            }
            sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
            System.out.println(
                    "predictions 2000 sha256 " + HexFormat.of().formatHex(sha.digest()));
        } else {
            throw new IllegalArgumentException("Usage: BehaviourDigests weights DIR | tribuo FILE");
        }
    }
}
