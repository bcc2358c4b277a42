/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.energygan.tribuo.data;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.SkeletalConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

import org.tribuo.provenance.ConfiguredDataSourceProvenance;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The provenance of this package's data sources: their configuration, which rebuilds them. Each
 * source has its own subclass, whose name the marshalled provenance records.
 */
abstract class ConfiguredSourceProvenance extends SkeletalConfiguredObjectProvenance
        implements ConfiguredDataSourceProvenance {

    private static final long serialVersionUID = 1L;

    ConfiguredSourceProvenance(Configurable host) {
        super(host, "DataSource");
    }

    ConfiguredSourceProvenance(Map<String, Provenance> map, Class<?> provenanceClass) {
        super(extract(map, provenanceClass));
    }

    private static ExtractedInfo extract(Map<String, Provenance> map, Class<?> provenanceClass) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String className =
                ObjectProvenance.checkAndExtractProvenance(
                                configured,
                                CLASS_NAME,
                                StringProvenance.class,
                                provenanceClass.getSimpleName())
                        .getValue();
        String host =
                ObjectProvenance.checkAndExtractProvenance(
                                configured,
                                HOST_SHORT_NAME,
                                StringProvenance.class,
                                provenanceClass.getSimpleName())
                        .getValue();
        return new ExtractedInfo(className, host, configured, Collections.emptyMap());
    }
}
