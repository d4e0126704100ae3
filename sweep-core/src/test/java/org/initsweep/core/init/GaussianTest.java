package org.initsweep.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ziggurat's table against its defining equations, and its deviates against N(0, 1): moments,
 * the whole distribution (Kolmogorov–Smirnov), and the tail beyond r that a separate algorithm draws.
 * Every expected value is computed here from the normal density, independently of the generator.
 */
class GaussianTest {

    private static double f(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /** ∫_a^b exp(−x²/2) dx by composite Simpson (smooth integrand: error ≈ 1e-15 at these steps). */
    private static double integral(double a, double b, int steps) {
        double h = (b - a) / steps;
        double s = f(a) + f(b);
        for (int i = 1; i < steps; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f(a + i * h);
        }
        return s * h / 3;
    }

    @Test
    void everyLayerHasTheSameArea() {
        double tail = integral(Gaussian.R, Gaussian.R + 40, 400_000);
        assertEquals(Gaussian.V, Gaussian.R * f(Gaussian.R) + tail, 1e-12, "base layer: rectangle [0, r]·f(r) plus the tail");
        for (int i = 1; i < Gaussian.LAYERS; i++) {
            // By construction up to rounding for i < 255; at i = 255 (up to f(0) = 1) only if r and V agree.
            assertEquals(Gaussian.V, Gaussian.edge(i) * (f(Gaussian.edge(i + 1)) - f(Gaussian.edge(i))), 1e-11, "layer " + i);
            assertTrue(Gaussian.edge(i + 1) < Gaussian.edge(i), "edges decrease at " + i);
        }
        assertEquals(0.0, Gaussian.edge(Gaussian.LAYERS));
    }

    @Test
    void momentsAreThoseOfAStandardNormal() {
        int n = 2_000_000;
        SplittableRandom rng = new SplittableRandom(7);
        double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        for (int i = 0; i < n; i++) {
            double g = Gaussian.next(rng);
            double g2 = g * g;
            s1 += g;
            s2 += g2;
            s3 += g2 * g;
            s4 += g2 * g2;
        }
        // 5 standard errors: Var(u) = 1, Var(u²) = 2, Var(u³) = 15, Var(u⁴) = E u⁸ − 9 = 96.
        assertEquals(0, s1 / n, 5 * Math.sqrt(1.0 / n), "mean");
        assertEquals(1, s2 / n, 5 * Math.sqrt(2.0 / n), "variance");
        assertEquals(0, s3 / n, 5 * Math.sqrt(15.0 / n), "third moment");
        assertEquals(3, s4 / n, 5 * Math.sqrt(96.0 / n), "fourth moment (kurtosis 3)");
    }

    @Test
    void distributionPassesKolmogorovSmirnov() {
        int n = 1_000_000;
        SplittableRandom rng = new SplittableRandom(123);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Gaussian.next(rng);
        }
        Arrays.sort(g);
        // Φ on a grid of step 1/1024 over [−9, 9], by cumulative Simpson; linear in between.
        int perUnit = 1024;
        double[] phi = new double[18 * perUnit + 1];
        double norm = 1 / Math.sqrt(2 * Math.PI);
        phi[0] = norm * integral(-40, -9, 200_000);
        for (int k = 1; k < phi.length; k++) {
            double a = -9 + (k - 1) / (double) perUnit;
            phi[k] = phi[k - 1] + norm * integral(a, a + 1.0 / perUnit, 8);
        }
        assertEquals(1.0, phi[phi.length - 1] + phi[0], 1e-12, "Φ grid integrates to 1");
        double d = 0;
        for (int i = 0; i < n; i++) {
            double t = (g[i] + 9) * perUnit;
            int k = (int) Math.max(0, Math.min(phi.length - 2, Math.floor(t)));
            double frac = Math.max(0, Math.min(1, t - k));
            double cdf = phi[k] + frac * (phi[k + 1] - phi[k]);
            d = Math.max(d, Math.max((i + 1.0) / n - cdf, cdf - (double) i / n));
        }
        // Critical value of the KS statistic at p = 0.001: 1.949/√n.
        assertTrue(d < 1.949 / Math.sqrt(n), "KS distance " + d);
    }

    @Test
    void tailBeyondRHasTheNormalsMassAndMean() {
        int n = 4_000_000;
        SplittableRandom rng = new SplittableRandom(99);
        long count = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(Gaussian.next(rng));
            if (a > Gaussian.R) {
                count++;
                sum += a;
            }
        }
        double tail = integral(Gaussian.R, Gaussian.R + 40, 400_000);
        double p = 2 * tail / Math.sqrt(2 * Math.PI);           // P(|u| > r) ≈ 2.58e-4
        assertEquals(p * n, count, 5 * Math.sqrt(n * p * (1 - p)), "draws beyond r");
        double mean = f(Gaussian.R) / tail;                      // E[u | u > r] = φ(r)/Q(r)
        double var = 1 + Gaussian.R * mean - mean * mean;        // Var[u | u > r]
        assertEquals(mean, sum / count, 5 * Math.sqrt(var / count), "mean beyond r");
    }

    @Test
    void tailSamplerFollowsTheNormalBeyondR() {
        // The tail algorithm alone (1 in 3,900 deviates goes through it), against u | u > r.
        int n = 400_000;
        SplittableRandom rng = new SplittableRandom(31);
        double s1 = 0, s2 = 0;
        long beyondHalf = 0;
        for (int i = 0; i < n; i++) {
            double t = Gaussian.tail(rng);
            assertTrue(t > Gaussian.R);
            s1 += t;
            s2 += t * t;
            beyondHalf += t > Gaussian.R + 0.5 ? 1 : 0;
        }
        double tail = integral(Gaussian.R, Gaussian.R + 40, 400_000);
        double mean = f(Gaussian.R) / tail;
        double var = 1 + Gaussian.R * mean - mean * mean;
        assertEquals(mean, s1 / n, 5 * Math.sqrt(var / n), "E[u | u > r]");
        assertEquals(var, s2 / n - (s1 / n) * (s1 / n), 5 * var * Math.sqrt(3.0 / n), "Var[u | u > r]");
        double p = integral(Gaussian.R + 0.5, Gaussian.R + 40, 400_000) / tail;   // ≈ 0.14
        assertEquals(p * n, beyondHalf, 5 * Math.sqrt(n * p * (1 - p)), "P(u > r + 0.5 | u > r)");
    }

    @Test
    void sameSeedSameDeviates() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Gaussian.next(a), Gaussian.next(b));
        }
    }
}
