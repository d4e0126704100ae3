/**
 * Small dense and matrix-free linear algebra for measuring the spectra that
 * {@link org.initsweep.core.theory.DynamicalIsometry} predicts, in pure Java (no ND4J, no native
 * code), double precision.
 *
 * <ul>
 *   <li>{@link org.initsweep.core.theory.linalg.LinearOperator}: a matrix given by its products
 *       with vectors (A·x and Aᵀ·x), e.g. one layer's Jacobian D·W, and products of them.</li>
 *   <li>{@link org.initsweep.core.theory.linalg.SingularValues}: every singular value of a small
 *       dense matrix by one-sided Jacobi (Hestenes 1958; Demmel &amp; Veselić 1992), for widths up to
 *       a few hundred.</li>
 *   <li>{@link org.initsweep.core.theory.linalg.ExtremeSingularValues}: the largest and smallest
 *       singular value of an operator by Golub–Kahan–Lanczos bidiagonalization with full
 *       reorthogonalization, with an error bound for each.</li>
 * </ul>
 */
package org.initsweep.core.theory.linalg;
