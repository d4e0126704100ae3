/**
 * Mean-field theory of signal propagation at initialization, in pure Java (no ND4J, no Spark): the
 * predictions the measured layer-wise traces are compared against.
 *
 * <ul>
 *   <li>{@link org.initsweep.core.theory.GaussHermite}: quadrature for Gaussian expectations
 *       E[f(u)], u ~ N(0, 1) (probabilists' Gauss–Hermite by Golub–Welsch, and a split composite
 *       Gauss–Legendre rule that stays accurate for kinked activations and large variances).</li>
 *   <li>{@link org.initsweep.core.theory.MeanField}: for an activation φ, weight-variance multiplier
 *       m = σ_w² (Var(W) = m / fan_in) and bias variance σ_b²: the length map and its fixed point
 *       q*, the slope χ₁, the regime (vanishing / critical / exploding), the critical multiplier
 *       m_c, the depth scales ξ_q and ξ_c, and per-layer predicted variances of pre-activations,
 *       activations and activation gradients.</li>
 * </ul>
 *
 * <p>References:
 * <ul>
 *   <li>B. Poole, S. Lahiri, M. Raghu, J. Sohl-Dickstein, S. Ganguli, "Exponential expressivity in
 *       deep neural networks through transient chaos", NeurIPS 2016, arXiv:1606.05340 — length map
 *       (eq. 3), its fixed point (eq. 4), χ₁, the order-to-chaos phase diagram.</li>
 *   <li>S. S. Schoenholz, J. Gilmer, S. Ganguli, J. Sohl-Dickstein, "Deep Information Propagation",
 *       ICLR 2017, arXiv:1611.01232 — χ₁ (eq. 3), the depth scales ξ_q (eq. 6) and ξ_c (eq. 9),
 *       and the backward propagation of gradient variances.</li>
 * </ul>
 */
package org.initsweep.core.theory;
