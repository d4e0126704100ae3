package org.initsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SELU, GELU, SiLU, ELU and softplus: values worked out by hand from their definitions, φ' and φ''
 * against central differences, the float32 loops against the double forms, and no overflow far out.
 */
class ScalarActivationsTest {

    @Test
    void theFusedFormCarriesItsSlopeAndOnlyLeakyReluHasOne() {
        // the kernels read the negative-side slope through fusedSlope: it must be the function's own
        Activation leaky = Activations.fromLabel("leaky_relu(0.3)");
        assertEquals(Activation.Fused.LEAKY_RELU, leaky.fused());
        assertEquals(0.3, leaky.fusedSlope(), 0);
        assertEquals(leaky.derivative(-1), leaky.fusedSlope(), 0);
        for (String name : Activations.names()) {
            Activation a = Activations.byName(name).orElseThrow().withDefaults();
            if (a.fused() != Activation.Fused.LEAKY_RELU) {
                assertEquals(0, a.fusedSlope(), 0, name);
            }
        }
    }

    static List<Activation> activations() {
        return List.of(new Selu(), new Gelu(), new Silu(), new Elu(1), new Elu(0.5), new Softplus());
    }

    @Test
    void valuesAtHandWorkedPoints() {
        assertEquals(Selu.LAMBDA, new Selu().value(1), 1e-15, "selu(1) = λ");
        assertEquals(Selu.LAMBDA * Selu.ALPHA * (Math.exp(-1) - 1), new Selu().value(-1), 1e-15);
        // Φ(1) = 0.8413447460685429 (tables of the normal distribution), so gelu(±1) = ±1·Φ(±1)
        assertEquals(0.8413447460685429, new Gelu().value(1), 1e-15);
        assertEquals(-0.15865525393145707, new Gelu().value(-1), 1e-15);
        assertEquals(0, new Gelu().value(0), 0);
        // σ(1) = 1/(1 + e⁻¹) = 0.7310585786300049; silu(−2) = −2/(1 + e²)
        assertEquals(0.7310585786300049, new Silu().value(1), 1e-15);
        assertEquals(-0.23840584404423515, new Silu().value(-2), 1e-15);
        assertEquals(-0.5 * (1 - Math.exp(-1)), new Elu(0.5).value(-1), 1e-15);
        assertEquals(-0.31606027941427883, new Elu(0.5).value(-1), 1e-15);
        assertEquals(2.5, new Elu(0.5).value(2.5), 0);
        assertEquals(Math.log(2), new Softplus().value(0), 1e-15);
        assertEquals(Math.log(1 + Math.E), new Softplus().value(1), 1e-15);
    }

    @Test
    void slopesAtZeroGiveTheSmallSignalGains() {
        assertEquals(0.5, new Gelu().derivative(0), 1e-15, "Φ(0)");
        assertEquals(0.5, new Silu().derivative(0), 1e-15, "σ(0)");
        assertEquals(0.5, new Softplus().derivative(0), 1e-15, "σ(0)");
        assertEquals(0.25, new Gelu().gain(), 0);
        assertEquals(0.625, new Elu(0.5).gain(), 1e-15, "(1 + α²)/2");
        assertEquals(Selu.LAMBDA * Selu.LAMBDA * (1 + Selu.ALPHA * Selu.ALPHA) / 2, new Selu().gain(), 1e-15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void derivativesMatchCentralDifferences(Activation phi) {
        double h = 1e-5;
        for (double z : new double[] {-4.5, -2, -0.7, -0.1, 0.1, 0.3, 1.2, 3.7}) {
            double d1 = (phi.value(z + h) - phi.value(z - h)) / (2 * h);
            assertEquals(d1, phi.derivative(z), 1e-8, phi.label() + "' at " + z);
            double d2 = (phi.derivative(z + h) - phi.derivative(z - h)) / (2 * h);
            assertEquals(d2, phi.secondDerivative(z), 1e-8, phi.label() + "'' at " + z);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void float32LoopsRoundTheDoubleFormsOnce(Activation phi) {
        int n = 64;
        float[] z = new float[n];
        float[] da = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (i - 32) * 0.173f;
            da[i] = 1 + 0.01f * i;
        }
        float[] a = new float[n];
        float[] dz = new float[n];
        phi.forward(z, a, n, true);
        phi.backward(da, z, a, dz, n);
        for (int i = 0; i < n; i++) {
            assertEquals((float) phi.value(z[i]), a[i], 0, phi.label() + " at " + z[i]);
            assertEquals(da[i] * (float) phi.derivative(z[i]), dz[i], 0, phi.label() + "' at " + z[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void farOutTheFormsStayFiniteAndTakeTheirLimits(Activation phi) {
        for (double z : new double[] {-1e6, -800, -40, 40, 800, 1e6}) {
            assertTrue(Double.isFinite(phi.value(z)), phi.label() + " at " + z);
            assertTrue(Double.isFinite(phi.derivative(z)), phi.label() + "' at " + z);
            assertTrue(Double.isFinite(phi.secondDerivative(z)), phi.label() + "'' at " + z);
        }
        assertEquals(0, phi.secondDerivative(800), 1e-300, "linear far right");
        assertEquals(phi instanceof Selu ? Selu.LAMBDA : 1, phi.derivative(800), 1e-15);
    }

    @Test
    void softplusKeepsTheDigitsOfLargeInputsAndTinyOutputs() {
        assertEquals(800, new Softplus().value(800), 0);
        assertEquals(Math.exp(-40), new Softplus().value(-40), 1e-30);
    }

    @Test
    void swishIsSiluAndEluTakesAlpha() {
        assertEquals("silu", Activation.fromLabel("swish").label());
        assertEquals(new Silu(), Activation.fromLabel("swish"));
        assertEquals(new Elu(0.5), Activation.fromLabel("elu(0.5)"));
        assertEquals("elu(0.5)", new Elu(0.5).label());
        assertEquals(Map.of("alpha", 0.5), new Elu(0.5).parameters());
        assertEquals(new Elu(1), Activation.fromLabel("elu"));
        assertThrows(IllegalArgumentException.class, () -> new Elu(0));
        assertThrows(IllegalArgumentException.class, () -> new Elu(Double.NaN));
    }
}
