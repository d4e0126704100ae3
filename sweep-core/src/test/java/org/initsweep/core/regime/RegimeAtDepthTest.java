package org.initsweep.core.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.initsweep.core.TestRuns;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.trace.LayerTrace;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.train.Trainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Measured traces of 20-layer networks at initialization, classified with the default threshold
 * (1 decade over the 19 steps: τ = ln(10)/19 per layer):
 * the critical multiplier (m·gain = 1) is stable, a quarter of it vanishing, four times it
 * exploding. Rates are averaged over two seeds, as the analysis does per grid cell.
 */
class RegimeAtDepthTest {

    private static final int DEPTH = 20;
    private static final int WIDTH = 256;

    @ParameterizedTest(name = "{0} at m = {1}: {2}")
    @CsvSource({
        "linear, 1.0, STABLE", "linear, 0.25, VANISHING", "linear, 4.0, EXPLODING",
        "tanh, 1.0, STABLE", "tanh, 0.25, VANISHING", "tanh, 4.0, EXPLODING",
        "relu, 2.0, STABLE", "relu, 0.25, VANISHING", "relu, 4.0, EXPLODING"})
    void regimeAroundTheCriticalMultiplier(String activation, double m, Regime expected) {
        Activation phi = Activation.fromLabel(activation);
        double forward = 0;
        double backward = 0;
        for (long seed = 1; seed <= 2; seed++) {
            RunResult r = Trainer.train(TestRuns.atInit(phi, InitScheme.SCALED_NORMAL, m, DEPTH, WIDTH, seed));
            double[] varZ = new double[DEPTH + 1];
            double[] varGradA = new double[DEPTH];
            for (LayerTrace t : r.layers()) {
                varZ[t.layer() - 1] = t.varZ();
                if (t.layer() <= DEPTH) {
                    varGradA[t.layer() - 1] = t.varGradA();
                }
            }
            forward += SignalGrowth.forwardRate(varZ) / 2;
            backward += SignalGrowth.backwardRate(varGradA) / 2;
        }
        assertEquals(expected, SignalGrowth.classify(forward, backward,
                SignalGrowth.thresholdAtDepth(SignalGrowth.DEFAULT_DECADES, DEPTH)),
                "forward rate " + forward + ", backward rate " + backward);
    }
}
