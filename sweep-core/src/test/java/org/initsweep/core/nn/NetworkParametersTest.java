package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.initsweep.core.activation.Activation;
import org.initsweep.core.optim.ParameterBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the parameters live: {@link Network#initialize} writes W row-major {@code [fan_in, fan_out]},
 * {@link Network#weights} reads it back, {@link Network#parameters()} are the live arrays (what an
 * optimizer writes there is what the next forward pass uses), and {@link Network#weightMoments} reads
 * the same values — for every storage: Java arrays (loops, vector kernel), native sgemm arrays
 * (300 × 300 = 90,000 weights &gt; 256²), ND4J float32 and float64.
 */
class NetworkParametersTest {

    private static final int BATCH = 16;

    @ParameterizedTest(name = "width {0}, {1}, float64={2}")
    @CsvSource({"3, BLAS, false", "20, AUTO, false", "300, AUTO, false", "20, ND4J, false", "20, ND4J, true"})
    void initializeSetsWhatWeightsReturn(int width, Kernel kernel, boolean float64) {
        Network net = TestNets.network(2, 3, width, Activation.TANH, float64, kernel);
        net.initialize((l, fanIn, fanOut, w, b) -> {
            for (int i = 0; i < fanIn * fanOut; i++) {
                w[i] = l + i / 1024f;
            }
            java.util.Arrays.fill(b, 0, fanOut, -l);
        });
        double[] w2 = net.weights(2);
        assertEquals(width * width, w2.length);
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < width; j++) {
                assertEquals(2 + (i * width + j) / 1024f, w2[i * width + j], "W2 row-major [fan_in, fan_out]");
            }
        }
        assertEquals(-3.0, net.biases(3)[0]);
        double mean = 0;
        for (double v : w2) {
            mean += v;
        }
        assertEquals(mean / w2.length, net.weightMoments(2)[0], 1e-6);
    }

    @ParameterizedTest(name = "width {0}, {1}, float64={2}")
    @CsvSource({"3, BLAS, false", "20, AUTO, false", "300, AUTO, false", "20, ND4J, true"})
    void writesToTheParameterBlocksReachTheNextForwardPass(int width, Kernel kernel, boolean float64) {
        Network net = TestNets.randomize(TestNets.network(2, 3, width, Activation.TANH, float64, kernel), width, 3, 0.1);
        Network.Pass p = net.newPass(BATCH);
        TestNets.feed(p, TestNets.gaussian(BATCH * 2, 3), TestNets.labels(BATCH, 2));
        ParameterBlock w1 = net.parameters().get(0);
        ParameterBlock b1 = net.parameters().get(1);
        scale(b1, 0);
        net.forward(p);
        double[] z1 = p.toDoubles(Network.Buffer.Z, 1);
        scale(w1, 2);
        net.forward(p);
        double[] twice = p.toDoubles(Network.Buffer.Z, 1);
        for (int i = 0; i < z1.length; i++) {
            z1[i] *= 2;
        }
        assertArrayEquals(z1, twice, "z1 = x·(2·W1) doubles exactly");
    }

    private static void scale(ParameterBlock b, float factor) {
        if (b instanceof ParameterBlock.FloatArrays f) {
            for (int i = 0; i < f.length(); i++) {
                f.values()[i] *= factor;
            }
        } else {
            ((ParameterBlock.Nd4jArrays) b).values().muli(factor);
        }
    }
}
