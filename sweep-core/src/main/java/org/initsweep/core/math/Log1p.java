package org.initsweep.core.math;

/**
 * ln(1 + x) in plain Java, with the bits of {@link StrictMath#log1p}: the same algorithm as fdlibm's
 * {@code s_log1p.c} (Sun Microsystems, 1993: "Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice is preserved"), which {@code StrictMath} is
 * specified to return. Java 17's {@code StrictMath.log1p} is a native call, ≈ 10 ns; the binary
 * cross-entropy of every run and epoch calls it once per example.
 *
 * <p>Method (fdlibm): write 1 + x = 2^k·(1 + f) with √2/2 ≤ 1 + f < √2, keep a correction c for the
 * rounding of 1 + x, then ln(1 + f) = f − s·(f − R(z)) with s = f/(2 + f), z = s², R a degree-7
 * polynomial in z (|error| < 2^−58.45), and ln(1 + x) = k·ln2_hi + (f − (hfsq − (s·(hfsq + R) + (k·ln2_lo +
 * c)))). Results are within 1 ulp.
 */
public final class Log1p {

    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double TWO54 = 1.80143985094819840000e+16;
    static final double LP1 = 6.666666666666735130e-01;
    static final double LP2 = 3.999999999940941908e-01;
    static final double LP3 = 2.857142874366239149e-01;
    static final double LP4 = 2.222219843214978396e-01;
    static final double LP5 = 1.818357216161805012e-01;
    static final double LP6 = 1.531383769920937332e-01;
    static final double LP7 = 1.479819860511658591e-01;

    /** Whether {@link #of(double[], double[], int)} runs in vectors here. */
    private static final boolean VECTOR = org.initsweep.core.VectorApi.usable(() -> VectorLog1p.usable());

    private Log1p() {
    }

    /**
     * {@code out[i] = of(x[i])} for i &lt; n, the same bits, in vectors of doubles where the Vector API is
     * available ({@link VectorLog1p}; ≈ 2.5 ns instead of ≈ 6.5 per entry on a Zen 4 core in [2⁻²⁹, 1),
     * the range of the binary cross-entropy's ln(1 + e^{−|z|}) for |z| &lt; 20). {@code out} may be {@code x}.
     */
    public static void of(double[] x, double[] out, int n) {
        if (VECTOR) {
            VectorLog1p.of(x, out, n);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = of(x[i]);
            }
        }
    }

    /** ln(1 + x), equal bit for bit to {@code StrictMath.log1p(x)}. */
    public static double of(double x) {
        int hx = high(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        double f = 0;
        int hu = 0;
        if (hx < 0x3FDA827A) { // x < 0.41422
            if (ax >= 0x3ff00000) { // x ≤ −1
                double zero = 0.0;
                return x == -1.0 ? -TWO54 / zero : (x - x) / (x - x); // −∞; NaN with the hardware's payload
            }
            if (ax < 0x3e200000) { // |x| < 2^−29
                if (TWO54 + x > 0 && ax < 0x3c900000) { // |x| < 2^−54
                    return x;
                }
                return x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec3) { // −0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        double c = 0;
        if (k != 0) {
            double u;
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = high(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
                c /= u;
            } else {
                u = x;
                hu = high(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e) {
                u = withHigh(u, hu | 0x3ff00000); // normalize u
            } else {
                k += 1;
                u = withHigh(u, hu | 0x3fe00000); // normalize u/2
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        if (hu == 0) { // |f| < 2^−20
            if (f == 0) {
                if (k == 0) {
                    return 0;
                }
                c += k * LN2_LO;
                return k * LN2_HI + c;
            }
            double r = hfsq * (1.0 - 0.66666666666666666 * f);
            return k == 0 ? f - r : k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        return k == 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }

    private static int high(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    private static double withHigh(double x, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(x) & 0xffffffffL));
    }
}
