/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.model;

import ai.djl.MalformedModelException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The manifest of a saved model ({@value EnergyGanModel#ARCHITECTURE_FILE}): format version, the
 * architecture, and the name and SHA-256 of the parameter file, so that a damaged weight file is
 * caught before DJL reads it.
 */
public final class ModelManifest {

    /**
     * The manifest format this version writes. It reads this one and format 1, whose architecture
     * is in schema 1 of {@link ArchitectureJson}; format {@code n} carries architecture schema
     * {@code n}.
     */
    public static final int FORMAT = ArchitectureJson.SCHEMA_VERSION;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final EnergyGanArchitecture architecture;
    private final String parameterFile;
    private final String parameterSha256;

    /**
     * Creates a manifest.
     *
     * @param architecture the architecture
     * @param parameterFile the parameter file's name
     * @param parameterSha256 its SHA-256, lower-case hex
     */
    public ModelManifest(
            EnergyGanArchitecture architecture, String parameterFile, String parameterSha256) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.parameterFile = Objects.requireNonNull(parameterFile, "parameterFile");
        this.parameterSha256 = Objects.requireNonNull(parameterSha256, "parameterSha256");
    }

    /**
     * Returns the architecture.
     *
     * @return the architecture
     */
    public EnergyGanArchitecture getArchitecture() {
        return architecture;
    }

    /**
     * Returns the parameter file's name.
     *
     * @return the name
     */
    public String getParameterFile() {
        return parameterFile;
    }

    /**
     * Serialises to JSON.
     *
     * @return the JSON text
     */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.add("architecture", JsonParser.parseString(architecture.toJson()));
        root.addProperty("parameterFile", parameterFile);
        root.addProperty("parameterSha256", parameterSha256);
        return GSON.toJson(root);
    }

    /**
     * Parses a manifest.
     *
     * @param json the text
     * @param source where it came from, for messages
     * @return the manifest
     * @throws MalformedModelException if the text is not a manifest this version reads
     */
    public static ModelManifest parse(String json, String source) throws MalformedModelException {
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            JsonElement format = root.get("format");
            int version = format == null ? -1 : format.getAsInt();
            if (version < 1 || version > FORMAT) {
                throw new MalformedModelException(
                        source
                                + " has manifest format "
                                + format
                                + "; this version reads formats 1 to "
                                + FORMAT);
            }
            JsonElement architectureJson = required(root, "architecture", source);
            EnergyGanArchitecture architecture =
                    ArchitectureJson.read(architectureJson.toString(), version);
            return new ModelManifest(
                    architecture,
                    required(root, "parameterFile", source).getAsString(),
                    required(root, "parameterSha256", source).getAsString());
        } catch (JsonParseException
                | IllegalStateException
                | IllegalArgumentException
                | NullPointerException
                | UnsupportedOperationException e) {
            throw new MalformedModelException(
                    source + " is not a valid energy-gan model manifest: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a file name is a DJL parameter file of this project's models ({@code
     * energy-gan-NNNN.params}), which DJL's loader would pick up.
     *
     * @param name a file name
     * @return true for a parameter file
     */
    public static boolean isParameterFile(String name) {
        return name.endsWith(".params");
    }

    /**
     * Checks that a model directory holds exactly one parameter file, the verified one. DJL's
     * loader reads the highest-numbered {@code .params} file it finds, so any other would be
     * loaded in place of the file the manifest vouches for.
     *
     * @param directory the model directory
     * @param verified the parameter file the manifest names
     * @throws IOException if another parameter file is there, naming it
     */
    public static void requireSoleParameterFile(Path directory, String verified)
            throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            List<String> strays =
                    entries.map(p -> p.getFileName().toString())
                            .filter(name -> isParameterFile(name) && !name.equals(verified))
                            .sorted()
                            .toList();
            if (!strays.isEmpty()) {
                throw new IOException(
                        "Model directory "
                                + directory
                                + " holds weight files the manifest does not vouch for ("
                                + String.join(", ", strays)
                                + ") beside "
                                + verified
                                + "; DJL would load the highest-numbered one, so remove them");
            }
        }
    }

    private static JsonElement required(JsonObject root, String field, String source)
            throws MalformedModelException {
        JsonElement value = root.get(field);
        if (value == null || value.isJsonNull()) {
            throw new MalformedModelException(
                    source
                            + " is not a valid energy-gan model manifest: it lacks the field '"
                            + field
                            + "'");
        }
        return value;
    }

    /**
     * Checks the parameter bytes against the recorded digest.
     *
     * @param parameters the parameter file's content
     * @param source where it came from, for messages
     * @throws IOException if the stream cannot be read
     * @throws MalformedModelException if the digest differs (a truncated or corrupted file)
     */
    public void verify(InputStream parameters, String source)
            throws IOException, MalformedModelException {
        String actual = sha256(parameters);
        if (!actual.equals(parameterSha256)) {
            throw new MalformedModelException(
                    "Weight file "
                            + source
                            + " is corrupt or truncated: its SHA-256 is "
                            + actual
                            + " but the manifest records "
                            + parameterSha256);
        }
    }

    /**
     * Computes the SHA-256 of a stream.
     *
     * @param in the stream, read to its end
     * @return lower-case hex
     * @throws IOException if the stream cannot be read
     */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            byte[] buffer = new byte[1 << 16];
            while (digesting.read(buffer) >= 0) {
                // reading feeds the digest
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
