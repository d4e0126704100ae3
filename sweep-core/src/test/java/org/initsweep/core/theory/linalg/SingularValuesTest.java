package org.initsweep.core.theory.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** One-sided Jacobi SVD against matrices with known singular values. */
class SingularValuesTest {

    @Test
    void diagonalMatrixGivesTheSortedAbsoluteDiagonal() {
        double[][] a = {{0, 0, 0}, {0, -3, 0}, {0, 0, 0.5}};
        a[0][0] = 2;
        assertArrayEquals(new double[] {3, 2, 0.5}, SingularValues.of(a), 0);
    }

    @Test
    void twoByTwoMatchesTheClosedForm() {
        // σ₁,₂ = (√((a+d)² + (c−b)²) ± √((a−d)² + (c+b)²)) / 2 for [[a, b], [c, d]]
        double a = 1.3;
        double b = -0.4;
        double c = 2.2;
        double d = 0.7;
        double p = Math.hypot(a + d, c - b);
        double m = Math.hypot(a - d, c + b);
        assertArrayEquals(new double[] {(p + m) / 2, (p - m) / 2}, SingularValues.of(new double[][] {{a, b}, {c, d}}),
                1e-15);
    }

    @Test
    void orthogonalMatrixHasAllSingularValuesOne() {
        double[] s = SingularValues.of(Matrices.orthogonal(40, new Random(3)));
        for (double v : s) {
            assertEquals(1, v, 1e-14);
        }
    }

    @Test
    void recoversPrescribedSingularValuesSquareTallAndWide() {
        Random random = new Random(11);
        double[] sigma = new double[30];
        for (int k = 0; k < sigma.length; k++) {
            sigma[k] = Math.exp(-0.4 * k); // condition number e^{11.6} ≈ 10⁵
        }
        for (int[] shape : new int[][] {{30, 30}, {45, 30}, {30, 45}}) {
            double[] s = SingularValues.of(Matrices.withSingularValues(shape[0], shape[1], sigma, random));
            assertEquals(30, s.length);
            for (int k = 0; k < 30; k++) {
                // relative accuracy: the small values are as accurate as the large ones, up to ~κ·ε
                assertEquals(sigma[k], s[k], 1e-12 * sigma[k] + 1e-15, shape[0] + "x" + shape[1] + " σ" + k);
            }
        }
    }

    @Test
    void matricesNearTheEndsOfTheDoubleRangeKeepTheirRelativeAccuracy() {
        // A vanishing Jacobian of a saturated deep net has entries ~1e-170: their squares are subnormal
        // or zero, so unscaled column norms lose every digit. σ(s·A) = |s|·σ(A) exactly for a power of two s.
        Random random = new Random(5);
        double[] sigma = {3, 1, 0.25};
        double[][] a = Matrices.withSingularValues(3, 2, new double[] {sigma[0], sigma[1]}, random);
        for (double scale : new double[] {0x1p-560, 0x1p-1000, 0x1p+520, 0x1p+1000}) {
            double[][] scaled = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                scaled[i] = a[i].clone();
                for (int j = 0; j < a[i].length; j++) {
                    scaled[i][j] *= scale;
                }
            }
            double[] s = SingularValues.of(scaled);
            for (int k = 0; k < 2; k++) {
                assertEquals(sigma[k], s[k] / scale, 1e-13 * sigma[k], "scale " + scale + " σ" + k);
            }
        }
        double[][] square = Matrices.withSingularValues(3, 3, sigma, random);
        for (double[] row : square) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= 0x1p-1040; // subnormal entries: 52 − 18 bits left, so ~1e-10 relative
            }
        }
        double[] s = SingularValues.of(square);
        for (int k = 0; k < 3; k++) {
            assertEquals(sigma[k], s[k] / 0x1p-1040, 1e-9 * sigma[k], "subnormal σ" + k);
        }
    }

    @Test
    void rankDeficientMatrixHasExactZeros() {
        Random random = new Random(5);
        double[][] a = Matrices.multiply(Matrices.gaussian(20, 4, random), Matrices.gaussian(4, 20, random));
        double[] s = SingularValues.of(a);
        assertTrue(s[3] > 1e-3, "rank 4");
        for (int k = 4; k < 20; k++) {
            assertEquals(0, s[k], 1e-12 * s[0], "σ" + k);
        }
    }

    @Test
    void randomMatrixSatisfiesTheFrobeniusAndDeterminantIdentities() {
        double[][] a = Matrices.gaussian(25, 25, new Random(8));
        double[] s = SingularValues.of(a);
        double frobenius = 0;
        for (double[] row : a) {
            for (double v : row) {
                frobenius += v * v;
            }
        }
        double sumSquares = 0;
        double logProduct = 0;
        for (double v : s) {
            sumSquares += v * v;
            logProduct += Math.log(v);
        }
        assertEquals(frobenius, sumSquares, 1e-12 * frobenius);
        assertEquals(Math.log(Math.abs(determinant(a))), logProduct, 1e-10);
    }

    @Test
    void leftSingularVectorsAreUnitAndMapBack() {
        // B = U Σ Vᵀ, so Bᵀu_k = σ_k v_k has norm σ_k
        double[][] b = Matrices.gaussian(6, 6, new Random(2));
        SingularValues.Svd svd = SingularValues.withLeftVectors(b);
        for (int k = 0; k < 6; k++) {
            double[] u = svd.left()[k];
            double norm = 0;
            double image = 0;
            for (int j = 0; j < 6; j++) {
                norm += u[j] * u[j];
                double t = 0;
                for (int i = 0; i < 6; i++) {
                    t += b[i][j] * u[i];
                }
                image += t * t;
            }
            assertEquals(1, norm, 1e-14);
            assertEquals(svd.values()[k], Math.sqrt(image), 1e-13);
        }
    }

    @Test
    void rejectsEmptyRaggedAndNonFiniteMatrices() {
        assertThrows(IllegalArgumentException.class, () -> SingularValues.of(new double[0][0]));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> SingularValues.of(new double[][] {{1, 2}, {3}}));
        assertTrue(ragged.getMessage().contains("length 2"), ragged.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> SingularValues.of(new double[][] {{1, Double.NaN}}));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    }

    /** Determinant by Gaussian elimination with partial pivoting. */
    private static double determinant(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double det = 1;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            if (p != c) {
                double[] t = m[p];
                m[p] = m[c];
                m[c] = t;
                det = -det;
            }
            det *= m[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        return det;
    }
}
