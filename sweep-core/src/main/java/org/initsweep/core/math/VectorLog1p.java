package org.initsweep.core.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Log1p#of} over arrays in vectors of doubles, with the same bits: for x in [2⁻²⁹, 1) both of
 * fdlibm's branches (k = 0 with f = x; 1 + x normalized into k and f with the rounding correction c) are
 * the same IEEE operations in the same order, computed in every lane and blended by the branch the
 * scalar code takes. A vector with any entry outside that range, or one fdlibm treats apart (|f| &lt;
 * 2⁻²⁰ after normalizing), is done entry by entry by {@link Log1p#of}. Loaded only when the
 * {@code jdk.incubator.vector} module is present ({@link Log1p#of(double[], double[], int)}).
 */
final class VectorLog1p {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final long LOW = 0xffffffffL;

    private VectorLog1p() {
    }

    /** Whether the JIT makes machine vectors of this: 256 bits or wider. */
    static boolean usable() {
        return S.vectorBitSize() >= 256;
    }

    /** out[i] = Log1p.of(x[i]) for i &lt; n. */
    static void of(double[] x, double[] out, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            // NaN fails both comparisons, so it is taken by the scalar code
            VectorMask<Double> ok = v.compare(VectorOperators.GE, 0x1p-29).and(v.compare(VectorOperators.LT, 1.0));
            if (!ok.allTrue()) {
                scalar(x, out, i);
                continue;
            }
            LongVector hx = v.reinterpretAsLongs().lanewise(VectorOperators.ASHR, 32);
            VectorMask<Long> kZero = hx.compare(VectorOperators.LT, 0x3FDA827AL); // x < 0.41422: k = 0, f = x

            DoubleVector u = v.add(1.0);
            LongVector uBits = u.reinterpretAsLongs();
            LongVector hu = uBits.lanewise(VectorOperators.ASHR, 32);
            LongVector k = hu.lanewise(VectorOperators.ASHR, 20).sub(1023);
            VectorMask<Double> kPositive = k.compare(VectorOperators.GT, 0L).cast(S);
            DoubleVector c = v.sub(u.sub(1.0)).blend(DoubleVector.broadcast(S, 1.0).sub(u.sub(v)), kPositive).div(u);
            hu = hu.and(0x000fffffL);
            VectorMask<Long> below = hu.compare(VectorOperators.LT, 0x6a09eL);
            // normalize u (high word hu | 0x3ff00000), or u/2 (hu | 0x3fe00000) with k + 1
            LongVector high = hu.or(0x3fe00000L).blend(hu.or(0x3ff00000L), below);
            DoubleVector uNorm = high.lanewise(VectorOperators.LSHL, 32).or(uBits.and(LOW)).reinterpretAsDoubles();
            k = k.add(1).blend(k, below);
            hu = hu.broadcast(0x00100000L).sub(hu).lanewise(VectorOperators.ASHR, 2).blend(hu, below);
            if (hu.compare(VectorOperators.EQ, 0L).andNot(kZero).anyTrue()) {
                scalar(x, out, i); // |f| < 2^-20: fdlibm's own short formula
                continue;
            }
            DoubleVector f = uNorm.sub(1.0).blend(v, kZero.cast(S));
            k = k.blend(0L, kZero);
            c = c.blend(0.0, kZero.cast(S));

            DoubleVector hfsq = f.mul(0.5).mul(f);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector z = s.mul(s);
            DoubleVector r = z.mul(Log1p.LP7).add(Log1p.LP6);
            r = z.mul(r).add(Log1p.LP5);
            r = z.mul(r).add(Log1p.LP4);
            r = z.mul(r).add(Log1p.LP3);
            r = z.mul(r).add(Log1p.LP2);
            r = z.mul(r).add(Log1p.LP1);
            r = z.mul(r);
            DoubleVector sr = s.mul(hfsq.add(r));
            DoubleVector plain = f.sub(hfsq.sub(sr));
            DoubleVector kd = (DoubleVector) k.convert(VectorOperators.L2D, 0);
            DoubleVector scaled = kd.mul(Log1p.LN2_HI)
                    .sub(hfsq.sub(sr.add(kd.mul(Log1p.LN2_LO).add(c))).sub(f));
            scaled.blend(plain, k.compare(VectorOperators.EQ, 0L).cast(S)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Log1p.of(x[i]);
        }
    }

    private static void scalar(double[] x, double[] out, int from) {
        for (int j = from; j < from + L; j++) {
            out[j] = Log1p.of(x[j]);
        }
    }
}
