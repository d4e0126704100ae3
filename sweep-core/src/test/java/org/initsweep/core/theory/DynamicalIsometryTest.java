package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.theory.DynamicalIsometry.Spectrum;
import org.initsweep.core.theory.DynamicalIsometry.Weights;
import org.initsweep.core.theory.TheoryValue.Status;
import org.junit.jupiter.api.Test;

/**
 * Mean and variance of the eigenvalues of JJᵀ by free probability (Pennington, Schoenholz &amp;
 * Ganguli 2017): the paper's worked cases, tanh against independent moments, and a simulation.
 */
class DynamicalIsometryTest {

    private static final Nonlinearity RELU = Nonlinearity.of(Activation.RELU);

    @Test
    void reluAtCriticalityHasVarianceLOverPGaussianAndLOneMinusPOverPOrthogonal() {
        // p = 1/2 (half the units active); at σ_w² = 2 the mean eigenvalue is 1.
        for (double sigmaB2 : new double[] {0, 0.1}) { // with bias q* = ∞, but ReLU's D does not depend on q
            Spectrum gaussian = DynamicalIsometry.predict(RELU, 2, sigmaB2, 30, Weights.GAUSSIAN);
            Spectrum orthogonal = DynamicalIsometry.predict(RELU, 2, sigmaB2, 30, Weights.ORTHOGONAL);
            assertEquals(Status.FINITE, gaussian.status());
            assertEquals(30 / 0.5, gaussian.relativeVariance(), 1e-12);
            assertEquals(30 * 0.5 / 0.5, orthogonal.relativeVariance(), 1e-12);
            assertEquals(1, gaussian.mean(), 1e-12);
            assertEquals(60, gaussian.variance(), 1e-10);
        }
    }

    @Test
    void linearNetworkIsIsometricOnlyWithOrthogonalWeights() {
        Nonlinearity linear = Nonlinearity.of(Activation.LINEAR);
        assertEquals(12, DynamicalIsometry.predict(linear, 1, 0, 12, Weights.GAUSSIAN).relativeVariance(), 1e-12);
        assertEquals(0, DynamicalIsometry.predict(linear, 1, 0, 12, Weights.ORTHOGONAL).relativeVariance(), 1e-12);
        // away from criticality the mean is χ₁^L
        assertEquals(Math.pow(0.9, 12), DynamicalIsometry.predict(linear, 0.9, 0.1, 12, Weights.GAUSSIAN).mean(), 1e-13);
    }

    @Test
    void tanhMomentsAreTheSlopeMomentsAtTheLengthFixedPoint() {
        double m = 1.5;
        double sigmaB2 = 0.05;
        int depth = 20;
        MeanField reference = new MeanField(Activation.TANH, m, sigmaB2);
        double q = reference.fixedPoint();
        double mu1 = NormalReference.expectation(z -> Math.pow(1 - Math.pow(Math.tanh(z), 2), 2), q);
        double mu2 = NormalReference.expectation(z -> Math.pow(1 - Math.pow(Math.tanh(z), 2), 4), q);
        Spectrum gaussian = DynamicalIsometry.predict(Nonlinearity.of(Activation.TANH), m, sigmaB2, depth,
                Weights.GAUSSIAN);
        Spectrum orthogonal = DynamicalIsometry.predict(Nonlinearity.of(Activation.TANH), m, sigmaB2, depth,
                Weights.ORTHOGONAL);
        assertEquals(mu1, gaussian.mu1(), 1e-12);
        assertEquals(mu2, gaussian.mu2(), 1e-12);
        assertEquals(depth * (mu2 / (mu1 * mu1) - 1), orthogonal.relativeVariance(), 1e-10);
        assertEquals(depth, gaussian.relativeVariance() - orthogonal.relativeVariance(), 1e-10);
        assertEquals(depth * Math.log(reference.chi1()), gaussian.logMean(), 1e-10);
    }

    @Test
    void noPredictionWhereTheLengthDivergesAndTheSlopesDependOnIt() {
        // φ(z) = z + tanh z grows linearly (slope 1), so at σ_w² = 1.5 the length diverges, and
        // E[φ'²] = E[(2 − tanh²)²] moves with q: no fixed point, no prediction.
        Nonlinearity phi = new Nonlinearity("z+tanh", z -> z + Math.tanh(z), z -> 2 - Math.pow(Math.tanh(z), 2));
        assertEquals(Status.NO_FIXED_POINT, DynamicalIsometry.predict(phi, 1.5, 0, 10, Weights.GAUSSIAN).status());
        assertEquals(Double.NaN, DynamicalIsometry.predict(phi, 1.5, 0, 10, Weights.GAUSSIAN).mean());
    }

    @Test
    void simulatedReluJacobiansMatchTheFreeProbabilityVariance() {
        // J = D₄W₄···D₁W₁, N = 200, D = diag of independent Bernoulli(1/2) (ReLU's φ'), σ_w² = 2.
        // Moments from traces: m₁ = tr(JJᵀ)/N, m₂ = ‖JJᵀ‖²_F/N. Over 20 seeds one seed's
        // relative variance scatters by 0.47 (Gaussian) and 0.24 (orthogonal) about 8.08 and 4.03;
        // the mean of 4 seeds is asserted within 4 standard errors. A wrong sign of s₁ would give
        // 4 and 8 (or 12), far outside.
        int n = 200;
        int depth = 4;
        for (Weights weights : Weights.values()) {
            double predicted = DynamicalIsometry.predict(RELU, 2, 0, depth, weights).relativeVariance();
            double sum = 0;
            int seeds = 4;
            for (int seed = 0; seed < seeds; seed++) {
                sum += simulatedRelativeVariance(n, depth, weights, new Random(seed));
            }
            double sigma = weights == Weights.GAUSSIAN ? 0.47 : 0.24;
            assertEquals(predicted, sum / seeds, 4 * sigma / Math.sqrt(seeds), weights.name());
        }
    }

    private static double simulatedRelativeVariance(int n, int depth, Weights weights, Random random) {
        double[][] j = null;
        for (int l = 0; l < depth; l++) {
            double[][] w = weights == Weights.GAUSSIAN ? gaussian(n, random) : orthogonal(n, random);
            for (double[] row : w) {
                double scale = Math.sqrt(2) * (random.nextBoolean() ? 1 : 0);
                for (int k = 0; k < n; k++) {
                    row[k] *= scale;
                }
            }
            j = j == null ? w : multiply(w, j);
        }
        double[][] jt = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                jt[c][r] = j[r][c];
            }
        }
        double[][] g = multiply(j, jt);
        double m1 = 0;
        double m2 = 0;
        for (int r = 0; r < n; r++) {
            m1 += g[r][r];
            for (int c = 0; c < n; c++) {
                m2 += g[r][c] * g[r][c];
            }
        }
        m1 /= n;
        m2 /= n;
        return m2 / (m1 * m1) - 1;
    }

    /** Entries N(0, 1/n). */
    private static double[][] gaussian(int n, Random random) {
        double[][] w = new double[n][n];
        for (double[] row : w) {
            for (int k = 0; k < n; k++) {
                row[k] = random.nextGaussian() / Math.sqrt(n);
            }
        }
        return w;
    }

    /** Haar orthogonal: Gram–Schmidt (twice) of a Gaussian matrix's columns. */
    static double[][] orthogonal(int n, Random random) {
        double[][] q = new double[n][n];
        double[] v = new double[n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                v[r] = random.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < c; k++) {
                    double d = 0;
                    for (int r = 0; r < n; r++) {
                        d += q[r][k] * v[r];
                    }
                    for (int r = 0; r < n; r++) {
                        v[r] -= d * q[r][k];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < n; r++) {
                q[r][c] = v[r] / norm;
            }
        }
        return q;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < inner; k++) {
                double x = a[r][k];
                if (x == 0) {
                    continue;
                }
                double[] bk = b[k];
                double[] cr = c[r];
                for (int s = 0; s < m; s++) {
                    cr[s] += x * bk[s];
                }
            }
        }
        return c;
    }

    @Test
    void alongThePathEachLayerTakesItsOwnLength() {
        // tanh at σ_w² = 1, σ_b² = 0 from q⁰ = 1: q^l falls like 1/(2l) and never reaches q* = 0, where
        // predict() says isometry. Sum each layer's terms at its own q^l, by an independent quadrature.
        Nonlinearity tanh = Nonlinearity.of(Activation.TANH);
        int depth = 40;
        double q = 1;
        double logMean = 0;
        double relative = 0;
        for (int l = 1; l <= depth; l++) {
            double mu1 = NormalReference.expectation(z -> Math.pow(1 - Math.pow(Math.tanh(z), 2), 2), q);
            double mu2 = NormalReference.expectation(z -> Math.pow(1 - Math.pow(Math.tanh(z), 2), 4), q);
            logMean += Math.log(mu1);
            relative += mu2 / (mu1 * mu1) - 1;
            q = NormalReference.expectation(z -> Math.pow(Math.tanh(z), 2), q);
        }
        Spectrum orthogonal = DynamicalIsometry.predictAlongPath(tanh, 1, 0, depth, Weights.ORTHOGONAL, 1);
        assertEquals(logMean, orthogonal.logMean(), 1e-9);
        assertEquals(relative, orthogonal.relativeVariance(), 1e-9);
        // an auditor's Monte-Carlo of width-128 orthogonal nets: 1.33 ± 0.03 and ln m₁ = −3.94 (not 0 and 0)
        assertEquals(1.35, orthogonal.relativeVariance(), 0.01);
        assertEquals(-4.02, orthogonal.logMean(), 0.01);
        assertEquals(0, DynamicalIsometry.predict(tanh, 1, 0, depth, Weights.ORTHOGONAL).relativeVariance(), 1e-9);
        Spectrum gaussian = DynamicalIsometry.predictAlongPath(tanh, 1, 0, depth, Weights.GAUSSIAN, 1);
        assertEquals(relative + depth, gaussian.relativeVariance(), 1e-9);
        // a scale-invariant φ is at its fixed point from the first layer: the path changes nothing
        Spectrum relu = DynamicalIsometry.predictAlongPath(RELU, 2, 0, 30, Weights.GAUSSIAN, 1);
        assertEquals(60, relu.relativeVariance(), 1e-12);
        assertEquals(0, relu.logMean(), 1e-12);
        Spectrum linear = DynamicalIsometry.predictAlongPath(Nonlinearity.of(Activation.LINEAR), 0.9, 0.1, 12,
                Weights.GAUSSIAN, 1);
        assertEquals(Math.pow(0.9, 12), linear.mean(), 1e-13);
        assertEquals(12, linear.relativeVariance(), 1e-12);
    }

    /**
     * A first layer of its own σ_w² (Glorot from 64 inputs to 32 units: 2·64/96 = 4/3) multiplies the mean
     * eigenvalue by σ_w1²μ₁(q¹) with q¹ = σ_w1²q⁰ + σ_b², the layers after it by their own σ_w²μ₁(q^l).
     */
    @Test
    void aFirstLayerOfItsOwnScaleStartsThePathFromItsOwnLength() {
        Spectrum linear = DynamicalIsometry.predictAlongPath(Nonlinearity.of(Activation.LINEAR), 4.0 / 3, 1, 0, 5,
                Weights.GAUSSIAN, 0.89);
        assertEquals(Math.log(4.0 / 3), linear.logMean(), 1e-12, "linear: μ₁ = 1 at any q");
        Spectrum relu = DynamicalIsometry.predictAlongPath(RELU, 3, 2, 0, 4, Weights.GAUSSIAN, 1);
        assertEquals(Math.log(1.5), relu.logMean(), 1e-12, "ReLU: μ₁ = 1/2, so 3/2 then 1 per layer");
        // tanh, q⁰ = 0.5, σ_w1² = 2, σ_w² = 1, σ_b² = 0.1: q¹ = 1.1, q² = E[tanh²(√1.1 z)] + 0.1
        Nonlinearity tanh = Nonlinearity.of(Activation.TANH);
        double q1 = 2 * 0.5 + 0.1;
        double q2 = NormalReference.expectation(z -> Math.pow(Math.tanh(z), 2), q1) + 0.1;
        double expected = Math.log(2 * NormalReference.expectation(z -> Math.pow(1 - Math.pow(Math.tanh(z), 2), 2), q1))
                + Math.log(NormalReference.expectation(z -> Math.pow(1 - Math.pow(Math.tanh(z), 2), 2), q2));
        assertEquals(expected, DynamicalIsometry.predictAlongPath(tanh, 2, 1, 0.1, 2, Weights.GAUSSIAN, 0.5).logMean(),
                1e-9);
        assertEquals(DynamicalIsometry.predictAlongPath(tanh, 1, 0.1, 6, Weights.ORTHOGONAL, 0.5),
                DynamicalIsometry.predictAlongPath(tanh, 1, 1, 0.1, 6, Weights.ORTHOGONAL, 0.5),
                "one σ_w² is the same");
        assertThrows(IllegalArgumentException.class,
                () -> DynamicalIsometry.predictAlongPath(tanh, 0, 1, 0, 2, Weights.GAUSSIAN, 1));
    }
}
