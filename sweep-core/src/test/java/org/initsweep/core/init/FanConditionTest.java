package org.initsweep.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.initsweep.core.trace.TraceRecorder;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One non-square linear layer, measured: forward Var(z) = fan_in·Var(W)·Var(a) and backward
 * Var(∂J/∂a^[l-1]) = fan_out·Var(W)·Var(∂J/∂z^[l]) (the article, §IV and its closing remark).
 */
class FanConditionTest {

    private static final int BATCH = 2048;
    private static final int FAN_IN = 128;
    private static final int FAN_OUT = 512;

    private static double[] forwardAndBackwardGain(InitScheme scheme) {
        try (org.nd4j.linalg.api.rng.Random rng = Nd4j.getRandomFactory().getNewRandomInstance(21)) {
            INDArray w = Nd4j.create(DataType.DOUBLE, FAN_IN, FAN_OUT);
            WeightInitializer.fill(w, InitSpec.of(scheme), 1.0, new SplittableRandom(21));
            INDArray a = Nd4j.randn(rng, BATCH, FAN_IN).castTo(DataType.DOUBLE);
            INDArray dz = Nd4j.randn(rng, BATCH, FAN_OUT).castTo(DataType.DOUBLE);
            double forward = org.initsweep.core.nn.FastMoments.of(a.mmul(w))[1] / org.initsweep.core.nn.FastMoments.of(a)[1];
            double backward = org.initsweep.core.nn.FastMoments.of(dz.mmul(w.transpose()))[1] / org.initsweep.core.nn.FastMoments.of(dz)[1];
            return new double[] {forward, backward};
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fanInVarianceKeepsTheForwardSignal() {
        double[] g = forwardAndBackwardGain(InitScheme.LECUN_NORMAL);
        assertEquals(1.0, g[0], 0.05);
        assertEquals((double) FAN_OUT / FAN_IN, g[1], 0.05 * FAN_OUT / FAN_IN, "backward grows by fan_out/fan_in");
    }

    @Test
    void glorotSitsBetweenTheTwoConditions() {
        double[] g = forwardAndBackwardGain(InitScheme.GLOROT_NORMAL);
        assertEquals(2.0 * FAN_IN / (FAN_IN + FAN_OUT), g[0], 0.02);
        assertEquals(2.0 * FAN_OUT / (FAN_IN + FAN_OUT), g[1], 0.05);
    }
}
