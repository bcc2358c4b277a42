/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.cli;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

/**
 * Opens OLCUT XML configs, which may come from anyone, without letting them reach files or
 * hosts: a config that declares a document type (the carrier of XML external entities, which
 * would read local files into error messages, and of entity-expansion bombs) is refused before
 * OLCUT parses it, and {@link #restrictExternalAccess} makes the JDK's XML parsers refuse
 * external DTDs, entities and schemas for the whole process, so that a config OLCUT includes
 * from another cannot reach them either.
 */
final class ConfigFile {

    private static final String DISALLOW_DOCTYPE =
            "http://apache.org/xml/features/disallow-doctype-decl";

    private ConfigFile() {}

    /**
     * Sets the JAXP properties that forbid external DTDs, entities and schemas to every XML
     * parser of this process, unless the user set them on the command line.
     */
    static void restrictExternalAccess() {
        for (String property :
                new String[] {"javax.xml.accessExternalDTD", "javax.xml.accessExternalSchema"}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "");
            }
        }
    }

    /**
     * Checks a config file and loads it.
     *
     * @param config the XML config
     * @return its configuration manager
     * @throws IllegalArgumentException if the file is missing, is not well-formed XML, or
     *     declares a document type, saying which
     */
    static ConfigurationManager load(Path config) {
        check(config);
        return new ConfigurationManager(config.toString());
    }

    /**
     * Checks that a config file exists, is well-formed XML and declares no document type.
     *
     * @param config the XML config
     * @throws IllegalArgumentException if not, saying which
     */
    static void check(Path config) {
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException(
                    "Config file "
                            + config.toAbsolutePath()
                            + (Files.exists(config) ? " is not a file" : " does not exist"));
        }
        try (InputStream in = Files.newInputStream(config)) {
            parser().parse(in, new DefaultHandler());
        } catch (SAXParseException e) {
            String reason =
                    e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                            ? "it declares a DOCTYPE; configs may not declare document types or"
                                    + " entities"
                            : "it is not well-formed XML (line "
                                    + e.getLineNumber()
                                    + ": "
                                    + e.getMessage()
                                    + ")";
            throw new IllegalArgumentException(
                    "Config file " + config.toAbsolutePath() + " was refused: " + reason, e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException(
                    "Config file " + config.toAbsolutePath() + " cannot be read: " + e, e);
        }
    }

    private static SAXParser parser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's SAX parser lacks a safety feature", e);
        }
    }
}
