package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.init.WeightInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float32 fast path ({@link Mlp.Kernel#AUTO}, {@link Mlp.Kernel#BLAS}) against the all-ND4J path
 * on the same weights and data: forward values, gradients and the SGD step agree to float32 rounding
 * (they differ only in summation order and fused multiply-adds inside the products and in the
 * tanh/sigmoid approximations, a few ulp), for every activation, with products in the Vector API
 * kernel, in Java loops (narrow layers) and in OpenBLAS's sgemm (wide). The ND4J path itself is
 * checked against finite differences in float64 by {@link MlpGradientTest}.
 */
class MlpFastPathTest {

    @ParameterizedTest
    @MethodSource("org.initsweep.core.nn.MlpGradientTest#activations")
    void vectorLayersMatchNd4j(Activation phi) {
        // Columns per tile: 4, 2 and 1 vectors of L = 16 (512-bit) or 8 lanes, then a scalar tail.
        // L = 16: 70 = 64 + 6, 40 = 32 + 8, 117 = 64 + 32 + 16 + 5; L = 8: 70 = 2·32 + 6,
        // 40 = 32 + 8, 117 = 3·32 + 16 + 5. 37 rows = 9 row tiles + 1.
        assertEquals("vector" + VectorGemm.vectorBits(), compare(phi, Mlp.Kernel.AUTO, 3, 3, 70, 37));
        assertEquals("vector" + VectorGemm.vectorBits(), compare(phi, Mlp.Kernel.AUTO, 2, 2, 40, 21));
        assertEquals("vector" + VectorGemm.vectorBits(), compare(phi, Mlp.Kernel.AUTO, 2, 1, 117, 13)); // no 117×117 layer: sgemm at 256 bits
    }

    @ParameterizedTest
    @MethodSource("org.initsweep.core.nn.MlpGradientTest#activations")
    void javaLoopLayersMatchNd4j(Activation phi) {
        assertEquals("loops", compare(phi, Mlp.Kernel.BLAS, 3, 4, 7, 37)); // 3×7, 7×7, 7×1 ≤ 64 entries
    }

    @ParameterizedTest
    @MethodSource("org.initsweep.core.nn.MlpGradientTest#activations")
    void sgemmLayersMatchNd4j(Activation phi) {
        // more than 64 entries without the Vector API: every layer through sgemm
        assertEquals("sgemm", compare(phi, Mlp.Kernel.BLAS, 2, 3, 96, 64));
        // more than 256×256 weights: the square layers through sgemm, the thin first and last in vectors
        assertEquals("sgemm+vector" + VectorGemm.vectorBits(), compare(phi, Mlp.Kernel.AUTO, 2, 2, 260, 9));
    }

    @ParameterizedTest
    @MethodSource("org.initsweep.core.nn.MlpGradientTest#activations")
    void mixedLayersMatchNd4j(Activation phi) {
        assertEquals("loops+sgemm", compare(phi, Mlp.Kernel.BLAS, 2, 3, 16, 50)); // 2×16, 16×1 in loops
    }

    @Test
    void vectorKernelIsLoadedInTests() {
        // bin/jvm.options (surefire's argLine, the launcher, spark-submit) loads jdk.incubator.vector;
        // without it every sweep silently falls back to the slower BLAS kernel.
        assertTrue(Mlp.vectorKernelAvailable(), "jdk.incubator.vector not loaded or vectors < 256 bit");
        assertEquals("nd4j", new Mlp(2, 2, 8, Activation.TANH, DataType.DOUBLE).kernelName());
        assertEquals("nd4j", new Mlp(2, 2, 8, Activation.TANH, DataType.FLOAT, Mlp.Kernel.ND4J).kernelName());
    }

    @Test
    void fastPathIsChosenForFloat32Only() {
        assertTrue(new Mlp(2, 2, 8, Activation.TANH, DataType.FLOAT).fastPath());
        assertFalse(new Mlp(2, 2, 8, Activation.TANH, DataType.DOUBLE).fastPath());
        assertFalse(new Mlp(2, 2, 8, Activation.TANH, DataType.FLOAT, Mlp.Kernel.ND4J).fastPath());
    }

    @Test
    void fastPathIsBitReproducible() {
        float[] first = trainTwice(Activation.TANH);
        float[] second = trainTwice(Activation.TANH);
        assertArrayEquals(first, second);
    }

    @ParameterizedTest(name = "fma {0}")
    @ValueSource(booleans = {false, true})
    void tanhApproximationIsWithinAFewUlp(boolean fma) {
        java.util.function.DoubleUnaryOperator approx = fma ? x -> FloatKernels.tanhFma((float) x) : x -> FloatKernels.tanh((float) x);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int worst = 0;
        for (int i = 0; i < 200_000; i++) {
            float x = (float) (r.nextGaussian() * (i % 3 == 0 ? 0.01 : i % 3 == 1 ? 1 : 6));
            float exact = (float) Math.tanh(x);
            worst = Math.max(worst, Math.abs(Float.floatToIntBits((float) approx.applyAsDouble(x)) - Float.floatToIntBits(exact)));
        }
        assertTrue(worst <= 8, "worst ulp error " + worst);
        assertEquals(1.0, approx.applyAsDouble(20f));
        assertEquals(-1.0, approx.applyAsDouble(Float.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(approx.applyAsDouble(Float.NaN)));
        assertEquals(0.0, approx.applyAsDouble(0f));
        // |tanh| ≤ 1 near saturation, where a rational approximation can overshoot: every float in [4, 9)
        float over = 0;
        for (float x = 4f; x < 9f; x = Math.nextUp(x)) {
            if (approx.applyAsDouble(x) > 1.0) {
                over = x;
            }
        }
        assertEquals(0f, over, "tanh above 1 at this float");
    }

    private static float[] trainTwice(Activation phi) {
        Mlp net = new Mlp(2, 4, 16, phi, DataType.FLOAT);
        init(net, 11);
        INDArray x = data(64, 2, 5);
        INDArray y = labels(64);
        Mlp.Pass p = net.newPass(64);
        for (int e = 0; e < 5; e++) {
            net.forward(p, x);
            net.backward(p, y);
            net.sgdStep(p, 0.1);
        }
        net.forward(p, x);
        return p.z(net.layers()).toFloatVector();
    }

    /** Runs three steps on both paths, asserting agreement; returns the fast net's kernel name. */
    private static String compare(Activation phi, Mlp.Kernel kernel, int in, int depth, int width, int batch) {
        Mlp fast = new Mlp(in, depth, width, phi, DataType.FLOAT, kernel);
        Mlp ref = new Mlp(in, depth, width, phi, DataType.FLOAT, Mlp.Kernel.ND4J);
        assertTrue(fast.fastPath());
        init(ref, 7);
        for (int l = 1; l <= ref.layers(); l++) {
            fast.weight(l).assign(ref.weight(l));
            fast.bias(l).assign(ref.bias(l));
        }
        INDArray x = data(batch, in, 9);
        INDArray y = labels(batch);
        Mlp.Pass pf = fast.newPass(batch);
        Mlp.Pass pr = ref.newPass(batch);
        for (int step = 0; step < 3; step++) {
            fast.forward(pf, x);
            ref.forward(pr, x);
            fast.backward(pf, y);
            ref.backward(pr, y);
            for (int l = 1; l <= ref.layers(); l++) {
                String at = phi.label() + " step " + step + " layer " + l + " ";
                close(pr.z(l), pf.z(l), at + "z");
                close(pr.a(l), pf.a(l), at + "a");
                close(pr.dz(l), pf.dz(l), at + "dz");
                close(pr.dw(l), pf.dw(l), at + "dW");
                close(pr.db(l), pf.db(l), at + "db");
                if (l < ref.layers()) {
                    close(pr.da(l), pf.da(l), at + "da");
                }
            }
            fast.sgdStep(pf, 0.5);
            ref.sgdStep(pr, 0.5);
            for (int l = 1; l <= ref.layers(); l++) {
                close(ref.weight(l), fast.weight(l), phi.label() + " after step " + step + " W" + l);
                close(ref.bias(l), fast.bias(l), phi.label() + " after step " + step + " b" + l);
                close(pr.dw(l), pf.dw(l), phi.label() + " after step " + step + " lr·dW" + l);
            }
        }
        return fast.kernelName();
    }

    /** Entries agree to float32 rounding relative to the array's scale. */
    private static void close(INDArray expected, INDArray actual, String what) {
        float[] e = expected.dup().data().asFloat();
        float[] a = actual.dup().data().asFloat();
        assertEquals(e.length, a.length, what);
        double scale = 0;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-5 * scale + 1e-30, what + "[" + i + "]");
        }
    }

    private static void init(Mlp net, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        net.initialize((l, fanIn, fanOut, w, b) -> {
            WeightInitializer.fill(w, fanIn, fanOut, InitSpec.of(InitScheme.SCALED_NORMAL), 1.5, rng);
            WeightInitializer.fillBias(b, fanOut, 0.05, rng);
        });
    }

    private static INDArray data(int rows, int cols, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c');
    }

    private static INDArray labels(int rows) {
        float[] v = new float[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = (i * 7 % 3 == 0) ? 1f : 0f;
        }
        return Nd4j.create(v, new long[] {rows, 1}, 'c');
    }
}
