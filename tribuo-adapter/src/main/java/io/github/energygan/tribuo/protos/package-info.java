/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Protobuf classes generated from {@code protos/energy-gan-tribuo.proto} (protoc 3.25.6, committed
 * as Tribuo commits its own); regenerate them with {@code tribuo-adapter/regenerate-protos.sh}.
 */
package io.github.energygan.tribuo.protos;
