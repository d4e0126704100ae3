package org.initsweep.core.activation;

/**
 * tanh in float32 by a rational minimax approximation on [−c, c] (odd degree-13 numerator over even
 * degree-6 denominator, Eigen's {@code generic_fast_tanh_float} coefficients); outside, tanh rounds
 * to ±1 in float. Measured against the correctly rounded float tanh: at most 6 ulp, 0.9 ulp on
 * average (ND4J's own float tanh: mean 31 ulp, far more near 0). NaN stays NaN, ±∞ gives ±1.
 */
public final class FloatTanh {

    /** Clamp of {@link #plain}. */
    public static final float CLAMP = 7.90531110763549805f;
    /**
     * The clamp of {@link #fma}: the smallest float at which the fused evaluation rounds to exactly
     * 1 (at {@link #CLAMP} it gives 1 − 2⁻²², so saturated units would never reach ±1); no float in
     * [0, this] evaluates above 1 (checked exhaustively).
     */
    public static final float CLAMP_FMA = 7.99881172180175781f;
    public static final float A1 = 4.89352455891786e-03f;
    public static final float A3 = 6.37261928875436e-04f;
    public static final float A5 = 1.48572235717979e-05f;
    public static final float A7 = 5.12229709037114e-08f;
    public static final float A9 = -8.60467152213735e-11f;
    public static final float A11 = 2.00018790482477e-13f;
    public static final float A13 = -2.76076847742355e-16f;
    public static final float B0 = 4.89352518554385e-03f;
    public static final float B2 = 2.26843463243900e-03f;
    public static final float B4 = 1.18534705686654e-04f;
    public static final float B6 = 1.19825839466702e-06f;

    private FloatTanh() {
    }

    /** tanh in float32, separate multiplies and adds. */
    public static float plain(float v) {
        float x = Math.max(-CLAMP, Math.min(CLAMP, v));
        float x2 = x * x;
        float p = A13;
        p = p * x2 + A11;
        p = p * x2 + A9;
        p = p * x2 + A7;
        p = p * x2 + A5;
        p = p * x2 + A3;
        p = p * x2 + A1;
        p = p * x;
        float q = B6;
        q = q * x2 + B4;
        q = q * x2 + B2;
        q = q * x2 + B0;
        return p / q;
    }

    /**
     * {@link #plain} with each multiply-add of the two polynomials fused ({@link Math#fma}), as the
     * Vector API kernel's epilogue computes it: 10 vector operations fewer per 16 entries and at most
     * as many ulp off. For networks whose products run in that kernel only: {@code Math.fma} is one
     * instruction on every CPU with 256-bit vectors (AVX2 comes with FMA3), but a slow software
     * routine without FMA hardware, where the loops kernel keeps {@link #plain}.
     */
    public static float fma(float v) {
        float x = Math.max(-CLAMP_FMA, Math.min(CLAMP_FMA, v));
        float x2 = x * x;
        float p = Math.fma(x2, A13, A11);
        p = Math.fma(p, x2, A9);
        p = Math.fma(p, x2, A7);
        p = Math.fma(p, x2, A5);
        p = Math.fma(p, x2, A3);
        p = Math.fma(p, x2, A1);
        p = p * x;
        float q = Math.fma(x2, B6, B4);
        q = Math.fma(q, x2, B2);
        q = Math.fma(q, x2, B0);
        return p / q;
    }
}
