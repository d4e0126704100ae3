package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.init.WeightInitializer;
import org.initsweep.core.train.Losses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Hand-written backprop against central finite differences of the cost, in float64. */
class MlpGradientTest {

    static Activation[] activations() {
        return new Activation[] {Activation.LINEAR, Activation.TANH, Activation.RELU, Activation.SIGMOID,
            Activation.leakyRelu(0.1)};
    }

    @ParameterizedTest
    @MethodSource("activations")
    void backpropMatchesFiniteDifferences(Activation phi) {
        int batch = 7;
        int in = 3;
        Mlp net = new Mlp(in, 3, 5, phi, DataType.DOUBLE);
        SplittableRandom rng = new SplittableRandom(42);
        net.initialize((l, fanIn, fanOut, w, b) -> {
            WeightInitializer.fill(w, fanIn, fanOut, InitSpec.of(InitScheme.HE_NORMAL), 1.0, rng);
            WeightInitializer.fillBias(b, fanOut, 0.1, rng);
        });
        INDArray x = Nd4j.rand(DataType.DOUBLE, batch, in).subi(0.5).muli(4);
        INDArray y = Nd4j.create(new double[] {1, 0, 1, 1, 0, 0, 1}, new long[] {batch, 1});
        Mlp.Pass p = net.newPass(batch);
        net.forward(p, x);
        net.backward(p, y);

        double h = 1e-6;
        int checked = 0;
        for (int l = 1; l <= net.layers(); l++) {
            INDArray w = net.weight(l);
            INDArray dw = p.dw(l).dup();
            INDArray db = p.db(l).dup();
            for (int i = 0; i < w.rows(); i++) {
                for (int j = 0; j < w.columns(); j++) {
                    double numeric = numericGradient(net, w, i, j, x, y, h);
                    assertClose(numeric, dw.getDouble(i, j), "dW[" + l + "][" + i + "," + j + "]");
                    checked++;
                }
            }
            INDArray b = net.bias(l);
            for (int j = 0; j < b.columns(); j++) {
                double numeric = numericGradient(net, b, 0, j, x, y, h);
                assertClose(numeric, db.getDouble(0, j), "db[" + l + "][" + j + "]");
            }
        }
        assertTrue(checked > 50);
    }

    private static void assertClose(double numeric, double analytic, String what) {
        // Central differences in float64 are good to ~1e-9 here; the ReLU kink is never hit by random data.
        assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric), what);
    }

    private static double numericGradient(Mlp net, INDArray param, int i, int j, INDArray x, INDArray y, double h) {
        double orig = param.getDouble(i, j);
        param.putScalar(i, j, orig + h);
        double plus = cost(net, x, y);
        param.putScalar(i, j, orig - h);
        double minus = cost(net, x, y);
        param.putScalar(i, j, orig);
        return (plus - minus) / (2 * h);
    }

    private static double cost(Mlp net, INDArray x, INDArray y) {
        Mlp.Pass p = net.newPass((int) x.rows());
        net.forward(p, x);
        return Losses.binaryCrossEntropy(p.z(net.layers()).toDoubleVector(), y.toDoubleVector());
    }
}
