package org.initsweep.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each update rule against a step computed by hand, and over many steps against PyTorch's formulas
 * (torch.optim.SGD with momentum and Nesterov, torch.optim.Adam, as their documentation states them)
 * evaluated in double; the float32 and ND4J (float64) storages against each other.
 */
class OptimizerTest {

    private static float[] run(Optimizer o, float w0, float[] grads, double lr) {
        float[] w = {w0};
        float[] g = new float[1];
        Optimizer.Stepper s = o.start(List.of(new ParameterBlock.FloatArrays(w, g, 1)), lr);
        float[] trace = new float[grads.length];
        for (int t = 0; t < grads.length; t++) {
            g[0] = grads[t];
            s.step();
            trace[t] = w[0];
        }
        return trace;
    }

    @Test
    void sgdStepByHand() {
        assertEquals(0.95f, run(new Sgd(), 1f, new float[] {0.5f}, 0.1)[0]);
    }

    @Test
    void heavyBallAndNesterovByHand() {
        // v1 = 1, w1 = 1 − 0.1·1 = 0.9; v2 = 0.5·1 + 2 = 2.5, w2 = 0.9 − 0.25 = 0.65
        float[] hb = run(new Momentum(0.5, false), 1f, new float[] {1f, 2f}, 0.1);
        assertEquals(0.9f, hb[0], 1e-7f);
        assertEquals(0.65f, hb[1], 1e-7f);
        // Nesterov: d1 = g1 + 0.5·v1 = 1.5, w1 = 0.85; v2 = 2.5, d2 = 2 + 1.25 = 3.25, w2 = 0.85 − 0.325 = 0.525
        float[] nv = run(new Momentum(0.5, true), 1f, new float[] {1f, 2f}, 0.1);
        assertEquals(0.85f, nv[0], 1e-7f);
        assertEquals(0.525f, nv[1], 1e-7f);
    }

    @Test
    void adamsFirstStepIsTheLearningRateTimesTheSignOfTheGradient() {
        // m̂₁ = g, v̂₁ = g²: θ₁ = θ₀ − η·g/(|g| + ε)
        assertEquals(1f - 0.01f * 0.5f / (0.5f + 1e-8f), run(Adam.DEFAULTS, 1f, new float[] {0.5f}, 0.01)[0], 1e-7f);
        assertEquals(1f + 0.01f, run(Adam.DEFAULTS, 1f, new float[] {-3f}, 0.01)[0], 2e-7f);
    }

    /**
     * At η = 1 the first step is exactly −sign(g) whatever β: m̂ = (1 − β₁)g/(1 − β₁), v̂ = (1 − β₂)g²/(1 − β₂).
     * In float32 that holds only if 1 − β is rounded once, as PyTorch's {@code addcmul_(g, g, value=1 − β₂)} does:
     * 1f − 0.999f is 0.00099998713, 1.3·10⁻⁵ short, and the step came out 1.0000067.
     */
    @Test
    void adamsFloat32FirstStepWeighsTheGradientByOneMinusBetaRoundedOnce() {
        assertEquals(-1f, run(Adam.DEFAULTS, 0f, new float[] {1f}, 1.0)[0], 2e-7f);
        assertEquals(-1f, run(new Adam(0.9, 0.9999, 1e-8), 0f, new float[] {2f}, 1.0)[0], 2e-7f);
    }

    @Test
    void rmspropsFirstStepDividesByTheRootOfItsFirstAverage() {
        // v₁ = (1 − α)g² = 0.01·0.25 = 0.0025, √v₁ = 0.05: θ₁ = 1 − 0.01·0.5/(0.05 + 1e-8) ≈ 1 − 0.1
        assertEquals(0.9f, run(new RmsProp(0.99, 1e-8, false), 1f, new float[] {0.5f}, 0.01)[0], 2e-7f);
        // centered: ḡ₁ = 0.01·0.5 = 0.005, v₁ − ḡ₁² = 0.0025 − 0.000025 = 0.002475, step 0.005/√0.002475
        assertEquals(1 - 0.005 / Math.sqrt(0.002475), run(new RmsProp(0.99, 1e-8, true), 1f, new float[] {0.5f},
                0.01)[0], 2e-7);
        // a gradient that stops: v decays by α a step, so the same g = 0 moves nothing, and a later g = 1 after
        // v₂ = α·v₁ moves θ by η/√(α(1 − α)·1 + (1 − α)) — here at α = 0.5, η = 0.1: 0.1/√(0.25 + 0.5)
        float[] t = run(new RmsProp(0.5, 1e-8, false), 0f, new float[] {1f, 0f, 1f}, 0.1);
        assertEquals(t[0], t[1], 0f);
        assertEquals(t[1] - 0.1 / Math.sqrt(0.125 + 0.5), t[2], 2e-7);
    }

    /**
     * The float32 bits of torch.optim.RMSprop (PyTorch 1.13, Debian's python3-torch), plain and centered, over
     * five steps of 64 entries: the golden file {@code golden/rmsprop-torch.txt}, written by the script beside it.
     */
    @Test
    void rmspropMatchesPyTorchBitForBit() throws Exception {
        float[] w0 = null;
        List<float[]> grads = new java.util.ArrayList<>();
        List<String[]> thetas = new java.util.ArrayList<>();
        try (var in = OptimizerTest.class.getResourceAsStream("/golden/rmsprop-torch.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).split("\n")) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "w0" -> w0 = floats(f, 1);
                    case "g" -> grads.add(floats(f, 2));
                    case "theta" -> thetas.add(f);
                    default -> { }
                }
            }
        }
        int n = w0.length;
        assertEquals(64, n);
        assertEquals(10, thetas.size());
        for (int c = 0; c < 2; c++) {
            float[] w = w0.clone();
            float[] g = new float[n];
            Optimizer.Stepper s = new RmsProp(0.9, 1e-7, c == 1).start(List.of(new ParameterBlock.FloatArrays(w, g, n)),
                    0.01);
            for (int t = 0; t < grads.size(); t++) {
                System.arraycopy(grads.get(t), 0, g, 0, n);
                s.step();
                float[] torch = floats(thetas.get(c * grads.size() + t), 3);
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.floatToIntBits(torch[i]), Float.floatToIntBits(w[i]), (c == 1 ? "centered " : "")
                            + "step " + (t + 1) + " θ[" + i + "]: " + w[i] + " against " + torch[i]);
                }
            }
        }
    }

    /** Float bits from {@code fields[from…]}. */
    private static float[] floats(String[] fields, int from) {
        float[] x = new float[fields.length - from];
        for (int i = 0; i < x.length; i++) {
            x[i] = Float.intBitsToFloat(Integer.parseInt(fields[from + i]));
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adam", "rmsprop", "rmsprop-centered"})
    void manyStepsFollowPyTorchsFormulas(String which) {
        Optimizer o = switch (which) {
            case "sgd" -> new Sgd();
            case "momentum" -> new Momentum(0.9, false);
            case "nesterov" -> new Momentum(0.8, true);
            case "rmsprop" -> new RmsProp(0.9, 1e-7, false);
            case "rmsprop-centered" -> new RmsProp(0.95, 1e-6, true);
            default -> new Adam(0.85, 0.99, 1e-6);
        };
        double lr = 0.05;
        SplittableRandom r = new SplittableRandom(5);
        int n = 7;
        int steps = 40;
        float[] w = new float[n];
        float[] g = new float[n];
        double[] ref = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) r.nextGaussian();
            ref[i] = w[i];
        }
        INDArray wd = Nd4j.create(ref, new long[] {1, n}, 'c');
        INDArray gd = Nd4j.create(DataType.DOUBLE, 1, n);
        Optimizer.Stepper fs = o.start(List.of(new ParameterBlock.FloatArrays(w, g, n)), lr);
        Optimizer.Stepper ds = o.start(List.of(new ParameterBlock.Nd4jArrays(wd, gd)), lr);
        double[] buf = new double[n];
        double[] buf2 = new double[n];
        for (int t = 1; t <= steps; t++) {
            double[] grad = new double[n];
            for (int i = 0; i < n; i++) {
                grad[i] = (float) (r.nextGaussian() + 0.3 * ref[i]);
                g[i] = (float) grad[i];
                gd.putScalar(0, i, grad[i]);
            }
            fs.step();
            ds.step();
            for (int i = 0; i < n; i++) {
                double gi = grad[i];
                switch (which) {
                    case "sgd" -> ref[i] -= lr * gi;
                    case "momentum", "nesterov" -> {
                        // torch.optim.SGD: b_t = μ b_{t−1} + g_t (b_1 = g_1); g_t ← g_t + μ b_t (Nesterov) or b_t
                        double mu = which.equals("momentum") ? 0.9 : 0.8;
                        buf[i] = t == 1 ? gi : mu * buf[i] + gi;
                        double d = which.equals("nesterov") ? gi + mu * buf[i] : buf[i];
                        ref[i] -= lr * d;
                    }
                    case "rmsprop", "rmsprop-centered" -> {
                        // torch.optim.RMSprop: v = αv + (1 − α)g²; centered: ḡ = αḡ + (1 − α)g, ṽ = v − ḡ²;
                        // θ −= γ g/(√ṽ + ε)
                        boolean centered = which.endsWith("centered");
                        double alpha = centered ? 0.95 : 0.9;
                        buf2[i] = alpha * buf2[i] + (1 - alpha) * gi * gi;
                        buf[i] = centered ? alpha * buf[i] + (1 - alpha) * gi : 0;
                        ref[i] -= lr * gi / (Math.sqrt(buf2[i] - buf[i] * buf[i]) + (centered ? 1e-6 : 1e-7));
                    }
                    default -> {
                        // torch.optim.Adam: m_t, v_t; m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ); θ −= γ m̂/(√v̂ + ε)
                        buf[i] = 0.85 * buf[i] + 0.15 * gi;
                        buf2[i] = 0.99 * buf2[i] + 0.01 * gi * gi;
                        double mh = buf[i] / (1 - Math.pow(0.85, t));
                        double vh = buf2[i] / (1 - Math.pow(0.99, t));
                        ref[i] -= lr * mh / (Math.sqrt(vh) + 1e-6);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(ref[i], wd.getDouble(0, i), 1e-9 * (1 + Math.abs(ref[i])), which + " float64 θ[" + i + "]");
            assertEquals(ref[i], w[i], 2e-5 * (1 + Math.abs(ref[i])), which + " float32 θ[" + i + "]");
        }
    }

    @Test
    void labelsNameNonDefaultHyperparametersOnly() {
        assertEquals("sgd", new Sgd().label());
        assertEquals("momentum(beta=0.9)", new Momentum(0.9, false).label());
        assertEquals("momentum(beta=0.9,nesterov)", new Momentum(0.9, true).label());
        assertEquals("adam", Adam.DEFAULTS.label());
        assertEquals("adam(beta2=0.99,eps=1.0E-6)", new Adam(0.9, 0.99, 1e-6).label());
        assertEquals("rmsprop", new RmsProp(0.99, 1e-8, false).label());
        assertEquals("rmsprop(alpha=0.9,eps=1.0E-7,centered)", new RmsProp(0.9, 1e-7, true).label());
    }

    @Test
    void outOfRangeHyperparametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Momentum(1.0, false));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.9, -0.1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.9, 0.999, 0));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(1.0, 1e-8, false));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.9, Double.POSITIVE_INFINITY, false));
        assertThrows(IllegalArgumentException.class, () -> run(new Sgd(), 1f, new float[] {1f}, 0));
        assertThrows(IllegalArgumentException.class, () -> run(new Sgd(), 1f, new float[] {1f}, Double.NaN));
    }
}
