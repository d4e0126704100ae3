package org.initsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initsweep.core.TestRuns;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.trace.LayerTrace;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.trace.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Training and tracing of single runs, against hand calculations. */
class TrainerTest {

    @ParameterizedTest(name = "linear, m = {0}")
    @CsvSource({"0.5", "1.0", "2.0"})
    void wideLinearNetScalesVarianceByMPerLayer(double m) {
        // Var(a^[l]) = n^[l-1]·Var(W)·Var(a^[l-1]) = m·Var(a^[l-1]) (the article, §IV); layer 1 sees Var(x) = 1.
        RunResult r = Trainer.train(TestRuns.atInit(Activation.LINEAR, InitScheme.SCALED_NORMAL, m, 6, 512, 1));
        List<LayerTrace> t = r.layers();
        assertEquals(1.0, r.inputVar(), 1e-5);
        assertEquals(m, t.get(0).varA(), 0.05 * m, "layer 1");
        for (int l = 1; l < 6; l++) {
            double ratio = t.get(l).varA() / t.get(l - 1).varA();
            assertEquals(m, ratio, 0.05 * m, "Var(a^[" + (l + 1) + "]) / Var(a^[" + l + "])");
        }
    }

    @Test
    void reluAtHeKeepsPreActivationVariance() {
        // Var(z^[l+1]) = m·E[relu(z)²] = (m/2)·Var(z^[l]) for zero-mean symmetric z (He et al. 2015, eq. 10).
        // Averaged over 7 layer steps; one step at width 512 fluctuates by several percent.
        RunResult r = Trainer.train(TestRuns.atInit(Activation.RELU, InitScheme.SCALED_NORMAL, 2.0, 9, 512, 2));
        double perLayer = Math.pow(r.layers().get(8).varZ() / r.layers().get(1).varZ(), 1.0 / 7);
        assertEquals(1.0, perLayer, 0.05, "geometric-mean Var(z) ratio per layer");
        RunResult half = Trainer.train(TestRuns.atInit(Activation.RELU, InitScheme.SCALED_NORMAL, 1.0, 9, 512, 2));
        double halfPerLayer = Math.pow(half.layers().get(8).varZ() / half.layers().get(1).varZ(), 1.0 / 7);
        assertEquals(0.5, halfPerLayer, 0.025, "m = 1 (LeCun) halves Var(z) per ReLU layer");
    }

    @Test
    void zeroAndConstantInitNeverBreakSymmetry() {
        // Gaussian-teacher labels are not exactly balanced, so even W = 0 gets a non-zero gradient.
        for (InitSpec init : List.of(InitSpec.of(InitScheme.ZERO), new InitSpec(InitScheme.CONSTANT, 0.3))) {
            RunSpec run = TestRuns.run(Activation.SIGMOID, init, Double.NaN, 3, 6, DatasetKind.GAUSSIAN, 128, 30,
                    0.5, 128, List.of(0, 30), Precision.FLOAT32);
            double[] moved = new double[1];
            Trainer.train(run, org.initsweep.core.spec.Outputs.NONE, net -> {
                for (int l = 1; l <= net.depth(); l++) {
                    double[] w = net.weights(l); // [fan_in, fan_out] row-major: unit j is column j
                    int fanOut = net.units(l);
                    for (int i = 0; i < net.units(l - 1); i++) {
                        for (int j = 1; j < fanOut; j++) {
                            assertEquals(w[i * fanOut], w[i * fanOut + j], 0.0,
                                    init.label() + ": unit " + j + " of layer " + l + " differs from unit 0");
                        }
                    }
                    moved[0] += Math.abs(w[0] - (init.scheme() == InitScheme.ZERO ? 0 : 0.3));
                }
            });
            assertTrue(moved[0] > 1e-4, init.label() + ": training changed the weights, symmetrically");
        }
    }

    @Test
    void sameRunTwiceGivesIdenticalValues() {
        RunSpec run = TestRuns.run(Activation.TANH, InitSpec.of(InitScheme.GLOROT_UNIFORM), 1.0, 4, 16,
                DatasetKind.SPIRAL, 200, 5, 0.3, 50, List.of(0, 2, 5), Precision.FLOAT32);
        RunResult a = Trainer.train(run);
        RunResult b = Trainer.train(run);
        assertEquals(a.layers(), b.layers());
        assertEquals(a.epochs(), b.epochs());
        assertEquals(3 * 5, a.layers().size(), "3 recorded epochs × (4 hidden + 1 output) layers");
    }

    @Test
    void miniBatchSgdLearnsMoons() {
        RunSpec run = TestRuns.run(Activation.TANH, InitSpec.of(InitScheme.XAVIER_NORMAL), 1.0, 2, 16,
                DatasetKind.MOONS, 256, 60, 0.5, 32, List.of(0, 60), Precision.FLOAT32);
        RunResult r = Trainer.train(run);
        assertEquals(RunStatus.OK, r.status());
        assertEquals(61, r.epochs().size());
        assertTrue(r.finalLoss() < 0.5 * r.epochs().get(0).loss(), "loss halves: " + r.epochs());
        assertTrue(r.finalAccuracy() > 0.85, "accuracy " + r.finalAccuracy());
    }

    @Test
    void overflowAtInitIsRecordedAsDivergedNotThrown() {
        // N(0, 1) weights on width 256: |z| grows by √256 = 2⁴ per layer and passes float32's 2¹²⁸ at layer 32.
        RunSpec run = TestRuns.run(Activation.LINEAR, InitSpec.of(InitScheme.STANDARD_NORMAL), 1.0, 40, 256,
                DatasetKind.GAUSSIAN, 64, 5, 0.1, 64, List.of(0), Precision.FLOAT32);
        RunResult r = Trainer.train(run);
        assertEquals(RunStatus.DIVERGED, r.status());
        assertEquals(0, r.divergedEpoch());
        assertTrue(r.divergedLayer() >= 30 && r.divergedLayer() <= 34, "first non-finite layer " + r.divergedLayer());
        assertEquals(41, r.layers().size(), "epoch-0 traces kept for the analysis");
        assertEquals(1, r.epochs().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tanh", "sigmoid", "relu"})
    void divergedLayerIsFoundAtEpochsWithoutTraces(String activation) {
        // W = 1e38 everywhere: z¹ = (x₁ + x₂)·1e38 stays finite (these 64 standardized points keep
        // |x₁ + x₂| < 3.4), z² adds 8 activations of that size and overflows, so layer 2 is the first
        // non-finite one (the float32 *sum* of z¹ overflows already, which must not make it layer 1).
        // Epochs without traces keep no hidden Z (Mlp.Pass#keepAll): the layer must be found all
        // the same, and agree with a run that traces the epoch.
        Activation phi = Activation.fromLabel(activation);
        InitSpec huge = new InitSpec(InitScheme.CONSTANT, 1e38);
        RunResult untraced = Trainer.train(TestRuns.run(phi, huge, Double.NaN, 4, 8, DatasetKind.MOONS, 64, 3,
                0.1, 64, List.of(), Precision.FLOAT32));
        RunResult traced = Trainer.train(TestRuns.run(phi, huge, Double.NaN, 4, 8, DatasetKind.MOONS, 64, 3,
                0.1, 64, List.of(0), Precision.FLOAT32));
        assertEquals(RunStatus.DIVERGED, untraced.status());
        assertEquals(0, untraced.divergedEpoch());
        assertEquals(2, untraced.divergedLayer(), "first non-finite layer");
        assertEquals(traced.divergedLayer(), untraced.divergedLayer());
        assertEquals(traced.epochs(), untraced.epochs());
    }

    @Test
    void runsOfOneSeedStartFromTheSameDraws() {
        // σ = √(m/fan_in) is exactly doubled from m = 1 to m = 4 (a power-of-two scaling is exact), so
        // with the same draws every weight doubles exactly; float64 holds the float32 weights widened.
        java.util.function.Function<RunSpec, double[][]> initial = run -> {
            double[][] w = new double[3][];
            Trainer.train(run, org.initsweep.core.spec.Outputs.NONE, net -> {
                for (int l = 1; l <= 2; l++) {
                    w[l] = net.weights(l);
                }
            });
            return w;
        };
        double[][] m1 = initial.apply(TestRuns.run(Activation.TANH, InitSpec.of(InitScheme.SCALED_NORMAL), 1.0, 3, 16,
                DatasetKind.MOONS, 32, 0, 0.1, 32, List.of(), Precision.FLOAT32));
        double[][] m4 = initial.apply(TestRuns.run(Activation.TANH, InitSpec.of(InitScheme.SCALED_NORMAL), 4.0, 3, 16,
                DatasetKind.MOONS, 32, 0, 0.5, 32, List.of(0), Precision.FLOAT32));
        double[][] f64 = initial.apply(TestRuns.run(Activation.TANH, InitSpec.of(InitScheme.SCALED_NORMAL), 1.0, 3, 16,
                DatasetKind.MOONS, 32, 0, 0.1, 32, List.of(), Precision.FLOAT64));
        for (int l = 1; l <= 2; l++) {
            for (int i = 0; i < m1[l].length; i++) {
                assertEquals(2 * m1[l][i], m4[l][i], 0.0, "W" + l + "[" + i + "], m = 4 vs 1 (another learning rate too)");
            }
            assertTrue(java.util.Arrays.equals(m1[l], f64[l]), "W" + l + ": float64 starts from the float32 weights");
        }
    }

    @Test
    void divergedLayerIsTheFirstWithANonFiniteEntry() {
        // ReLU at m = 1e6: Var(z) grows ×5e5 per layer; a layer whose entries are all finite (≈ 1e36,
        // below float32's 3.4e38) has a float32 sum that overflows, and must not be named. The
        // traces' var_z (accumulated in double) is finite exactly for the layers with finite entries.
        RunResult r = Trainer.train(TestRuns.run(Activation.RELU, InitSpec.of(InitScheme.SCALED_NORMAL), 1e6, 20, 64,
                DatasetKind.MOONS, 256, 2, 0.1, 256, List.of(0), Precision.FLOAT32));
        assertEquals(RunStatus.DIVERGED, r.status());
        int firstNonFiniteTrace = r.layers().stream().filter(t -> !Double.isFinite(t.varZ())).mapToInt(LayerTrace::layer)
                .min().orElseThrow();
        LayerTrace before = r.layers().get(firstNonFiniteTrace - 2);
        assertTrue(Math.abs(before.meanZ()) * 64 * 256 > Float.MAX_VALUE || before.varZ() > 1e70,
                "the layer before has finite entries whose float32 sum would overflow: " + before);
        assertEquals(firstNonFiniteTrace, r.divergedLayer());
    }

    @Test
    void divergenceDuringTrainingStopsAtThatEpoch() {
        RunSpec run = TestRuns.run(Activation.LINEAR, InitSpec.of(InitScheme.HE_NORMAL), 2.0, 6, 32,
                DatasetKind.BLOBS, 128, 200, 50.0, 128, List.of(0), Precision.FLOAT32);
        RunResult r = Trainer.train(run);
        assertEquals(RunStatus.DIVERGED, r.status());
        assertTrue(r.divergedEpoch() > 0 && r.divergedEpoch() < 200, "epoch " + r.divergedEpoch());
        assertEquals(r.divergedEpoch() + 1, r.epochs().size());
    }
}
