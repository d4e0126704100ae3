package org.initsweep.core.theory.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Golub–Kahan–Lanczos extremes against matrices with known spectra and against the Jacobi SVD. */
class ExtremeSingularValuesTest {

    @Test
    void diagonalOperatorGivesItsLargestAndSmallestEntry() {
        // |d| runs over 0.2, 0.25, …, 2.65 in shuffled order (17 is prime to 50), signs alternating
        double[] d = new double[50];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 2 == 0 ? 1 : -1) * (0.2 + 0.05 * ((i * 17) % 50));
        }
        ExtremeSingularValues.Extremes e = ExtremeSingularValues.of(LinearOperator.diagonal(d), 50, 1e-12, 1);
        assertEquals(2.65, e.largest(), 1e-12);
        assertEquals(0.2, e.smallest(), 1e-12);
        assertTrue(e.converged());
    }

    @Test
    void operatorsNearTheEndsOfTheDoubleRangeKeepTheirRelativeAccuracy() {
        // A wide vanishing Jacobian has products ~1e-170 whose squared norms underflow to 0.
        for (double scale : new double[] {0x1p-600, 0x1p-1000, 0x1p+600}) {
            double[] d = new double[40];
            for (int i = 0; i < d.length; i++) {
                d[i] = scale * (0.5 + 0.05 * ((i * 7) % 40));
            }
            ExtremeSingularValues.Extremes e = ExtremeSingularValues.of(LinearOperator.diagonal(d), 40, 1e-12, 3);
            assertEquals(2.45, e.largest() / scale, 1e-11, "scale " + scale);
            assertEquals(0.5, e.smallest() / scale, 1e-11, "scale " + scale);
        }
    }

    @Test
    void orthogonalOperatorStopsAfterOneStepWithBothValuesOne() {
        ExtremeSingularValues.Extremes e = ExtremeSingularValues.of(
                LinearOperator.dense(Matrices.orthogonal(60, new Random(4))), 60, 1e-12, 2);
        assertEquals(1, e.largest(), 1e-13);
        assertEquals(1, e.smallest(), 1e-13);
        assertEquals(1, e.steps(), "AᵀA = I: the first Krylov space is invariant");
    }

    @Test
    void prescribedSpectrumIsFoundWithHonestErrorBounds() {
        Random random = new Random(9);
        double[] sigma = new double[80];
        for (int k = 0; k < sigma.length; k++) {
            sigma[k] = 3 * Math.exp(-0.05 * k);
        }
        LinearOperator a = LinearOperator.dense(Matrices.withSingularValues(80, 80, sigma, random));
        ExtremeSingularValues.Extremes e = ExtremeSingularValues.of(a, 80, 1e-10, 5);
        assertTrue(e.converged(), e.toString());
        assertEquals(sigma[0], e.largest(), Math.max(e.largestError(), 1e-12));
        assertEquals(sigma[79], e.smallest(), Math.max(e.smallestError(), 1e-12));
        // after a few steps: not converged, the largest Ritz value is below σ₁ (interlacing), and
        // the singular value its bound guarantees within reach is σ₁ here
        ExtremeSingularValues.Extremes early = ExtremeSingularValues.of(a, 6, 1e-10, 5);
        assertFalse(early.converged());
        assertTrue(early.largest() <= sigma[0] + 1e-12, early.toString());
        assertTrue(sigma[0] - early.largest() <= early.largestError() + 1e-12, early.toString());
    }

    @Test
    void productOfLayerJacobiansMatchesTheSvdOfTheFormedProduct() {
        // J = D₃W₃ D₂W₂ D₁W₁ with 40 × 40 Gaussian W and diagonal D, given as operators.
        Random random = new Random(13);
        int n = 40;
        List<LinearOperator> layers = new ArrayList<>();
        double[][] product = Matrices.identity(n);
        for (int l = 0; l < 3; l++) {
            double[][] w = Matrices.gaussian(n, n, random);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = 0.2 + random.nextDouble();
                for (int j = 0; j < n; j++) {
                    w[i][j] /= Math.sqrt(n);
                }
            }
            layers.add(LinearOperator.dense(w));
            layers.add(LinearOperator.diagonal(d));
            double[][] dw = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    dw[i][j] = d[i] * w[i][j];
                }
            }
            product = Matrices.multiply(dw, product);
        }
        double[] exact = SingularValues.of(product);
        ExtremeSingularValues.Extremes e = ExtremeSingularValues.of(LinearOperator.chain(layers), n, 1e-9, 3);
        assertEquals(exact[0], e.largest(), 1e-10 * exact[0]);
        assertEquals(exact[n - 1], e.smallest(), 1e-9 * exact[0] + e.smallestError());
        assertTrue(e.converged());
    }

    @Test
    void rectangularOperatorsUseTheShorterSide() {
        Random random = new Random(21);
        double[] sigma = {5, 2, 1, 0.25};
        for (int[] shape : new int[][] {{30, 4}, {4, 30}}) {
            LinearOperator a = LinearOperator.dense(Matrices.withSingularValues(shape[0], shape[1], sigma, random));
            ExtremeSingularValues.Extremes e = ExtremeSingularValues.of(a, 100, 1e-12, 1);
            assertEquals(5, e.largest(), 1e-12, shape[0] + "x" + shape[1]);
            assertEquals(0.25, e.smallest(), 1e-12, shape[0] + "x" + shape[1]);
        }
    }

    @Test
    void singularOperatorReportsZeroWithinItsBound() {
        double[] d = {2, 0, 1, 3};
        ExtremeSingularValues.Extremes e = ExtremeSingularValues.of(LinearOperator.diagonal(d), 4, 1e-12, 1);
        assertEquals(3, e.largest(), 1e-12);
        assertEquals(0, e.smallest(), Math.max(e.smallestError(), 1e-12));
    }

    @Test
    void validatesItsArguments() {
        LinearOperator a = LinearOperator.diagonal(new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> ExtremeSingularValues.of(null, 5, 1e-9, 1));
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> ExtremeSingularValues.of(a, 0, 1e-9, 1));
        assertTrue(steps.getMessage().contains("maxSteps") && steps.getMessage().contains("0"));
        IllegalArgumentException tol = assertThrows(IllegalArgumentException.class,
                () -> ExtremeSingularValues.of(a, 5, -1, 1));
        assertTrue(tol.getMessage().contains("tol"));
    }
}
