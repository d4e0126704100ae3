package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.optim.Optimizer;
import org.initsweep.core.optim.ParameterBlock;
import org.initsweep.core.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 engine ({@link Kernel#AUTO}, {@link Kernel#BLAS}) against the all-ND4J network on the
 * same weights and data: forward values, gradients and the SGD step agree to float32 rounding (they
 * differ only in summation order and fused multiply-adds inside the products and in the tanh
 * approximation, a few ulp), for every activation, with products in the Vector API kernel, in Java
 * loops (narrow layers) and in OpenBLAS's sgemm (wide), with unequal widths and both heads. The ND4J
 * network itself is checked against finite differences by {@link NetworkGradientTest}.
 */
class FloatNetworkTest {

    private static final OutputHead BINARY = OutputHead.forClasses(2);

    @ParameterizedTest
    @MethodSource("org.initsweep.core.nn.NetworkGradientTest#activations")
    void vectorLayersMatchNd4j(Activation phi) {
        // Columns per tile: 4, 2 and 1 vectors of L = 16 (512-bit) or 8 lanes, then a scalar tail.
        // L = 16: 70 = 64 + 6, 40 = 32 + 8, 117 = 64 + 32 + 16 + 5; L = 8: 70 = 2·32 + 6,
        // 40 = 32 + 8, 117 = 3·32 + 16 + 5. 37 rows = 9 row tiles + 1.
        String vector = "vector" + VectorGemm.vectorBits();
        assertEquals(vector, compare(Architecture.constant(3, 3, 70, phi, BINARY), Kernel.AUTO, 37));
        assertEquals(vector, compare(Architecture.constant(2, 2, 40, phi, BINARY), Kernel.AUTO, 21));
        assertEquals(vector, compare(Architecture.constant(2, 1, 117, phi, BINARY), Kernel.AUTO, 13));
    }

    @ParameterizedTest
    @MethodSource("org.initsweep.core.nn.NetworkGradientTest#activations")
    void javaLoopLayersMatchNd4j(Activation phi) {
        assertEquals("loops", compare(Architecture.constant(3, 4, 7, phi, BINARY), Kernel.BLAS, 37)); // ≤ 64 entries
    }

    @ParameterizedTest
    @MethodSource("org.initsweep.core.nn.NetworkGradientTest#activations")
    void sgemmLayersMatchNd4j(Activation phi) {
        // more than 64 entries without the Vector API: every layer through sgemm
        assertEquals("sgemm", compare(Architecture.constant(3, 2, 96, phi, BINARY), Kernel.BLAS, 64));
        // above the vector bound: the square layers through sgemm, the thin first and last in vectors
        assertEquals("sgemm+vector" + VectorGemm.vectorBits(),
                withVectorMax(128 * 128, () -> compare(Architecture.constant(2, 2, 260, phi, BINARY), Kernel.AUTO, 9)));
        // by default, 260 × 260 runs in vectors where they are 512 bits wide, in sgemm under AVX2
        assertEquals(VectorGemm.vectorBits() >= 512 ? "vector512" : "sgemm+vector256",
                compare(Architecture.constant(2, 2, 260, phi, BINARY), Kernel.AUTO, 9));
    }

    /** What {@code body} returns with {@code initsweep.vectorMaxParams} set to {@code max}. */
    static <T> T withVectorMax(int max, java.util.function.Supplier<T> body) {
        String before = System.getProperty("initsweep.vectorMaxParams");
        System.setProperty("initsweep.vectorMaxParams", Integer.toString(max));
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty("initsweep.vectorMaxParams");
            } else {
                System.setProperty("initsweep.vectorMaxParams", before);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.initsweep.core.nn.NetworkGradientTest#activations")
    void mixedLayersMatchNd4j(Activation phi) {
        assertEquals("loops+sgemm", compare(Architecture.constant(2, 3, 16, phi, BINARY), Kernel.BLAS, 50));
    }

    @ParameterizedTest
    @MethodSource("org.initsweep.core.nn.NetworkGradientTest#activations")
    void unequalWidthsAndSoftmaxMatchNd4j(Activation phi) {
        // a tapering profile across every product kind and tile shape, into 10 softmax units
        // 30×300 and 17×5 in vectors, 300×50 = 15,000 in vectors, 50×17, 5×10
        Architecture arch = Architecture.of(30, new int[] {300, 50, 17, 5}, phi, OutputHead.forClasses(10));
        assertEquals("vector" + VectorGemm.vectorBits(), compare(arch, Kernel.AUTO, 33));
        Architecture wide = Architecture.of(3, new int[] {280, 250, 9}, phi, OutputHead.forClasses(4));
        // 280×250 above the bound: bias and φ in vectors after sgemm
        assertEquals("sgemm+vector" + VectorGemm.vectorBits(), withVectorMax(128 * 128, () -> compare(wide, Kernel.AUTO, 11)));
        assertEquals("loops+sgemm", compare(Architecture.of(6, new int[] {9, 4, 30}, phi, OutputHead.forClasses(3)),
                Kernel.BLAS, 19));
    }

    @Test
    void vectorKernelIsLoadedInTests() {
        // bin/jvm.options (surefire's argLine, the launcher, spark-submit) loads jdk.incubator.vector;
        // without it every sweep silently falls back to the slower BLAS kernel.
        assertTrue(Kernel.vectorAvailable(), "jdk.incubator.vector not loaded or vectors < 256 bit");
        assertEquals("nd4j", TestNets.network(2, 2, 8, Activation.TANH, true, Kernel.AUTO).kernelName());
        assertEquals("nd4j", TestNets.network(2, 2, 8, Activation.TANH, false, Kernel.ND4J).kernelName());
    }

    @Test
    void theFloat32EngineIsChosenForFloat32Only() {
        assertTrue(TestNets.network(2, 2, 8, Activation.TANH, false, Kernel.AUTO) instanceof FloatNetwork);
        assertFalse(TestNets.network(2, 2, 8, Activation.TANH, true, Kernel.AUTO) instanceof FloatNetwork);
        assertFalse(TestNets.network(2, 2, 8, Activation.TANH, false, Kernel.ND4J) instanceof FloatNetwork);
    }

    @Test
    void trainingIsBitReproducible() {
        assertArrayEquals(trainFiveSteps(), trainFiveSteps());
    }

    private static double[] trainFiveSteps() {
        Network net = TestNets.init(TestNets.network(2, 4, 16, Activation.TANH, false, Kernel.AUTO), 11, 1.5, 0.05);
        Network.Pass p = net.newPass(64);
        TestNets.feed(p, TestNets.gaussian(128, 5), TestNets.labels(64, 2));
        Optimizer.Stepper sgd = new Sgd().start(net.parameters(), 0.1);
        for (int e = 0; e < 5; e++) {
            net.forward(p);
            net.backward(p);
            sgd.step();
        }
        net.forward(p);
        return p.toDoubles(Network.Buffer.Z, net.layers());
    }

    /** Runs three steps on both engines, asserting agreement; returns the float32 network's kernel name. */
    private static String compare(Architecture arch, Kernel kernel, int batch) {
        Network fast = Networks.create(arch, false, kernel);
        Network ref = Networks.create(arch, false, Kernel.ND4J);
        assertTrue(fast instanceof FloatNetwork);
        TestNets.init(fast, 7, 1.5, 0.05);
        TestNets.init(ref, 7, 1.5, 0.05);
        float[] x = TestNets.gaussian(batch * arch.units(0), 9);
        int[] y = TestNets.labels(batch, arch.head().classes());
        Network.Pass pf = fast.newPass(batch);
        Network.Pass pr = ref.newPass(batch);
        TestNets.feed(pf, x, y);
        TestNets.feed(pr, x, y);
        Optimizer.Stepper sf = new Sgd().start(fast.parameters(), 0.5);
        Optimizer.Stepper sr = new Sgd().start(ref.parameters(), 0.5);
        for (int step = 0; step < 3; step++) {
            fast.forward(pf);
            ref.forward(pr);
            fast.backward(pf);
            ref.backward(pr);
            for (int l = 1; l <= ref.layers(); l++) {
                String at = arch + " step " + step + " layer " + l + " ";
                for (Network.Buffer b : Network.Buffer.values()) {
                    if (b != Network.Buffer.DA || l < ref.layers()) {
                        close(pr.toDoubles(b, l), pf.toDoubles(b, l), at + b);
                    }
                }
            }
            for (int i = 0; i < ref.parameters().size(); i++) {
                // A gradient is a sum over the batch of products dZ·A (W) or of dZ (b) that may cancel
                // (the output bias' mean of p − y): float32 rounding is relative to those terms.
                int l = i / 2 + 1;
                double terms = maxAbs(pr.toDoubles(Network.Buffer.DZ, l))
                        * (i % 2 == 1 ? 1 : l == 1 ? maxAbs(toDoubles(x)) : maxAbs(pr.toDoubles(Network.Buffer.A, l - 1)));
                close(gradient(ref, i), gradient(fast, i), terms,
                        arch + " step " + step + " gradient block " + i);
            }
            sf.step();
            sr.step();
            for (int l = 1; l <= ref.layers(); l++) {
                close(ref.weights(l), fast.weights(l), arch + " after step " + step + " W" + l);
                close(ref.biases(l), fast.biases(l), arch + " after step " + step + " b" + l);
            }
        }
        return fast.kernelName();
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static double[] gradient(Network net, int block) {
        ParameterBlock b = net.parameters().get(block);
        if (b instanceof ParameterBlock.FloatArrays f) {
            double[] out = new double[f.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = f.gradient()[i];
            }
            return out;
        }
        return ((ParameterBlock.Nd4jArrays) b).gradient().dup('c').castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .data().asDouble();
    }

    /** Entries agree to float32 rounding relative to the array's scale. */
    private static void close(double[] expected, double[] actual, String what) {
        close(expected, actual, 0, what);
    }

    /** Entries agree to float32 rounding relative to the array's scale or that of the terms summed into it. */
    private static void close(double[] expected, double[] actual, double terms, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = Math.max(maxAbs(expected), terms);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * scale + 1e-30, what + "[" + i + "]");
        }
    }
}
