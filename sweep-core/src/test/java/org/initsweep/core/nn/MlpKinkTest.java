package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * (Leaky) ReLU at its kink: a dead layer (W = 0, b = 0) has z = 0 exactly, and every kernel must
 * take φ'(0) as the left derivative, as {@link Activation#derivative} does — 0 for ReLU (so the
 * layer's weights get no gradient), the slope for leaky ReLU. ND4J's own ReLU backward op passes
 * the whole gradient at 0; float64 runs (which use the ND4J path) and float32 runs disagreed.
 */
class MlpKinkTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"0, ND4J, DOUBLE", "0, ND4J, FLOAT", "0, AUTO, FLOAT", "0, BLAS, FLOAT",
        "0.2, ND4J, DOUBLE", "0.2, AUTO, FLOAT", "0.2, BLAS, FLOAT"})
    void gradientAtZeroIsTheLeftDerivative(double slope, Mlp.Kernel kernel, DataType dt) {
        Activation phi = slope == 0 ? Activation.RELU : Activation.leakyRelu(slope);
        int batch = 40;
        int width = 24; // wide enough for the vector kernel's fused backward
        Mlp net = new Mlp(2, 2, width, phi, dt, kernel);
        // layer 1 dead: z1 = 0 exactly; layers 2 and 3 random, so ∂J/∂a1 ≠ 0
        net.weight(2).assign(Nd4j.rand(dt, width, width).subi(0.5));
        net.weight(3).assign(Nd4j.rand(dt, width, 1).subi(0.5));
        net.bias(2).assign(0.1);
        INDArray x = Nd4j.rand(dt, batch, 2).subi(0.5);
        INDArray y = Nd4j.rand(dt, batch, 1).gt(0.5).castTo(dt);
        Mlp.Pass p = net.newPass(batch);
        net.forward(p, x);
        net.backward(p, y);
        assertEquals(0, p.z(1).amaxNumber().doubleValue(), "z1 is exactly 0");
        double[] da = p.toDoubles(Mlp.Buffer.DA, 1);
        double[] dz = p.toDoubles(Mlp.Buffer.DZ, 1);
        assertTrue(p.da(1).amaxNumber().doubleValue() > 1e-4, "gradient reaches layer 1");
        for (int i = 0; i < da.length; i++) {
            assertEquals(slope * da[i], dz[i], 1e-7 * Math.abs(da[i]), "dz1[" + i + "] = φ'(0)·da1");
        }
        if (slope == 0) {
            assertEquals(0, p.dw(1).amaxNumber().doubleValue(), "a dead ReLU layer's weights get no gradient");
            assertEquals(0, p.db(1).amaxNumber().doubleValue());
        }
    }
}
