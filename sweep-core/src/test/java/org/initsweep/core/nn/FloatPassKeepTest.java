package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.optim.Optimizer;
import org.initsweep.core.optim.Sgd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Network.Pass#keepAll}(false) shares one scratch array among the layers' Z (where the
 * backward pass reads A) and dA: training must give the same bits as keeping everything, and reading
 * what was not kept must fail loudly rather than return another layer's values. Widths cover the
 * vector kernel (fused and, at 12 &lt; 16 lanes, unfused), sgemm (300), plain loops (3, without the
 * Vector API), and a profile whose widest layer is not the first.
 */
class FloatPassKeepTest {

    private static final int BATCH = 24;
    private static final int DEPTH = 4;

    private static Network network(Activation phi, int width, Kernel kernel) {
        int[] hidden = width > 0 ? new int[] {width, width, width, width} : new int[] {5, 40, 12, 20};
        return TestNets.randomize(Networks.create(Architecture.of(2, hidden, phi,
                org.initsweep.core.head.OutputHead.forClasses(2)), false, kernel), 7, 3.4, 0.2);
    }

    @ParameterizedTest(name = "{0} width {1} {2}")
    @CsvSource({"tanh, 20, AUTO", "tanh, 12, AUTO", "tanh, 300, AUTO", "tanh, 3, BLAS", "tanh, 0, AUTO",
        "sigmoid, 20, AUTO", "sigmoid, 3, BLAS", "relu, 20, AUTO", "relu, 300, AUTO", "relu, 0, AUTO",
        "leaky_relu(0.1), 20, AUTO", "linear, 20, AUTO"})
    void trainingWithoutKeepingGivesTheSameBits(String activation, int width, Kernel kernel) {
        Activation phi = Activation.fromLabel(activation);
        Network full = network(phi, width, kernel);
        Network lean = network(phi, width, kernel);
        Network.Pass pf = full.newPass(BATCH);
        Network.Pass pl = lean.newPass(BATCH);
        pl.keepAll(false);
        float[] x = TestNets.gaussian(BATCH * 2, 1);
        int[] y = TestNets.labels(BATCH, 2);
        TestNets.feed(pf, x, y);
        TestNets.feed(pl, x, y);
        Optimizer.Stepper sf = new Sgd().start(full.parameters(), 0.7);
        Optimizer.Stepper sl = new Sgd().start(lean.parameters(), 0.7);
        for (int step = 0; step < 3; step++) {
            full.forward(pf);
            lean.forward(pl);
            full.backward(pf);
            lean.backward(pl);
            for (int l = 1; l <= full.layers(); l++) {
                String at = phi.label() + " step " + step + " layer " + l;
                assertArrayEquals(pf.toDoubles(Network.Buffer.A, l), pl.toDoubles(Network.Buffer.A, l), at + " A");
                assertArrayEquals(pf.toDoubles(Network.Buffer.DZ, l), pl.toDoubles(Network.Buffer.DZ, l), at + " dZ");
                assertArrayEquals(full.gradientMoments(l), lean.gradientMoments(l), at + " dW");
            }
            int out = full.layers();
            assertArrayEquals(pf.toDoubles(Network.Buffer.Z, out), pl.toDoubles(Network.Buffer.Z, out),
                    "output Z is always kept");
            sf.step();
            sl.step();
        }
        for (int l = 1; l <= full.layers(); l++) {
            assertArrayEquals(full.weights(l), lean.weights(l), "W" + l + " after training");
            assertArrayEquals(full.biases(l), lean.biases(l), "b" + l + " after training");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tanh, true, true", "sigmoid, true, true", "relu, false, true", "linear, false, false"})
    void whatWasNotKeptCannotBeRead(String activation, boolean zShared, boolean daShared) {
        Activation phi = Activation.fromLabel(activation);
        Network net = network(phi, 20, Kernel.AUTO);
        Network.Pass p = net.newPass(BATCH);
        float[] x = TestNets.gaussian(BATCH * 2, 2);
        int[] y = TestNets.labels(BATCH, 2);
        TestNets.feed(p, x, y);
        p.keepAll(false);
        net.forward(p);
        net.backward(p);
        if (zShared) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.toDoubles(Network.Buffer.Z, 2));
            assertTrue(e.getMessage().contains("Z[2] was not kept"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> p.moments(Network.Buffer.Z, 1));
        } else {
            p.moments(Network.Buffer.Z, 2); // ReLU's backward reads Z; a linear layer's Z is its A
        }
        if (daShared) {
            assertThrows(IllegalStateException.class, () -> p.toDoubles(Network.Buffer.DA, DEPTH));
        } else {
            p.toDoubles(Network.Buffer.DA, DEPTH); // a linear layer's dA is its dZ
        }
        p.toDoubles(Network.Buffer.Z, net.layers()); // the output's Z: the loss reads it

        // Keeping again: the next passes give what a pass that always kept gives.
        p.keepAll(true);
        net.forward(p);
        net.backward(p);
        Network same = network(phi, 20, Kernel.AUTO);
        Network.Pass ref = same.newPass(BATCH);
        TestNets.feed(ref, x, y);
        same.forward(ref);
        same.backward(ref);
        for (int l = 1; l <= DEPTH; l++) {
            assertArrayEquals(ref.toDoubles(Network.Buffer.Z, l), p.toDoubles(Network.Buffer.Z, l), "Z" + l);
            assertArrayEquals(ref.toDoubles(Network.Buffer.DA, l), p.toDoubles(Network.Buffer.DA, l), "dA" + l);
        }
    }
}
