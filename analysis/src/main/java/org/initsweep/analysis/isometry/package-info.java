/**
 * Dynamical isometry measured beside theory: per grid cell of a sweep with {@code "jacobian": true},
 * the spectrum of JJᵀ (J the input–output Jacobian at initialization) averaged over seeds, beside the
 * free-probability prediction of Pennington, Schoenholz &amp; Ganguli 2017
 * ({@link org.initsweep.core.theory.DynamicalIsometry}) — the reason orthogonal weights train deep
 * networks that Gaussian ones at the same χ₁ do not. {@link org.initsweep.analysis.isometry.IsometryAnalysis}
 * writes the {@code isometry/} table and its charts.
 */
package org.initsweep.analysis.isometry;
