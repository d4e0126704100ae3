package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.initsweep.core.activation.Activation;
import org.junit.jupiter.api.Test;

/** Per-layer predicted variances of z, a and ∂J/∂a, and the backward factor. */
class LayerPredictionTest {

    @Test
    void linearNetworkMultipliesTheVarianceByMPerLayer() {
        double m = 1.3;
        double q0 = 0.7;
        double[] varZ = new MeanField(Activation.LINEAR, m, 0).predictedVarZ(q0, 6);
        assertEquals(6, varZ.length);
        for (int l = 1; l <= 6; l++) {
            assertEquals(Math.pow(m, l) * q0, varZ[l - 1], 1e-12 * varZ[l - 1], "layer " + l);
        }
        // Var(a) = Var(z) for the identity
        assertArrayEquals(varZ, new MeanField(Activation.LINEAR, m, 0).predictedVarA(q0, 6), 1e-12);
    }

    @Test
    void biasAddsAGeometricSeries() {
        double m = 0.5;
        double b = 0.2;
        double[] varZ = new MeanField(Activation.LINEAR, m, b).predictedVarZ(2, 4);
        double q = 2;
        for (int l = 0; l < 4; l++) {
            q = m * q + b;
            assertEquals(q, varZ[l], 1e-13);
        }
    }

    @Test
    void reluNetworkKeepsTheVarianceAtHeInitialization() {
        double[] varZ = new MeanField(Activation.RELU, 2, 0).predictedVarZ(1.5, 10);
        for (double v : varZ) {
            assertEquals(3.0, v, 1e-12); // q¹ = m·q0, then q ↦ (m/2)q = q
        }
        // Var(relu(z)) = q/2 − q/(2π) for z ~ N(0, q)
        double[] varA = new MeanField(Activation.RELU, 2, 0).predictedVarA(1.5, 10);
        for (double v : varA) {
            assertEquals(3.0 * (0.5 - 1 / (2 * Math.PI)), v, 1e-12);
        }
    }

    @Test
    void activationVarianceOfTanhAndSigmoidMatchesIndependentIntegration() {
        MeanField tanh = new MeanField(Activation.TANH, 1.5, 0.1);
        double[] q = tanh.predictedVarZ(1, 3);
        double[] varA = tanh.predictedVarA(1, 3);
        for (int l = 0; l < 3; l++) {
            // tanh is odd: mean 0, variance = second moment
            assertEquals(NormalReference.expectation(z -> Math.pow(Math.tanh(z), 2), q[l]), varA[l], 1e-12);
        }
        MeanField sigmoid = new MeanField(Activation.SIGMOID, 3, 0);
        double[] qs = sigmoid.predictedVarZ(2, 2);
        double[] varS = sigmoid.predictedVarA(2, 2);
        for (int l = 0; l < 2; l++) {
            // σ(z) − 1/2 is odd: mean 1/2, variance E[σ²] − 1/4
            double second = NormalReference.expectation(z -> Math.pow(1 / (1 + Math.exp(-z)), 2), qs[l]);
            assertEquals(second - 0.25, varS[l], 1e-12);
        }
        // and the first layer sees the raw input: q¹ = m·q0 + σ_b²
        assertEquals(1.5 + 0.1, q[0], 1e-15);
        assertEquals(6, qs[0], 1e-15);
    }

    @Test
    void gradientFactorOfReluAtHeInitializationIsOne() {
        MeanField he = new MeanField(Activation.RELU, 2, 0);
        assertEquals(1, he.gradientFactor(3.0, 256, 256), 1e-14);
        assertEquals(1, he.gradientFactor(1e-6, 10, 10), 1e-14);
        assertEquals(2, he.gradientFactor(1.0, 100, 200), 1e-14); // fan_out / fan_in = 2
        assertEquals(0.7 * 3 / 5, new MeanField(Activation.LINEAR, 0.7, 0).gradientFactor(9, 5, 3), 1e-14);
        assertEquals(1.1, new MeanField(Activation.TANH, 1.1, 0).gradientFactor(0, 8, 8), 1e-14);
    }

    @Test
    void gradientVariancesChainFromTheLastHiddenLayer() {
        double[] linear = new MeanField(Activation.LINEAR, 0.5, 0).predictedVarGradA(1, 5, 2.0);
        assertArrayEquals(new double[] {2.0 / 16, 2.0 / 8, 2.0 / 4, 2.0 / 2, 2.0}, linear, 1e-14);
        double[] he = new MeanField(Activation.RELU, 2, 0.1).predictedVarGradA(1, 4, 0.3);
        assertArrayEquals(new double[] {0.3, 0.3, 0.3, 0.3}, he, 1e-14);

        MeanField tanh = new MeanField(Activation.TANH, 1.4, 0.05);
        double[] q = tanh.predictedVarZ(1, 4);
        double[] grad = tanh.predictedVarGradA(1, 4, 1.0);
        assertEquals(1.0, grad[3], 0);
        for (int i = 2; i >= 0; i--) {
            // Var(∂J/∂a^l) = m·E[tanh'(z^{l+1})²]·Var(∂J/∂a^{l+1}), z^{l+1} ~ N(0, q^{l+1})
            double factor = 1.4 * NormalReference.expectation(z -> Math.pow(1 - Math.pow(Math.tanh(z), 2), 2), q[i + 1]);
            assertEquals(factor * grad[i + 1], grad[i], 1e-12);
        }
    }

    @Test
    void zeroDepthGivesEmptyPredictions() {
        MeanField mf = new MeanField(Activation.TANH, 1, 0);
        assertEquals(0, mf.predictedVarZ(1, 0).length);
        assertEquals(0, mf.predictedVarA(1, 0).length);
        assertEquals(0, mf.predictedVarGradA(1, 0, 1).length);
    }

    @Test
    void explodingReluVarianceOverflowsToInfinityWithoutNaN() {
        double[] varA = new MeanField(Activation.RELU, 8, 0).predictedVarA(1, 600);
        assertEquals(Double.POSITIVE_INFINITY, varA[599]);
        for (double v : varA) {
            assertEquals(false, Double.isNaN(v));
        }
    }
}
