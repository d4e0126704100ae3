package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Mlp.Pass#keepAll}(false) shares one scratch array among the layers' Z (tanh, sigmoid) and
 * dA: training must give the same bits as keeping everything, and reading what was not kept must
 * fail loudly rather than return another layer's values. Widths cover the vector kernel (fused and,
 * at 12 &lt; 16 lanes, unfused), sgemm (300) and plain loops (3, without the Vector API).
 */
class MlpLeanPassTest {

    private static final int BATCH = 24;
    private static final int DEPTH = 4;

    private static Mlp network(Activation phi, int width, Mlp.Kernel kernel) {
        return TestNets.randomize(new Mlp(2, DEPTH, width, phi, DataType.FLOAT, kernel), 7, 3.4, 0.2);
    }

    @ParameterizedTest(name = "{0} width {1} {2}")
    @CsvSource({"tanh, 20, AUTO", "tanh, 12, AUTO", "tanh, 300, AUTO", "tanh, 3, BLAS", "sigmoid, 20, AUTO",
        "sigmoid, 3, BLAS", "relu, 20, AUTO", "relu, 300, AUTO", "leaky_relu(0.1), 20, AUTO", "linear, 20, AUTO"})
    void trainingWithoutKeepingGivesTheSameBits(String activation, int width, Mlp.Kernel kernel) {
        Activation phi = Activation.fromLabel(activation);
        Mlp full = network(phi, width, kernel);
        Mlp lean = network(phi, width, kernel);
        Mlp.Pass pf = full.newPass(BATCH);
        Mlp.Pass pl = lean.newPass(BATCH);
        pl.keepAll(false);
        INDArray x = Nd4j.linspace(-2, 2, BATCH * 2, DataType.DOUBLE).reshape(BATCH, 2).castTo(DataType.FLOAT);
        INDArray y = Nd4j.linspace(0, 1, BATCH, DataType.DOUBLE).reshape(BATCH, 1).gt(0.4).castTo(DataType.FLOAT);
        for (int step = 0; step < 3; step++) {
            full.forward(pf, x);
            lean.forward(pl, x);
            full.backward(pf, y);
            lean.backward(pl, y);
            for (int l = 1; l <= full.layers(); l++) {
                String at = phi.label() + " step " + step + " layer " + l;
                assertArrayEquals(pf.toDoubles(Mlp.Buffer.A, l), pl.toDoubles(Mlp.Buffer.A, l), at + " A");
                assertArrayEquals(pf.toDoubles(Mlp.Buffer.DZ, l), pl.toDoubles(Mlp.Buffer.DZ, l), at + " dZ");
                assertArrayEquals(pf.toDoubles(Mlp.Buffer.DW, l), pl.toDoubles(Mlp.Buffer.DW, l), at + " dW");
                assertArrayEquals(pf.toDoubles(Mlp.Buffer.DB, l), pl.toDoubles(Mlp.Buffer.DB, l), at + " db");
            }
            int out = full.layers();
            assertArrayEquals(pf.toDoubles(Mlp.Buffer.Z, out), pl.toDoubles(Mlp.Buffer.Z, out), "output Z is always kept");
            full.sgdStep(pf, 0.7);
            lean.sgdStep(pl, 0.7);
        }
        for (int l = 1; l <= full.layers(); l++) {
            assertArrayEquals(full.weightMoments(l), lean.weightMoments(l), "W" + l + " after training");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tanh, true, true", "sigmoid, true, true", "relu, false, true", "linear, false, false"})
    void whatWasNotKeptCannotBeRead(String activation, boolean zShared, boolean daShared) {
        Activation phi = Activation.fromLabel(activation);
        Mlp net = network(phi, 20, Mlp.Kernel.AUTO);
        Mlp.Pass p = net.newPass(BATCH);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 2);
        INDArray y = Nd4j.rand(DataType.FLOAT, BATCH, 1).gt(0.5).castTo(DataType.FLOAT);
        p.keepAll(false);
        net.forward(p, x);
        net.backward(p, y);
        if (zShared) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.z(2));
            assertTrue(e.getMessage().contains("Z[2] was not kept"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> p.moments(Mlp.Buffer.Z, 1));
        } else {
            p.moments(Mlp.Buffer.Z, 2); // ReLU's backward reads Z; a linear layer's Z is its A
        }
        if (daShared) {
            assertThrows(IllegalStateException.class, () -> p.da(DEPTH));
        } else {
            p.da(DEPTH); // a linear layer's dA is its dZ
        }
        p.z(net.layers()); // the output's Z: the loss reads it

        // Keeping again: the next passes give what a pass that always kept gives.
        p.keepAll(true);
        net.forward(p, x);
        net.backward(p, y);
        Mlp same = network(phi, 20, Mlp.Kernel.AUTO);
        Mlp.Pass ref = same.newPass(BATCH);
        same.forward(ref, x);
        same.backward(ref, y);
        for (int l = 1; l <= DEPTH; l++) {
            assertEquals(ref.z(l), p.z(l), "Z" + l);
            assertEquals(ref.da(l), p.da(l), "dA" + l);
        }
    }
}
