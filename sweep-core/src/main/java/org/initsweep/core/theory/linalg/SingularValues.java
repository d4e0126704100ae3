package org.initsweep.core.theory.linalg;

import java.util.Arrays;

/**
 * All singular values of a small dense real matrix by one-sided Jacobi (Hestenes 1958, "Inversion
 * of matrices by biorthogonalization"; Demmel &amp; Veselić 1992, "Jacobi's method is more accurate
 * than QR"): plane rotations applied from the right orthogonalise the columns of A (of Aᵀ if A has
 * more columns than rows), A·V = W with orthogonal columns; the singular values are the column
 * norms of W, and W's normalised columns the left singular vectors. Sweeps over all column pairs
 * until no pair has |w<sub>p</sub>·w<sub>q</sub>| &gt; max(10⁻¹⁵, m·ε)·‖w<sub>p</sub>‖‖w<sub>q</sub>‖ (m the column
 * length, ε the machine epsilon)
 * (typically 6–10 sweeps). Each singular value has a small relative error (≲ 10⁻¹³·κ of the
 * column-scaled matrix, in practice ~10⁻¹⁴ relative to the largest). Cost ~ sweeps·m·n² flops:
 * about 0.1–0.5 s for 300 × 300 in Java; meant for widths up to a few hundred. The matrix is first
 * scaled by a power of two to a largest entry in [1, 2) (as LAPACK's drivers do), so entries near
 * either end of the double range (a vanishing Jacobian's ~10⁻¹⁷⁰, whose squares underflow) keep
 * their relative accuracy; the scaling is exact and undone on the singular values.
 */
public final class SingularValues {

    /** Sweeps after which the iteration is declared not converged. */
    static final int MAX_SWEEPS = 60;

    private static final double TOL = 1e-15;

    private SingularValues() {
    }

    /**
     * The singular values of A.
     *
     * @param a the matrix, shape [rows][cols], rectangular, at least 1 × 1, finite entries (not
     *          modified)
     * @return the min(rows, cols) singular values, descending, ≥ 0
     * @throws IllegalArgumentException if {@code a} is empty, ragged or has a non-finite entry
     * @throws ArithmeticException      if the sweeps do not converge (not observed)
     */
    public static double[] of(double[][] a) {
        return decompose(a, false).values();
    }

    /**
     * Singular values with left singular vectors, for rows ≥ cols.
     *
     * @param values descending
     * @param left   left[k]: the unit vector (length rows) of values[k]; zero where values[k] = 0
     */
    record Svd(double[] values, double[][] left) {
    }

    /**
     * The singular values and left singular vectors of A with rows ≥ cols.
     *
     * @throws IllegalArgumentException as {@link #of(double[][])}, or if rows &lt; cols
     */
    static Svd withLeftVectors(double[][] a) {
        if (a.length > 0 && a.length < a[0].length) {
            throw new IllegalArgumentException("left vectors need rows >= cols, got " + a.length + " x " + a[0].length);
        }
        return decompose(a, true);
    }

    private static Svd decompose(double[][] a, boolean vectors) {
        int rows = a.length;
        if (rows == 0 || a[0].length == 0) {
            throw new IllegalArgumentException("matrix must be at least 1 x 1");
        }
        int cols = a[0].length;
        for (double[] row : a) {
            if (row.length != cols) {
                throw new IllegalArgumentException("matrix rows must all have length " + cols);
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("matrix entries must be finite, got " + v);
                }
            }
        }
        boolean transposed = rows < cols;
        int m = transposed ? cols : rows; // length of a column of the working matrix
        int n = transposed ? rows : cols; // number of columns
        int exponent = exponentOfLargest(a);
        double[][] w = new double[n][m];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = Math.scalb(a[i][j], -exponent);
                if (transposed) {
                    w[i][j] = v;
                } else {
                    w[j][i] = v;
                }
            }
        }
        double tol = Math.max(TOL, m * Math.ulp(1.0));
        double[] norm2 = new double[n];
        double frobenius2 = 0;
        for (int j = 0; j < n; j++) {
            norm2[j] = dot(w[j], w[j]);
            frobenius2 += norm2[j];
        }
        // Columns below rounding level of the whole matrix are zero to double precision: rotating
        // them against each other only stirs noise and would never meet the criterion.
        double negligible = square(m * Math.ulp(1.0)) * frobenius2;
        boolean rotated = true;
        for (int sweep = 0; rotated; sweep++) {
            if (sweep == MAX_SWEEPS) {
                throw new ArithmeticException("one-sided Jacobi did not converge in " + MAX_SWEEPS + " sweeps");
            }
            rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = norm2[p];
                    double beta = norm2[q];
                    if (alpha <= negligible || beta <= negligible) {
                        continue;
                    }
                    double gamma = dot(w[p], w[q]);
                    if (Math.abs(gamma) <= tol * Math.sqrt(alpha * beta) || gamma == 0) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    double[] wp = w[p];
                    double[] wq = w[q];
                    for (int i = 0; i < m; i++) {
                        double x = wp[i];
                        double y = wq[i];
                        wp[i] = c * x - s * y;
                        wq[i] = s * x + c * y;
                    }
                    norm2[p] = dot(wp, wp);
                    norm2[q] = dot(wq, wq);
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> Double.compare(norm2[y], norm2[x]));
        double[] values = new double[n];
        double[][] left = vectors ? new double[n][] : null;
        for (int k = 0; k < n; k++) {
            int j = order[k];
            double sigma = Math.sqrt(norm2[j]);
            values[k] = Math.scalb(sigma, exponent);
            if (vectors) {
                double[] u = new double[m];
                if (sigma > 0) {
                    for (int i = 0; i < m; i++) {
                        u[i] = w[j][i] / sigma;
                    }
                }
                left[k] = u;
            }
        }
        return new Svd(values, left);
    }

    /** e with 2^e ≤ max |a_ij| &lt; 2^(e+1), subnormals included; 0 for the zero matrix. */
    private static int exponentOfLargest(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return PowerOfTwo.exponent(max);
    }

    private static double square(double x) {
        return x * x;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
