package org.initsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.FanMode;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.optim.Sgd;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.Widths;
import org.initsweep.core.trace.LayerTrace;
import org.initsweep.core.trace.RunResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The article's §IV on a tapering linear network (hidden widths 256, 128, 64, 32), measured at
 * initialization: per layer Var(a^l) = n^[l-1]·Var(W_l)·Var(a^{l-1}) forward and
 * Var(∂J/∂a^{l-1}) = n^[l]·Var(W_l)·Var(∂J/∂a^l) backward. With Var(W_l) = 1/n (n the mode's fan),
 * from hidden layer 1 to 4: fan_in keeps Var(a) (factor 1) while Var(∂J/∂a) drifts by
 * ∏ n_l/n_{l-1} = 32/256; fan_out keeps Var(∂J/∂a) while Var(a) grows by 256/32; fan_avg (Glorot) splits
 * it, (4/3)³ forward and (2/3)³ backward. Mean of ln-ratios over seeds; tolerance 0.25 nats, well
 * inside the ln 8 = 2.08 that separates the modes (the finite-width spread of ln Var is about
 * Σ 1/n_l ≈ 0.06 per seed here: Hanin &amp; Nica 2019).
 */
class FanModePropagationTest {

    private static final int[] PROFILE = {256, 128, 64, 32};
    private static final int SEEDS = 4;

    @ParameterizedTest(name = "{0}: forward ×{1}, backward ×{2}")
    @CsvSource({"fan_in, 1, 0.125", "fan_out, 8, 1", "fan_avg, 2.3703703703703702, 0.2962962962962963"})
    void forwardAndBackwardDriftAsTheFansSay(String mode, double forward, double backward) {
        InitSpec init = InitSpec.of(InitScheme.LECUN_NORMAL).withMode(FanMode.fromSpecName(mode).orElseThrow());
        double lnForward = 0;
        double lnBackward = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            RunSpec run = new RunSpec("iv", PROFILE.length, Widths.profile(PROFILE), Activation.LINEAR, init, 1.0, 0.0,
                    DatasetKind.GAUSSIAN, seed, 1024, 0, 0.1, 1024, List.of(0), Precision.FLOAT64, new Sgd());
            RunResult r = Trainer.train(run);
            LayerTrace first = r.layers().get(0);
            LayerTrace last = r.layers().get(PROFILE.length - 1);
            assertEquals(1, first.layer());
            assertEquals(PROFILE[PROFILE.length - 1], last.fanOut());
            lnForward += Math.log(last.varA() / first.varA()) / SEEDS;
            lnBackward += Math.log(first.varGradA() / last.varGradA()) / SEEDS;
        }
        assertEquals(Math.log(forward), lnForward, 0.25, "ln Var(a^4)/Var(a^1)");
        assertEquals(Math.log(backward), lnBackward, 0.25, "ln Var(∂J/∂a^1)/Var(∂J/∂a^4)");
    }
}
