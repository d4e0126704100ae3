package org.initsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.trace.LayerTrace;
import org.initsweep.core.trace.RunResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The article's 9-layer linear network of 2-unit layers with W = α·I: a^[l] = α^l·x, so
 * Var(a^[l]) = α^{2l}·Var(x), and the gradient shrinks or grows by α per layer on its way back:
 * Var(∂J/∂a^[l]) = α^{2(L-l)}·Var(∂J/∂a^[L]).
 */
class IdentityInitTest {

    @ParameterizedTest(name = "alpha = {0}")
    @ValueSource(doubles = {0.5, 1.0, 1.5})
    void signalScalesByAlphaPerLayer(double alpha) {
        RunSpec run = new RunSpec("identity", 9, 2, Activation.LINEAR, new InitSpec(InitScheme.IDENTITY_SCALED, alpha),
                Double.NaN, 0, DatasetKind.BLOBS, 3, 200, 0, 0.1, 200, List.of(0), Precision.FLOAT64);
        RunResult r = Trainer.train(run);
        List<LayerTrace> t = r.layers();
        double varX = r.inputVar();
        double gradL = t.get(8).varGradA();
        for (int l = 1; l <= 9; l++) {
            LayerTrace layer = t.get(l - 1);
            assertEquals(Math.pow(alpha, 2 * l) * varX, layer.varA(), 1e-12 * Math.pow(alpha, 2 * l), "Var(a^[" + l + "])");
            assertEquals(Math.pow(alpha, 2 * (9 - l)) * gradL, layer.varGradA(), 1e-12 * Math.pow(alpha, 2 * (9 - l)) * gradL,
                    "Var(dJ/da^[" + l + "])");
        }
    }
}
