/*
 * Copyright 2026 The energy-gan authors. Licensed under the Apache License, Version 2.0.
 */
/** Input gradients of energy networks for the zero-centred gradient penalty, built without create-graph double backward: exact vector-Jacobian products as NDArray operations, or a finite-difference Hessian-vector product for any block. */
package io.github.energygan.gradient;
