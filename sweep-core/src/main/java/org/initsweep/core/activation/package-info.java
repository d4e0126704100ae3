/**
 * Activation functions φ: one record per function ({@link org.initsweep.core.activation.Linear},
 * {@link org.initsweep.core.activation.Tanh}, {@link org.initsweep.core.activation.Relu},
 * {@link org.initsweep.core.activation.LeakyRelu}, {@link org.initsweep.core.activation.Sigmoid}),
 * each with its scalar forms (φ, φ', φ'', the small-signal gain of He et al. 2015) for theory and
 * tests, and its float32 loops for training; {@link org.initsweep.core.activation.Activations} maps
 * spec names to them.
 */
package org.initsweep.core.activation;
