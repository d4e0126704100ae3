package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.activation.Gelu;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.junit.jupiter.api.Test;

/**
 * One network's prediction is one story: its χ₁, regime and critical multiplier describe the path its
 * own layers take (their first length, their init scheme's σ_w²(m)), as its layer-wise rates do.
 */
class NetworkPredictionTest {

    private static int[] units(int inputs, int width, int depth) {
        int[] units = new int[depth + 2];
        Arrays.fill(units, width);
        units[0] = inputs;
        units[depth + 1] = 1;
        return units;
    }

    @Test
    void aBistableMapsChi1IsTakenWhereTheNetworksOwnLayersGo() {
        // GELU without bias at σ_w² = 2.3 has two attracting fixed points, 0 and ∞ (Gelu jumps at 2.1551 and 2.4297).
        // Glorot on 2 inputs gives the first layer σ_w² = 2·2.3·2/66 = 0.139, q¹ = 0.139: its lengths fall to 0,
        // where χ₁ = σ_w²·φ'(0)² = 2.3/4 = 0.575 (GELU's φ'(0) = 1/2), and the gradients vanish with them.
        Activation gelu = new Gelu();
        int depth = 20;
        NetworkPrediction glorot = NetworkPrediction.of(gelu, InitSpec.of(InitScheme.GLOROT_NORMAL), 2.3, 0,
                units(2, 64, depth), 1.0).orElseThrow();
        assertEquals(2 * 2.3 * 2 / 66, glorot.varZ()[0], 1e-12);
        assertEquals(2.3 / 4, glorot.chi1(), 1e-9);
        assertEquals(MeanField.Regime.VANISHING, glorot.regime());
        assertTrue(glorot.backwardRate() < 0, "gradients vanish: " + glorot.backwardRate());
        // LeCun on the same inputs starts at q¹ = 2.3, above the unstable fixed point: lengths grow, χ₁ > 1
        NetworkPrediction lecun = NetworkPrediction.of(gelu, InitSpec.of(InitScheme.LECUN_NORMAL), 2.3, 0,
                units(2, 64, depth), 1.0).orElseThrow();
        assertEquals(MeanField.Regime.EXPLODING, lecun.regime());
        assertTrue(lecun.backwardRate() > 0, "gradients explode: " + lecun.backwardRate());
        // the same LeCun net on inputs of second moment 1/4 starts at q¹ = 0.575 and falls to 0 like Glorot's
        NetworkPrediction small = NetworkPrediction.of(gelu, InitSpec.of(InitScheme.LECUN_NORMAL), 2.3, 0,
                units(2, 64, depth), 0.25).orElseThrow();
        assertEquals(2.3 / 4, small.chi1(), 1e-9);
        assertTrue(small.backwardRate() < 0, "gradients vanish: " + small.backwardRate());
    }

    @Test
    void truncNormalsCriticalMultiplierIsWhereItsOwnSigmaW2Crosses() {
        // ReLU at σ_b² = 0 is critical at σ_w² = 2: fan_in 64 needs Var(W) = 1/32, i.e. m = 1/32 at std 1 (the
        // bounds ±2 sit 11σ out); dividing by σ_w²/m at the cell's m said 0.0404 at m = 1 and 0.107 at m = 4
        InitSpec pytorch = InitSpec.of(InitScheme.TRUNC_NORMAL);
        for (double m : new double[] {1, 4}) {
            NetworkPrediction p = NetworkPrediction.of(Activation.RELU, pytorch, m, 0, units(2, 64, 5), 1.0)
                    .orElseThrow();
            assertEquals(1.0 / 32, p.criticalM(), 1e-11 / 32, "at m = " + m);
        }
        NetworkPrediction atCritical = NetworkPrediction.of(Activation.RELU, pytorch, 1.0 / 32, 0, units(2, 64, 5), 1.0)
                .orElseThrow();
        assertEquals(1.0, atCritical.chi1(), 1e-9);
        // bounds ±0.04 hold Var(W) below 0.08²/12: σ_w² ≤ 0.034 never reaches 2, so there is no m_c
        InitSpec narrow = new InitSpec(InitScheme.TRUNC_NORMAL, 0.02, null, null, -0.04, 0.04);
        assertEquals(Double.NaN, NetworkPrediction.of(Activation.RELU, narrow, 1, 0, units(2, 64, 5), 1.0)
                .orElseThrow().criticalM());
        // cut to [−0.5, 1] the weights have mean 0.21 at m = 1: a layer's units share mean·Σ a, and the length map,
        // for i.i.d. zero-mean weights, would be off 29× by layer 2 of a linear 512-wide net; nothing is predicted
        InitSpec skewed = new InitSpec(InitScheme.TRUNC_NORMAL, 1, null, null, -0.5, 1);
        assertTrue(NetworkPrediction.of(Activation.LINEAR, skewed, 1, 0, units(2, 512, 3), 1.0).isEmpty());
        InitSpec symmetric = new InitSpec(InitScheme.TRUNC_NORMAL, 1, null, null, -1, 1);
        assertTrue(NetworkPrediction.of(Activation.LINEAR, symmetric, 1, 0, units(2, 512, 3), 1.0).isPresent());
        // a proportional scheme is unchanged: He's m_c for ReLU is 1
        InitSpec he = InitSpec.of(InitScheme.HE_NORMAL);
        assertEquals(1.0,
                NetworkPrediction.of(Activation.RELU, he, 3, 0, units(2, 64, 5), 1.0).orElseThrow().criticalM(), 1e-12);
    }
}
