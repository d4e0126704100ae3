package org.initsweep.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.train.Trainer;
import org.junit.jupiter.api.Test;

/** Per-layer health in the traces: unit mean shifts, dead units, saturated activations. */
class LayerHealthTest {

    @Test
    void byHandOnTwoUnits() {
        // x = 1, 2, 3; unit 0: z = x (ReLU alive), unit 1: z = −x − 10 (dead for every example)
        Network net = Networks.create(Architecture.of(1, new int[] {2}, Activation.RELU, OutputHead.forClasses(2)),
                false, Kernel.AUTO);
        net.initialize((l, fanIn, fanOut, w, b) -> {
            if (l == 1) {
                w[0] = 1f;
                w[1] = -1f;
                b[0] = 0f;
                b[1] = -10f;
            } else {
                java.util.Arrays.fill(w, 0, fanIn * fanOut, 0.5f);
                b[0] = 0f;
            }
        });
        Network.Pass p = net.newPass(3);
        System.arraycopy(new float[] {1, 2, 3}, 0, p.input(), 0, 3);
        p.inputChanged();
        net.forward(p);
        double[][] scratch = new double[2][];
        double[] h = TraceRecorder.health(p, 1, 2, Activation.RELU.bounds(), scratch);
        // unit means of z: 2 and −12 → (4 + 144)/2
        assertEquals(74.0, h[0], 1e-12);
        assertEquals(0.5, h[1], 0.0, "one unit of two is dead");
        assertTrue(Double.isNaN(h[2]), "ReLU is unbounded: no saturation");
        // the sigmoid output: 0.5·ReLU(x) = 0.5, 1, 1.5 → σ between 0.62 and 0.82, nowhere near a bound
        // read through layer 1's longer scratch arrays, whose last entries are stale: z = 0.5, 1, 1.5
        double[] out = TraceRecorder.health(p, 2, 1, new double[] {0, 1}, scratch);
        assertEquals(6, scratch[0].length);
        assertEquals(1.0, out[0], 1e-12);
        assertEquals(0.0, out[1], 0.0);
        assertEquals(0.0, out[2], 0.0);
    }

    @Test
    void zeroInitKillsEveryReluUnitAndStandardNormalSaturatesTanh() {
        RunSpec zero = new RunSpec("h", 3, 64, Activation.RELU, InitSpec.of(InitScheme.ZERO), Double.NaN, 0.0,
                DatasetKind.GAUSSIAN, 1, 256, 0, 0.1, 256, List.of(0), Precision.FLOAT32);
        for (LayerTrace t : Trainer.train(zero).layers()) {
            if (t.layer() <= 3) {
                assertEquals(1.0, t.deadFraction(), 0.0, "layer " + t.layer());
                assertEquals(0.0, t.unitMeanZSq(), 0.0);
            }
        }
        // tanh with Var(W) = 1 on 64 standardized inputs: Var(z) ≈ 64, so most |tanh z| > 0.99 (|z| > 2.65)
        RunSpec big = new RunSpec("h", 3, 64, Activation.TANH, InitSpec.of(InitScheme.STANDARD_NORMAL), 1.0, 0.0,
                DatasetKind.GAUSSIAN, 1, 256, 0, 0.1, 256, List.of(0), Precision.FLOAT32);
        LayerTrace first = Trainer.train(big).layers().get(0);
        // P(|z| > 2.65) for z ~ N(0, 64): 2·(1 − Φ(2.65/8)) = 0.74
        assertEquals(0.74, first.saturatedFraction(), 0.05);
        assertEquals(0.0, first.deadFraction(), 0.0);
    }
}
