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
 * <p>On plain functions ({@link org.initsweep.core.theory.Nonlinearity}: φ and φ', with a one-line
 * adapter from an {@link org.initsweep.core.activation.Activation}), and with typed results
 * ({@link org.initsweep.core.theory.TheoryValue}: finite, divergent, or no fixed point — never a
 * bare NaN):
 * <ul>
 *   <li>{@link org.initsweep.core.theory.BivariateGaussian}: E[f(u₁)g(u₂)] over correlated
 *       Gaussians, accurate for kinked φ.</li>
 *   <li>{@link org.initsweep.core.theory.LengthMap} and
 *       {@link org.initsweep.core.theory.CorrelationMap}: the length map and the correlation map
 *       with their fixed points q* and c* and slopes.</li>
 *   <li>{@link org.initsweep.core.theory.DepthScales}: q*, χ₁, c*, χ_c, ξ_q and ξ_c of one
 *       network on both sides of the order-to-chaos line; {@link org.initsweep.core.theory.CriticalLine}
 *       finds that line.</li>
 *   <li>{@link org.initsweep.core.theory.Trainability}: the bound L ≲ 6·ξ_c and the σ_w² interval
 *       it allows at a given depth.</li>
 *   <li>{@link org.initsweep.core.theory.DynamicalIsometry}: mean and variance of the eigenvalues
 *       of JJᵀ for Gaussian and orthogonal weights; {@code theory.linalg} measures them.</li>
 * </ul>
 *
 * <p>References:
 * <ul>
 *   <li>B. Poole, S. Lahiri, M. Raghu, J. Sohl-Dickstein, S. Ganguli, "Exponential expressivity in
 *       deep neural networks through transient chaos", NeurIPS 2016, arXiv:1606.05340 — length map
 *       (eq. 3), its fixed point (eq. 4), χ₁, the order-to-chaos phase diagram.</li>
 *   <li>S. S. Schoenholz, J. Gilmer, S. Ganguli, J. Sohl-Dickstein, "Deep Information Propagation",
 *       ICLR 2017, arXiv:1611.01232 — χ₁ (eq. 3), the depth scales ξ_q (eq. 6) and ξ_c (eq. 9),
 *       and the backward propagation of gradient variances; the correlation map (eq. 4), the
 *       trainability bound L ≲ 6·ξ_c (Fig. 5).</li>
 *   <li>J. Pennington, S. S. Schoenholz, S. Ganguli, "Resurrecting the sigmoid in deep learning
 *       through dynamical isometry: theory and practice", NeurIPS 2017, arXiv:1711.04735 — the
 *       S-transform of JJᵀ (eq. 12) and its moments (Sec. 2).</li>
 *   <li>J. Pennington, S. S. Schoenholz, S. Ganguli, "The emergence of spectral universality in
 *       deep networks", AISTATS 2018, arXiv:1802.09979.</li>
 * </ul>
 */
package org.initsweep.core.theory;
