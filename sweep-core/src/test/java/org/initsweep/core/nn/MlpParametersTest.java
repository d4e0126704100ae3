package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.initsweep.core.activation.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where the parameters live: on the float32 fast path the network keeps them in Java arrays and
 * touches the INDArrays of {@link Mlp#weight}/{@link Mlp#bias} only for layers a caller holds. Held
 * or not, training must give the same bits; held arrays must follow every SGD step, and writes to
 * them must reach the next forward pass. Widths cover every product kind: 3 (Java loops without the
 * Vector API), 20 (vector kernel), 300 (sgemm: 90,000 weights &gt; {@link Mlp#vectorMaxParams()}).
 */
class MlpParametersTest {

    private static final int BATCH = 16;

    private static Mlp network(int width, Mlp.Kernel kernel, DataType dt) {
        return TestNets.randomize(new Mlp(2, 3, width, Activation.TANH, dt, kernel), width, 3, 0.1);
    }

    private static void steps(Mlp net, int count) {
        DataType dt = net.dataType();
        INDArray x = Nd4j.linspace(-1, 1, BATCH * 2, DataType.DOUBLE).reshape(BATCH, 2).castTo(dt);
        INDArray y = Nd4j.linspace(0, 1, BATCH, DataType.DOUBLE).reshape(BATCH, 1).gt(0.5).castTo(dt);
        Mlp.Pass p = net.newPass(BATCH);
        for (int s = 0; s < count; s++) {
            net.forward(p, x);
            net.backward(p, y);
            net.sgdStep(p, 0.5);
        }
    }

    @ParameterizedTest(name = "width {0}, {1}, {2}")
    @CsvSource({"3, BLAS, FLOAT", "20, AUTO, FLOAT", "300, AUTO, FLOAT", "20, ND4J, FLOAT", "20, ND4J, DOUBLE"})
    void heldArraysFollowTrainingAndChangeNoBit(int width, Mlp.Kernel kernel, DataType dt) {
        Mlp held = network(width, kernel, dt);
        Mlp free = network(width, kernel, dt);
        INDArray[] w = new INDArray[held.layers() + 1];
        INDArray[] b = new INDArray[held.layers() + 1];
        for (int l = 1; l <= held.layers(); l++) {
            w[l] = held.weight(l);
            b[l] = held.bias(l);
        }
        INDArray before = w[2].dup();
        steps(held, 4);
        steps(free, 4);
        assertNotEquals(before, w[2], "training moved W2");
        for (int l = 1; l <= held.layers(); l++) {
            assertArrayEquals(free.weightMoments(l), held.weightMoments(l), "weight moments of layer " + l);
            assertEquals(free.weight(l), w[l], "W" + l + ": the held array is the trained weights");
            assertEquals(free.bias(l), b[l], "b" + l);
            assertArrayEquals(FastMoments.of(w[l]), held.weightMoments(l), "weightMoments reads W" + l);
        }
    }

    @ParameterizedTest(name = "width {0}, {1}, {2}")
    @CsvSource({"3, BLAS, FLOAT", "20, AUTO, FLOAT", "300, AUTO, FLOAT", "20, ND4J, DOUBLE"})
    void writesThroughHeldArraysReachTheNextForwardPass(int width, Mlp.Kernel kernel, DataType dt) {
        Mlp net = network(width, kernel, dt);
        steps(net, 2); // the network's own copies are now ahead of anything set before training
        INDArray x = Nd4j.linspace(-1, 1, BATCH * 2, DataType.DOUBLE).reshape(BATCH, 2).castTo(dt);
        Mlp.Pass p = net.newPass(BATCH);
        net.bias(1).assign(0);
        net.forward(p, x);
        INDArray z1 = p.z(1).dup();
        net.weight(1).muli(2);
        net.forward(p, x);
        assertEquals(z1.muli(2), p.z(1), "z1 = x·(2·W1) doubles exactly");
    }

    @ParameterizedTest(name = "width {0}, {1}")
    @CsvSource({"20, AUTO", "300, AUTO", "20, ND4J"})
    void initializeSetsWhatWeightReturns(int width, Mlp.Kernel kernel) {
        Mlp net = network(width, kernel, DataType.FLOAT);
        INDArray old = net.weight(2).dup();
        net.initialize((l, fanIn, fanOut, w, b) -> {
            for (int i = 0; i < fanIn * fanOut; i++) {
                w[i] = l + i / 1024f;
            }
            java.util.Arrays.fill(b, 0, fanOut, -l);
        });
        INDArray w2 = net.weight(2);
        assertNotEquals(old, w2);
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < width; j++) {
                assertEquals(2 + (i * width + j) / 1024f, w2.getFloat(i, j), "W2 row-major [fan_in, fan_out]");
            }
        }
        assertEquals(-3.0, net.bias(3).getDouble(0, 0));
        assertArrayEquals(FastMoments.of(w2), net.weightMoments(2));
    }
}
