package org.initsweep.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.nn.Architecture;
import org.initsweep.core.nn.Kernel;
import org.initsweep.core.nn.Network;
import org.initsweep.core.nn.Networks;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.theory.DynamicalIsometry;
import org.initsweep.core.theory.Nonlinearity;
import org.initsweep.core.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The Jacobian's spectrum measured on networks whose J is known by hand, and at criticality against
 * free probability's prediction (Pennington et al. 2017): linear orthogonal networks are exact
 * isometries, Gaussian ones are not; ReLU at m = 2 has mean eigenvalue 1 and variance ≈ 2L (Gaussian)
 * or ≈ L (orthogonal).
 */
class JacobianMeterTest {

    private static Network linear(int width, int depth, float alpha) {
        Network net = Networks.create(Architecture.constant(width, depth, width, Activation.LINEAR,
                OutputHead.forClasses(2)), false, Kernel.AUTO);
        net.initialize((l, fanIn, fanOut, w, b) -> {
            java.util.Arrays.fill(w, 0, fanIn * fanOut, 0f);
            for (int i = 0; i < Math.min(fanIn, fanOut); i++) {
                w[i * fanOut + i] = l <= depth ? alpha : 1f;
            }
        });
        return net;
    }

    @Test
    void aScaledIdentityHasEverySingularValueAlphaToTheDepth() {
        // W = αI in every hidden layer of a linear net: J = α^L I, λ = α^{2L} for every eigenvalue, no spread
        for (int width : new int[] {8, 200}) {
            Network net = linear(width, 3, 1.5f);
            Network.Pass p = net.newPass(4);
            net.forward(p);
            JacobianStats s = JacobianMeter.measure(0, net, p);
            double lambda = Math.pow(1.5, 6);
            assertEquals(width <= JacobianMeter.EXACT_MAX, s.exact());
            assertEquals(lambda, s.meanEig(), 1e-9 * lambda, "width " + width);
            assertEquals(0.0, s.varEig(), 1e-6 * lambda * lambda, "width " + width);
            assertEquals(Math.pow(1.5, 3), s.maxSingular(), 1e-6, "width " + width);
            assertEquals(Math.pow(1.5, 3), s.minSingular(), 1e-3, "width " + width);
        }
    }

    private static JacobianStats atInit(Activation phi, InitScheme scheme, double m, int depth, int width) {
        RunSpec run = new RunSpec("j", depth, width, phi, InitSpec.of(scheme), m, 0.0, DatasetKind.GAUSSIAN, 3, 64, 0,
                0.1, 64, List.of(0), Precision.FLOAT32);
        return Trainer.train(run, new Outputs(false, false, true)).jacobian().get(0);
    }

    @Test
    void orthogonalLinearNetsAreIsometriesAndGaussianOnesAreNot() {
        JacobianStats orth = atInit(Activation.LINEAR, InitScheme.ORTHOGONAL, 1.0, 10, 64);
        assertEquals(1.0, orth.meanEig(), 1e-4);
        assertEquals(0.0, orth.varEig(), 1e-4, "every singular value 1");
        assertTrue(orth.exact());
        JacobianStats gauss = atInit(Activation.LINEAR, InitScheme.SCALED_NORMAL, 1.0, 10, 64);
        // free probability: mean 1, variance L·(μ₂/μ₁² − 1 − s₁) = L for linear Gaussian (s₁ = −1)
        assertEquals(10.0, DynamicalIsometry.predict(Nonlinearity.of(Activation.LINEAR), 1.0, 0.0, 10,
                DynamicalIsometry.Weights.GAUSSIAN).variance(), 1e-9);
        assertTrue(gauss.varEig() > 3, "spread of a Gaussian linear chain: " + gauss.varEig());
        assertFalse(gauss.minSingular() > 0.5, "its smallest singular value falls: " + gauss.minSingular());
    }

    @Test
    void reluAtCriticalityFollowsFreeProbabilityWithinFiniteWidth() {
        // m = 2: mean eigenvalue (σ_w²·μ₁)^L = 1; variance ≈ 2L Gaussian vs L orthogonal (p = 1/2), the
        // finite-width fluctuation being of order L/width; wide net, probed estimate
        int depth = 6;
        JacobianStats g = atInit(Activation.RELU, InitScheme.SCALED_NORMAL, 2.0, depth, 256);
        JacobianStats o = atInit(Activation.RELU, InitScheme.ORTHOGONAL, 2.0, depth, 256);
        assertFalse(g.exact());
        assertEquals(1.0, g.meanEig(), 0.35);
        assertEquals(1.0, o.meanEig(), 0.35);
        assertEquals(2.0 * depth, g.varEig(), 0.4 * 2 * depth, "Gaussian: 2L");
        assertEquals(depth, o.varEig(), 0.4 * depth, "orthogonal: L");
        assertTrue(g.varEig() > o.varEig(), "orthogonal weights concentrate the spectrum");
    }

    @Test
    void relativeVarianceIsEachInputsRatioAveraged() {
        // tanh: J depends on the input through φ'(z); inputs of scale 0.1, 1, 3 and 10 see different spectra
        int width = 16;
        int depth = 5;
        Network net = Networks.create(Architecture.constant(width, depth, width, Activation.TANH,
                OutputHead.forClasses(2)), false, Kernel.AUTO);
        java.util.Random rnd = new java.util.Random(7);
        net.initialize((l, fanIn, fanOut, w, b) -> {
            for (int k = 0; k < fanIn * fanOut; k++) {
                w[k] = (float) (rnd.nextGaussian() * Math.sqrt(1.5 / fanIn));
            }
        });
        Network.Pass p = net.newPass(4);
        float[] x = p.input();
        double[] scale = {0.1, 1, 3, 10};
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < width; c++) {
                x[r * width + c] = (float) (scale[r] * rnd.nextGaussian());
            }
        }
        p.inputChanged();
        p.keepAll(true);
        net.forward(p);
        JacobianStats s = JacobianMeter.measure(0, net, p);
        double[][] w = new double[depth + 1][];
        double[][] z = new double[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            w[l] = net.weights(l);
            z[l] = p.toDoubles(Network.Buffer.Z, l);
        }
        double ratios = 0;
        for (int r = 0; r < 4; r++) {
            double[] m = JacobianMeter.exactMoments(new JacobianMeter.Chain(net, w, z, r));
            ratios += m[1] / (m[0] * m[0]) / 4;
        }
        assertEquals(ratios, s.relativeVariance(), 1e-12 * ratios);
        double ofAverages = s.varEig() / (s.meanEig() * s.meanEig());
        assertTrue(Math.abs(ofAverages - ratios) > 0.1 * ratios, ofAverages + " against " + ratios);
    }
}
