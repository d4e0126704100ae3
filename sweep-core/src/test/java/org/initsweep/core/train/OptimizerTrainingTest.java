package org.initsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.optim.Adam;
import org.initsweep.core.optim.Momentum;
import org.initsweep.core.optim.Optimizer;
import org.initsweep.core.optim.RmsProp;
import org.initsweep.core.optim.Sgd;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.Widths;
import org.initsweep.core.trace.RunResult;
import org.junit.jupiter.api.Test;

/** The trainer with each optimizer: the same initial weights, different steps. */
class OptimizerTrainingTest {

    private static RunSpec run(Optimizer o, double lr, Precision precision) {
        return new RunSpec("opt", 3, Widths.of(16), Activation.TANH, InitSpec.of(InitScheme.SCALED_NORMAL), 1.0, 0.0,
                DatasetKind.MOONS, 3, 128, 20, lr, 128, List.of(0, 20), precision, o);
    }

    @Test
    void adamsSignLikeStepsMoveFarFurtherThanSgdAtATinyLearningRate() {
        // η = 1e-4: an SGD step is η·g (g ≈ 0.01–0.1 per weight), an Adam step ≈ η per weight.
        RunResult sgd = Trainer.train(run(new Sgd(), 1e-4, Precision.FLOAT32));
        RunResult adam = Trainer.train(run(Adam.DEFAULTS, 1e-4, Precision.FLOAT32));
        double start = sgd.epochs().get(0).loss();
        assertEquals(start, adam.epochs().get(0).loss(), 0.0, "the same initial network");
        double sgdDrop = start - sgd.finalLoss();
        double adamDrop = start - adam.finalLoss();
        assertTrue(sgdDrop >= 0 && adamDrop > 5 * sgdDrop, "sgd " + sgdDrop + ", adam " + adamDrop);
    }

    @Test
    void momentumAdamAndRmspropTrainInBothPrecisionsAndAgree() {
        // RMSprop's first step is η/√(1 − α) per weight (v₁ = (1 − α)g²): 10η at α = 0.99, so a tenth of the others' η
        for (var c : List.of(Map.entry(new Momentum(0.9, true), 0.05), Map.entry(Adam.DEFAULTS, 0.05),
                Map.entry(new RmsProp(0.99, 1e-8, false), 0.005), Map.entry(new RmsProp(0.9, 1e-8, true), 0.005))) {
            Optimizer o = c.getKey();
            RunResult f32 = Trainer.train(run(o, c.getValue(), Precision.FLOAT32));
            RunResult f64 = Trainer.train(run(o, c.getValue(), Precision.FLOAT64));
            assertTrue(f32.finalLoss() < f32.epochs().get(0).loss(), o.label() + " learns");
            assertEquals(f64.finalLoss(), f32.finalLoss(), 1e-3, o.label() + ": float32 and float64 agree");
        }
    }
}
