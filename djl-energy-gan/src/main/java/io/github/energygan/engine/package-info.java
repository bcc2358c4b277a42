/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The few calls into DJL's PyTorch engine that go beyond DJL's engine-neutral API, in one place:
 * {@link io.github.energygan.engine.PyTorchAutograd}.
 */
package io.github.energygan.engine;
