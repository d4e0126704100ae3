package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.activation.FloatTanh;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link VectorGemm#mul(float[], int, int, float[], float[], int, int, int, Epilogue)}: the elementwise
 * work fused into the product must give, bit for bit, what the activation's own loops give after a
 * plain product — bias then φ forward; φ' and the row-ordered column sums backward — on shapes that
 * cover every tile width and both tails for 256- and 512-bit vectors, with NaN, ±∞ and values
 * beyond tanh's clamp among the inputs.
 */
class VectorGemmEpilogueTest {

    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 9f, -30f, 0f};

    @ParameterizedTest(name = "{0} [{1}×{3}]·[{3}×{2}]")
    @CsvSource({
        "tanh, 37, 117, 13", "tanh, 6, 70, 64", "relu, 37, 117, 13", "relu, 9, 40, 5",
        "leaky_relu(0.2), 37, 117, 13", "linear, 37, 117, 13", "sigmoid, 37, 117, 13", "tanh, 5, 3, 2"})
    void forwardEqualsBiasThenActivationLoops(String act, int m, int n, int k) {
        Activation phi = Activation.fromLabel(act);
        SplittableRandom r = new SplittableRandom(m * 131L + n);
        float[] a = gaussian(r, m * k, 2);
        float[] w = gaussian(r, k * n, 2);
        float[] bias = withSpecials(gaussian(r, n, 1));
        boolean linear = phi.identity();

        float[] zRef = new float[m * n];
        VectorGemm.mul(a, k, 1, w, zRef, m, n, k);
        FloatKernels.addRow(zRef, bias, m, n);

        float[] z = gaussian(r, m * n, 1); // garbage must be overwritten
        float[] out = linear ? z : gaussian(r, m * n, 1);
        VectorGemm.mul(a, k, 1, w, z, m, n, k, Epilogue.forward(phi, bias, out));
        float[] aRef = new float[m * n];
        phi.forward(zRef, aRef, m * n, true);
        for (int i = 0; i < m * n; i++) {
            assertBits(zRef[i], z[i], "z[" + i + "]");
            if (!linear && Epilogue.appliesForward(phi)) {
                assertBits(aRef[i], out[i], act + "(z[" + i + "] = " + zRef[i] + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0} [{1}×{2}]")
    @CsvSource({"tanh, 37, 117", "tanh, 128, 256", "relu, 9, 40", "leaky_relu(0.2), 37, 117", "tanh, 3, 9"})
    void biasAndActivateAfterSgemmEqualsTheLoops(String act, int m, int n) {
        Activation phi = Activation.fromLabel(act);
        SplittableRandom r = new SplittableRandom(m * 7L + n);
        float[] product = withSpecials(gaussian(r, m * n, 3));
        float[] bias = withSpecials(gaussian(r, n, 1));
        float[] zRef = product.clone();
        FloatKernels.addRow(zRef, bias, m, n);
        float[] aRef = new float[m * n];
        phi.forward(zRef, aRef, m * n, true);

        float[] z = product.clone();
        float[] out = gaussian(r, m * n, 1); // garbage must be overwritten
        VectorGemm.biasAndActivate(z, m, n, Epilogue.forward(phi, bias, out));
        for (int i = 0; i < m * n; i++) {
            assertBits(zRef[i], z[i], "z[" + i + "]");
            assertBits(aRef[i], out[i], act + "(z[" + i + "] = " + zRef[i] + ")");
        }
    }

    @ParameterizedTest(name = "{0} [{1}×{3}]·[{3}×{2}]")
    @CsvSource({
        "tanh, 37, 117, 13", "tanh, 256, 64, 64", "sigmoid, 37, 117, 13", "relu, 37, 117, 13",
        "leaky_relu(0.2), 9, 40, 5", "linear, 37, 117, 13", "tanh, 3, 2, 7"})
    void backwardEqualsDerivativeAndColumnSumLoops(String act, int m, int n, int k) {
        Activation phi = Activation.fromLabel(act);
        SplittableRandom r = new SplittableRandom(m * 17L + n);
        float[] dzNext = gaussian(r, m * k, 1);
        float[] wt = gaussian(r, k * n, 1);
        float[] aPrev = withSpecials(gaussian(r, m * n, 1));
        float[] zPrev = withSpecials(gaussian(r, m * n, 1));
        boolean linear = phi.identity();

        float[] daRef = new float[m * n];
        VectorGemm.mul(dzNext, k, 1, wt, daRef, m, n, k);
        float[] dzRef = new float[m * n];
        phi.backward(daRef, zPrev, aPrev, dzRef, m * n);
        float[] dbRef = new float[n];
        FloatKernels.colSum(dzRef, dbRef, m, n);

        float[] da = gaussian(r, m * n, 1);
        float[] dz = linear ? da : gaussian(r, m * n, 1);
        float[] db = gaussian(r, n, 1); // overwritten, not accumulated into
        VectorGemm.mul(dzNext, k, 1, wt, da, m, n, k, Epilogue.backward(phi, aPrev, zPrev, dz, db));
        for (int i = 0; i < m * n; i++) {
            assertBits(daRef[i], da[i], "da[" + i + "]");
            assertBits(dzRef[i], dz[i], "dz[" + i + "]");
        }
        for (int j = 0; j < n; j++) {
            assertBits(dbRef[j], db[j], "db[" + j + "]");
        }
    }

    /**
     * tanh's vector form does not clamp its input but sets ±1 where |z| is past the clamp: the same bits as
     * the clamped scalar {@code FloatTanh.fma} at the clamp, beside it, where z² overflows, at ±∞, NaN and
     * ±0, in the vector part of a row and in its scalar tail.
     */
    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {64, 61})
    void tanhPastItsClampEqualsTheClampedLoop(int n) {
        float c = FloatTanh.CLAMP_FMA;
        float[] edges = {c, -c, Math.nextUp(c), Math.nextDown(c), -Math.nextUp(c), -Math.nextDown(c), 8f, -8f,
            1.8e19f, -1.9e19f, 2e19f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.NaN, 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 7.5f, -7.9f};
        Activation phi = Activation.fromLabel("tanh");
        SplittableRandom r = new SplittableRandom(5);
        int m = 2 * edges.length;
        float[] z = new float[m * n];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (r.nextGaussian() * 4);
        }
        for (int e = 0; e < edges.length; e++) {
            z[e * n + e % n] = edges[e]; // a vector column
            z[(edges.length + e) * n + n - 1] = edges[e]; // the last column: the tail when n is not a multiple
        }
        float[] bias = new float[n];
        java.util.Arrays.fill(bias, -0f); // z + (−0) = z, −0 included
        float[] ref = new float[m * n];
        phi.forward(z, ref, m * n, true);
        float[] out = new float[m * n];
        VectorGemm.biasAndActivate(z.clone(), m, n, Epilogue.forward(phi, bias, out));
        for (int i = 0; i < m * n; i++) {
            assertBits(ref[i], out[i], "tanh(" + z[i] + ")");
        }
    }

    private static void assertBits(float expected, float got, String what) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(got), what + ": " + got + ", loops " + expected);
    }

    /** Puts NaN, ±∞, values past tanh's clamp and 0 at spread-out positions. */
    private static float[] withSpecials(float[] x) {
        for (int i = 0; i < SPECIAL.length && i < x.length; i++) {
            x[(int) ((long) i * 7919 % x.length)] = SPECIAL[i];
        }
        return x;
    }

    private static float[] gaussian(SplittableRandom r, int n, double sd) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * sd);
        }
        return x;
    }
}
