/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The few calls beyond DJL's engine-neutral API, in one place: into DJL's PyTorch engine ({@link
 * io.github.energygan.engine.PyTorchAutograd}), and into the C library's allocator beneath
 * libtorch ({@link io.github.energygan.engine.NativeAllocator}).
 */
package io.github.energygan.engine;
