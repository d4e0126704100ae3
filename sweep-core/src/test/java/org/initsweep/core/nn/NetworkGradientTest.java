package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.optim.ParameterBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hand-written backprop against central finite differences of the loss, in float64: every weight and
 * bias of a network with unequal widths, for every activation and both heads (sigmoid with binary
 * cross-entropy; softmax with cross-entropy over 4 classes).
 */
class NetworkGradientTest {

    static Activation[] activations() {
        return new Activation[] {Activation.LINEAR, Activation.TANH, Activation.RELU, Activation.SIGMOID,
            Activation.leakyRelu(0.1), new org.initsweep.core.activation.Selu(),
            new org.initsweep.core.activation.Gelu(), new org.initsweep.core.activation.Silu(),
            new org.initsweep.core.activation.Elu(0.5), new org.initsweep.core.activation.Softplus()};
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Activation a : activations()) {
            out.add(Arguments.of(a, 2));
            out.add(Arguments.of(a, 4));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}, {1} classes")
    @MethodSource("cases")
    void backpropMatchesFiniteDifferences(Activation phi, int classes) {
        int batch = 7;
        int in = 3;
        Network net = Networks.create(Architecture.of(in, new int[] {5, 4, 6}, phi, OutputHead.forClasses(classes)),
                true, Kernel.AUTO);
        TestNets.init(net, 42, 2.0, 0.1);
        Network.Pass p = net.newPass(batch);
        float[] x = TestNets.gaussian(batch * in, 5);
        int[] y = TestNets.labels(batch, classes);
        TestNets.feed(p, x, y);
        net.forward(p);
        net.backward(p);

        double h = 1e-6;
        int checked = 0;
        for (ParameterBlock b : net.parameters()) {
            INDArray values = ((ParameterBlock.Nd4jArrays) b).values();
            double[] grad = ((ParameterBlock.Nd4jArrays) b).gradient().dup('c').data().asDouble();
            for (int i = 0; i < values.length(); i++) {
                double orig = values.getDouble(i);
                values.putScalar(i, orig + h);
                double plus = loss(net, x, y);
                values.putScalar(i, orig - h);
                double minus = loss(net, x, y);
                values.putScalar(i, orig);
                double numeric = (plus - minus) / (2 * h);
                // Central differences in float64 are good to ~1e-9 here; the ReLU kink is never hit by random data.
                assertEquals(numeric, grad[i], 1e-6 + 1e-5 * Math.abs(numeric), "entry " + i + " of block " + checked);
            }
            checked++;
        }
        assertEquals(2 * net.layers(), checked, "W and b of every layer");
        assertTrue(net.float64());
    }

    private static double loss(Network net, float[] x, int[] y) {
        Network.Pass p = net.newPass(y.length);
        TestNets.feed(p, x, y);
        net.forward(p);
        return net.head().loss(p.toDoubles(Network.Buffer.Z, net.layers()), y);
    }
}
