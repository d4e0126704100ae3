package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.regime.SignalGrowth;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.trace.LayerTrace;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Measured layer variances at initialization (width 512, depth 20, seeds averaged) against the
 * mean-field predictions of {@link NetworkPrediction}.
 *
 * <p>ReLU needs care: its inputs become almost collinear with depth, so a batch averages away
 * none of the finite-width noise and ln q^l performs a random walk of variance ≈ 5l/n around the
 * mean-field value (Hanin &amp; Nica 2019, "Products of many large random matrices and gradients in
 * deep neural networks"): about ±45% per seed at l = 20, n = 512. For ReLU the test therefore
 * checks the per-layer factor m/2, the first layers within 10%, and every layer within that
 * finite-width band (3σ of one seed's walk).
 */
class PredictionAgreementTest {

    private static final int DEPTH = 20;
    private static final int WIDTH = 512;

    private static double[][] measure(Activation phi, double m, int seeds) {
        double[] varA = new double[DEPTH];
        double[] varZ = new double[DEPTH + 1];
        for (long seed = 1; seed <= seeds; seed++) {
            RunSpec run = new RunSpec("agree", DEPTH, WIDTH, phi, InitSpec.of(InitScheme.SCALED_NORMAL), m, 0,
                    DatasetKind.GAUSSIAN, seed, 256, 0, 0.1, 256, List.of(0), Precision.FLOAT32);
            RunResult r = Trainer.train(run);
            for (LayerTrace t : r.layers()) {
                varZ[t.layer() - 1] += t.varZ() / seeds;
                if (t.layer() <= DEPTH) {
                    varA[t.layer() - 1] += t.varA() / seeds;
                }
            }
        }
        return new double[][] {varA, varZ};
    }

    private static NetworkPrediction predict(Activation phi, double m) {
        return NetworkPrediction.of(phi, InitSpec.of(InitScheme.SCALED_NORMAL), m, 0, WIDTH, WIDTH, DEPTH, 1.0)
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0} at m = {1}")
    @CsvSource({"linear, 0.5", "linear, 1", "linear, 2", "tanh, 0.5", "tanh, 1", "tanh, 2"})
    void everyLayerWithinTenPercent(String activation, double m) {
        Activation phi = Activation.fromLabel(activation);
        double[] measured = measure(phi, m, 2)[0];
        NetworkPrediction p = predict(phi, m);
        for (int l = 1; l <= DEPTH; l++) {
            double predicted = p.varA()[l - 1];
            assertEquals(predicted, measured[l - 1], 0.10 * predicted, activation + " m=" + m + " layer " + l);
        }
    }

    @ParameterizedTest(name = "relu at m = {0}")
    @CsvSource({"0.5", "1", "2"})
    void reluWithinTheFiniteWidthBand(double m) {
        int seeds = 6;
        double[][] measured = measure(Activation.RELU, m, seeds);
        NetworkPrediction p = predict(Activation.RELU, m);
        // 0.05 nats per layer: a seventh of the spacing of a √2-spaced multiplier grid.
        assertEquals(Math.log(m / 2), SignalGrowth.slope(measured[1]), 0.05, "per-layer factor m/2 of Var(z)");
        for (int l = 1; l <= DEPTH; l++) {
            double ratio = measured[0][l - 1] / p.varA()[l - 1];
            if (l <= 2) {
                assertEquals(1.0, ratio, 0.10, "layer " + l);
            }
            // Averaging variances (not logs) is dominated by the largest seed: keep the per-seed band.
            double band = 3 * Math.sqrt(5.0 * l / WIDTH);
            assertTrue(Math.abs(Math.log(ratio)) <= band, "layer " + l + ": ratio " + ratio + " outside e^±" + band);
        }
    }

    @Test
    void predictedRatesAreLnMForLinearAndLnChi1Backward() {
        NetworkPrediction lin = NetworkPrediction.of(Activation.LINEAR, InitSpec.of(InitScheme.SCALED_NORMAL), 0.5, 0,
                64, 64, 30, 1.0).orElseThrow();
        assertEquals(Math.log(0.5), lin.forwardRate(), 1e-9);
        assertEquals(Math.log(0.5), lin.backwardRate(), 1e-9);
        assertEquals(1.0, lin.criticalM(), 1e-6);
        NetworkPrediction he = NetworkPrediction.of(Activation.RELU, InitSpec.of(InitScheme.HE_NORMAL), 1.0, 0,
                64, 64, 30, 1.0).orElseThrow();
        assertEquals(0, he.forwardRate(), 1e-9, "He is critical for ReLU");
        assertEquals(1.0, he.chi1(), 1e-9);
        assertEquals(1.0, he.criticalM(), 1e-6, "in he_normal's own m, critical at m = 1");
        assertTrue(NetworkPrediction.of(Activation.TANH, InitSpec.of(InitScheme.ZERO), Double.NaN, 0, 4, 4, 3, 1)
                .isEmpty(), "fixed schemes have no mean-field description");
    }
}
