/**
 * initsweep's engine, free of Spark: specs and grids ({@code spec}), activations, init schemes,
 * datasets, the MLP and its training ({@code nn}, {@code train}), traces, measured regimes
 * ({@code regime}) and mean-field theory ({@code theory}).
 */
package org.initsweep.core;
