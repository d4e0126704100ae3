package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.optim.Adam;
import org.initsweep.core.optim.Optimizer;
import org.initsweep.core.optim.ParameterBlock;
import org.initsweep.core.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LaneNetwork}: every run in a lane gives, bit for bit, what {@link FloatNetwork} gives for it alone
 * — Z[L+1], every dW and db, and the weights after optimizer steps — whatever runs share the other lanes.
 * Shapes cover a width below a vector (4, 5), one above (17, the fused epilogues), every tile of
 * {@link LaneGemm} (13 rows: 6-row tiles and a single row; fan_in 17: 6, 4 and 1; fan_in 14: 6, 4, 4; fan_in 4
 * and 3; column remainders of 17, 14 and 5), every head size and φ with and without a fused form.
 */
class LaneNetworkTest {

    private static final int IN = 3;
    private static final int BATCH = 13;

    @ParameterizedTest(name = "{0}, {1} classes, gain {2}")
    @CsvSource({"tanh, 2, 1.5", "tanh, 3, 40", "relu, 2, 2", "relu, 10, 1", "linear, 2, 1", "leaky_relu(0.2), 3, 2",
        "sigmoid, 2, 4", "gelu, 4, 1.5", "selu, 2, 1", "elu, 3, 1"})
    void everyLaneEqualsItsRunTrainedAlone(String act, int classes, double gain) {
        assumeTrue(LaneNetwork.available(), "no Vector API here");
        Activation phi = Activation.fromLabel(act);
        Architecture arch = Architecture.of(IN, new int[] {4, 17, 14, 5}, phi, OutputHead.forClasses(classes));
        int runs = LaneNetwork.lanes() - 1; // one lane left empty
        LaneNetwork lanes = new LaneNetwork(arch);
        LaneNetwork.Pass pass = lanes.newPass(BATCH);
        for (int r = 0; r < runs; r++) {
            lanes.initialize(r, filler(r, gain));
            pass.input(r, input(r), 0);
        }
        Optimizer.Stepper laneStep = new Adam(0.9, 0.999, 1e-8).start(lanes.parameters(), 0.01);
        float[][] alone = new float[runs][];
        for (int step = 0; step < 3; step++) {
            lanes.forward(pass);
            float[][] out = new float[runs][];
            for (int r = 0; r < runs; r++) {
                out[r] = new float[BATCH * classesUnits(arch)];
                pass.output(r, out[r]);
                pass.outputDelta(r, delta(arch.head(), out[r], labels(r, classes)));
            }
            lanes.backward(pass);
            if (step == 2) {
                for (int r = 0; r < runs; r++) {
                    checkAgainstAlone(arch, r, gain, classes, out[r], lanes.parameters());
                }
            }
            laneStep.step();
        }
    }

    /** The same run alone, three Adam steps; compares its third pass with lane r's. */
    private static void checkAgainstAlone(Architecture arch, int r, double gain, int classes, float[] laneOut,
            List<ParameterBlock> laneBlocks) {
        Network net = Networks.create(arch, false, Kernel.AUTO);
        net.initialize(filler(r, gain));
        Network.Pass p = net.newPass(BATCH);
        TestNets.feed(p, input(r), labels(r, classes));
        Optimizer.Stepper step = new Adam(0.9, 0.999, 1e-8).start(net.parameters(), 0.01);
        for (int s = 0; s < 3; s++) {
            net.forward(p);
            net.backward(p);
            if (s < 2) {
                step.step();
            }
        }
        double[] z = p.toDoubles(Network.Buffer.Z, net.layers());
        for (int i = 0; i < z.length; i++) {
            assertBits((float) z[i], laneOut[i], "run " + r + " Z[out][" + i + "]");
        }
        List<ParameterBlock> blocks = net.parameters();
        int lanes = LaneNetwork.lanes();
        for (int bIdx = 0; bIdx < blocks.size(); bIdx++) {
            ParameterBlock.FloatArrays one = (ParameterBlock.FloatArrays) blocks.get(bIdx);
            ParameterBlock.FloatArrays all = (ParameterBlock.FloatArrays) laneBlocks.get(bIdx);
            for (int e = 0; e < one.length(); e++) {
                assertBits(one.values()[e], all.values()[e * lanes + r], "run " + r + " block " + bIdx + " value " + e);
                assertBits(one.gradient()[e], all.gradient()[e * lanes + r], "run " + r + " block " + bIdx + " grad " + e);
            }
        }
    }

    @Test
    void copyToGivesARunItsLaneParameters() {
        assumeTrue(LaneNetwork.available(), "no Vector API here");
        Architecture arch = Architecture.of(IN, new int[] {4, 4}, Activation.fromLabel("tanh"), OutputHead.forClasses(2));
        LaneNetwork lanes = new LaneNetwork(arch);
        for (int r = 0; r < LaneNetwork.lanes(); r++) {
            lanes.initialize(r, filler(r, 1));
        }
        Network copy = Networks.create(arch, false, Kernel.AUTO);
        lanes.copyTo(5, copy);
        Network direct = Networks.create(arch, false, Kernel.AUTO);
        direct.initialize(filler(5, 1));
        for (int l = 1; l <= arch.layers(); l++) {
            assertEquals(java.util.Arrays.toString(direct.weights(l)), java.util.Arrays.toString(copy.weights(l)));
            assertEquals(java.util.Arrays.toString(direct.biases(l)), java.util.Arrays.toString(copy.biases(l)));
        }
    }

    @Test
    void sgdStepsEachLaneAsAlone() {
        assumeTrue(LaneNetwork.available(), "no Vector API here");
        Architecture arch = Architecture.of(IN, new int[] {2, 2}, Activation.fromLabel("tanh"), OutputHead.forClasses(2));
        LaneNetwork lanes = new LaneNetwork(arch);
        lanes.initialize(1, filler(1, 1));
        ParameterBlock.FloatArrays w1 = (ParameterBlock.FloatArrays) lanes.parameters().get(0);
        int lanesN = LaneNetwork.lanes();
        w1.gradient()[lanesN + 1] = 0.5f; // entry 1 of run 1
        float before = w1.values()[lanesN + 1];
        new Sgd().start(lanes.parameters(), 0.1).step();
        assertBits(before - 0.5f * 0.1f, w1.values()[lanesN + 1], "w after a step");
        assertBits(0f, w1.values()[lanesN], "run 0 of entry 1, never filled");
    }

    private static int classesUnits(Architecture arch) {
        return arch.units(arch.layers());
    }

    private static float[] delta(OutputHead head, float[] z, int[] y) {
        float[] a = new float[z.length];
        float[] d = new float[z.length];
        head.activate(z, a, y.length);
        head.delta(a, y, d, y.length);
        return d;
    }

    private static Network.ParameterFiller filler(long seed, double gain) {
        SplittableRandom rng = new SplittableRandom(seed * 7919 + 3);
        return (l, fanIn, fanOut, w, b) -> {
            for (int i = 0; i < fanIn * fanOut; i++) {
                w[i] = (float) (rng.nextGaussian() * gain / Math.sqrt(fanIn));
            }
            for (int j = 0; j < fanOut; j++) {
                b[j] = (float) (0.2 * rng.nextGaussian());
            }
        };
    }

    private static float[] input(int r) {
        return TestNets.gaussian(BATCH * IN, 1000 + r);
    }

    private static int[] labels(int r, int classes) {
        int[] y = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            y[i] = (i * 5 + r) % classes;
        }
        return y;
    }

    private static void assertBits(float expected, float actual, String what) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), what + ": " + expected + " vs " + actual);
    }
}
