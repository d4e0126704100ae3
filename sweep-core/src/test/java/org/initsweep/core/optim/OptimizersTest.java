package org.initsweep.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The optimizer table the spec reader and writer work from: every entry builds the optimizer its name
 * says, with PyTorch's defaults, and gives back the values it was built from (the writer's round trip).
 */
class OptimizersTest {

    @Test
    void everyEntryBuildsItsOwnOptimizerWithItsDefaults() {
        assertEquals(List.of("sgd", "momentum", "adam", "rmsprop"), Optimizers.names());
        for (String name : Optimizers.names()) {
            Optimizers.Entry e = Optimizers.byName(name).orElseThrow();
            double[] defaults = e.parameters().stream().mapToDouble(Hyperparameter::dflt).toArray();
            Optimizer o = e.create(defaults);
            assertEquals(name, o.name());
            assertArrayEquals(defaults, o.hyperparameters(), 0, name);
            assertEquals(o, e.create(o.hyperparameters()), name + " round trip");
        }
        assertEquals(new Momentum(0.9, false), Optimizers.byName("momentum").orElseThrow().create(0.9, 0));
        assertEquals(Adam.DEFAULTS, Optimizers.byName("adam").orElseThrow().create(0.9, 0.999, 1e-8));
        assertEquals(new RmsProp(0.99, 1e-8, false), Optimizers.byName("rmsprop").orElseThrow().create(0.99, 1e-8, 0));
        assertEquals(new Sgd(), Optimizers.DEFAULT);
    }

    @Test
    void valuesRoundTripThroughTheEntry() {
        Optimizer nesterov = Optimizers.byName("momentum").orElseThrow().create(0.5, 1);
        assertEquals(new Momentum(0.5, true), nesterov);
        assertArrayEquals(new double[] {0.5, 1}, nesterov.hyperparameters(), 0);
        Optimizer adam = Optimizers.byName("adam").orElseThrow().create(0.8, 0.99, 1e-7);
        assertArrayEquals(new double[] {0.8, 0.99, 1e-7}, adam.hyperparameters(), 0);
        assertEquals(List.of("name", "beta1", "beta2", "eps"), Optimizers.byName("adam").orElseThrow().fields());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.byName("adam").orElseThrow().create(0.9));
        assertFalse(Optimizers.byName("adamw").isPresent());
        assertEquals("sgd, momentum (beta, nesterov), adam (beta1, beta2, eps), rmsprop (alpha, eps, centered)",
                Optimizers.describe());
    }

    @Test
    void rangesAcceptWhatTheUpdateRulesAccept() {
        assertTrue(Hyperparameter.Range.FRACTION.accepts(0) && !Hyperparameter.Range.FRACTION.accepts(1)
                && !Hyperparameter.Range.FRACTION.accepts(-1e-9) && !Hyperparameter.Range.FRACTION.accepts(Double.NaN));
        assertTrue(Hyperparameter.Range.POSITIVE.accepts(1e-300) && !Hyperparameter.Range.POSITIVE.accepts(0)
                && !Hyperparameter.Range.POSITIVE.accepts(Double.POSITIVE_INFINITY));
        assertTrue(Hyperparameter.Range.FLAG.accepts(0) && Hyperparameter.Range.FLAG.accepts(1)
                && !Hyperparameter.Range.FLAG.accepts(0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new Hyperparameter("beta", Hyperparameter.Range.FRACTION, 1));
    }

    @Test
    void anEntryRefusesAValueOutOfItsRangeRatherThanRoundIt() {
        Optimizers.Entry momentum = Optimizers.byName("momentum").orElseThrow();
        // 0.5 is no flag: without the check it became nesterov = true
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> momentum.create(0.9, 0.5));
        assertEquals("momentum: nesterov must be true or false, got 0.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> momentum.create(1.0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Optimizers.byName("adam").orElseThrow().create(0.9, 0.999, 0));
        assertEquals(new Momentum(0.9, true), momentum.create(0.9, 1));
    }
}
