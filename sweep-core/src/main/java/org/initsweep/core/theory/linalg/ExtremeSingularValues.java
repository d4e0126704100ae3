package org.initsweep.core.theory.linalg;

import java.io.Serializable;
import java.util.Random;

/**
 * The largest and smallest singular value of a {@link LinearOperator} A (rows × cols, n =
 * min(rows, cols)) from products with A and Aᵀ only, by Golub–Kahan–Lanczos bidiagonalization with
 * full reorthogonalization (Golub &amp; Kahan 1965; Golub &amp; Van Loan, "Matrix Computations",
 * 4th ed., Sec. 10.4): after k steps, A·V<sub>k</sub> = U<sub>k</sub>B<sub>k</sub> and
 * Aᵀ·U<sub>k</sub> = V<sub>k</sub>B<sub>k</sub>ᵀ + β<sub>k</sub>v<sub>k+1</sub>e<sub>k</sub>ᵀ with
 * B<sub>k</sub> upper bidiagonal; the singular values θ of B<sub>k</sub> (by
 * {@link SingularValues}) approximate those of A from both ends, and for each, with p its left
 * singular vector of B<sub>k</sub>, some singular value of A lies within β<sub>k</sub>·|p<sub>k</sub>|
 * of θ (the residual of the Ritz pair of [[0, A], [Aᵀ, 0]]). That bound is the reported error.
 * The start vector is Gaussian from the given seed, so results are reproducible.
 *
 * <p>The iteration stops when both bounds are ≤ tol·θ<sub>max</sub>, or after maxSteps, or at
 * k = n, where (in exact arithmetic) β<sub>n</sub> = 0 and the values are exact. The largest value
 * converges in a few tens of steps; the smallest of an ill-conditioned product (a deep Jacobian)
 * can need up to n steps — check {@link Extremes#converged()}. A breakdown (a new Lanczos vector
 * shorter than 10⁻¹³·‖A‖) means A has a null vector in the Krylov space to that precision: the
 * smallest value is then ~0, with an error of at least 10⁻¹³·‖A‖, the resolution of double
 * precision for products of A. Cost per step: one product
 * with A and one with Aᵀ, plus O((rows + cols)·k) for the reorthogonalization; the small SVD of
 * B<sub>k</sub> is redone at k = 1, 2, 3, 4, 6, 8, 11, 16, … (×√2) and at the end.
 */
public final class ExtremeSingularValues {

    /** A new Lanczos vector shorter than this times ‖A‖ counts as zero (breakdown). */
    static final double BREAKDOWN = 1e-13;

    private ExtremeSingularValues() {
    }

    /**
     * Estimates the extreme singular values of A.
     *
     * @param a        the operator, not null
     * @param maxSteps largest number of Lanczos steps, ≥ 1 (capped at min(rows, cols))
     * @param tol      relative tolerance on both error bounds, in units of the largest value, &gt; 0
     * @param seed     seed of the start vector
     * @return the estimates with their error bounds
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static Extremes of(LinearOperator a, int maxSteps, double tol, long seed) {
        if (a == null) {
            throw new IllegalArgumentException("operator must not be null");
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and > 0, got " + tol);
        }
        LinearOperator op = a.rows() >= a.cols() ? a : a.transpose();
        int m = op.rows();
        int n = op.cols();
        int steps = Math.min(maxSteps, n);
        double[][] v = new double[steps + 1][];
        double[][] u = new double[steps][];
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        Random random = new Random(seed);
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = random.nextGaussian();
        }
        normalize(start);
        v[0] = start;
        double anorm = 0; // largest ‖A·v‖, ‖Aᵀ·u‖ seen: the scale for breakdown tests
        boolean nullVector = false;
        int nextCheck = 1;
        for (int k = 0; k < steps; k++) {
            double[] uk = new double[m];
            op.apply(v[k], uk);
            anorm = Math.max(anorm, norm(uk));
            if (k > 0) {
                axpy(-beta[k - 1], u[k - 1], uk);
            }
            reorthogonalize(uk, u, k);
            double length = norm(uk);
            if (length <= BREAKDOWN * anorm) {
                // A maps span(V) into span(U) with a singular B: a null vector, smallest = 0.
                alpha[k] = 0;
                nullVector = true;
                uk = randomOrthogonal(m, u, k, random);
            } else {
                alpha[k] = length;
                divideInPlace(uk, length);
            }
            u[k] = uk;
            double[] next = new double[n];
            op.applyTransposed(uk, next);
            anorm = Math.max(anorm, norm(next));
            axpy(-alpha[k], v[k], next);
            reorthogonalize(next, v, k + 1);
            double b = norm(next);
            boolean invariant = b <= BREAKDOWN * anorm || k == n - 1;
            beta[k] = invariant ? 0 : b;
            if (!invariant) {
                divideInPlace(next, b);
                v[k + 1] = next;
            }
            boolean lastStep = invariant || k == steps - 1;
            if (k + 1 >= nextCheck || lastStep) {
                Extremes e = ritz(alpha, beta, k + 1, nullVector ? BREAKDOWN * anorm : 0);
                boolean converged = e.largestError() <= tol * e.largest() && e.smallestError() <= tol * e.largest();
                if (converged || lastStep) {
                    return new Extremes(e.largest(), e.smallest(), e.largestError(), e.smallestError(), k + 1,
                            converged);
                }
                nextCheck = Math.max(k + 2, (int) Math.ceil((k + 1) * Math.sqrt(2)));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Extreme Ritz values of the k × k upper bidiagonal B (diagonal α, superdiagonal β) with bounds β_k·|p_k|. */
    private static Extremes ritz(double[] alpha, double[] beta, int k, double nullFloor) {
        double[][] b = new double[k][k];
        for (int i = 0; i < k; i++) {
            b[i][i] = alpha[i];
            if (i + 1 < k) {
                b[i][i + 1] = beta[i];
            }
        }
        SingularValues.Svd svd = SingularValues.withLeftVectors(b);
        double[] theta = svd.values();
        double residual = beta[k - 1];
        double largestError = residual * Math.abs(svd.left()[0][k - 1]);
        double smallestError = residual * Math.abs(svd.left()[k - 1][k - 1]);
        if (nullFloor > 0) {
            // B is singular: A·V·y = U·B·y = 0 for a unit y, up to the breakdown threshold
            smallestError = Math.max(Math.min(smallestError, theta[k - 1]), nullFloor);
        }
        return new Extremes(theta[0], theta[k - 1], largestError, smallestError, k, false);
    }

    /** Classical Gram–Schmidt against the first {@code count} vectors of {@code basis}, twice. */
    private static void reorthogonalize(double[] x, double[][] basis, int count) {
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < count; j++) {
                axpy(-dot(basis[j], x), basis[j], x);
            }
        }
    }

    private static double[] randomOrthogonal(int m, double[][] basis, int count, Random random) {
        for (int attempt = 0; attempt < 10; attempt++) {
            double[] x = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = random.nextGaussian();
            }
            reorthogonalize(x, basis, count);
            double length = norm(x);
            if (length > 1e-8) {
                divideInPlace(x, length);
                return x;
            }
        }
        throw new IllegalStateException("no vector orthogonal to the Krylov basis found");
    }

    private static void normalize(double[] x) {
        divideInPlace(x, norm(x));
    }

    /**
     * ‖x‖ without under- or overflow: products of a vanishing Jacobian are ~10⁻¹⁷⁰, whose squares
     * are 0 in double; such vectors are rescaled by a power of two (exactly) before squaring.
     */
    private static double norm(double[] x) {
        double s = dot(x, x);
        if (s > 0x1p-900 && s < 0x1p+900) {
            return Math.sqrt(s);
        }
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0 || !Double.isFinite(max)) {
            return max;
        }
        int e = PowerOfTwo.exponent(max);
        double scaled = 0;
        for (double v : x) {
            double w = Math.scalb(v, -e);
            scaled += w * w;
        }
        return Math.scalb(Math.sqrt(scaled), e);
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** x / length, not x·(1/length): the reciprocal overflows for lengths below 2^-1024. */
    private static void divideInPlace(double[] x, double length) {
        for (int i = 0; i < x.length; i++) {
            x[i] /= length;
        }
    }

    /**
     * Estimated extreme singular values of an operator.
     *
     * @param largest        estimate of the largest singular value (a lower bound in exact arithmetic)
     * @param smallest       estimate of the smallest of the min(rows, cols) singular values
     * @param largestError   a singular value of A lies within this of {@code largest}
     * @param smallestError  a singular value of A lies within this of {@code smallest}
     * @param steps          Lanczos steps taken
     * @param converged      both errors ≤ tol·largest
     */
    public record Extremes(double largest, double smallest, double largestError, double smallestError, int steps,
            boolean converged) implements Serializable {
    }
}
