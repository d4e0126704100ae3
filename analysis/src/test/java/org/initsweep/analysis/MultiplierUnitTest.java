package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** fan_in·Var(W) at m = 1 per init scheme, what the heatmaps' m axis states (README's scheme table). */
class MultiplierUnitTest {

    @Test
    void unitIsTheSchemesFanInTimesVarianceAtMOne() {
        assertEquals(1, ChartGroup.multiplierUnit("scaled_normal", 64), 0);
        assertEquals(1, ChartGroup.multiplierUnit("lecun_normal", 64), 0);
        assertEquals(2, ChartGroup.multiplierUnit("he_normal", 64), 0);
        assertEquals(2, ChartGroup.multiplierUnit("he_uniform", 64), 1e-15);
        assertEquals(1.0 / 3, ChartGroup.multiplierUnit("uniform_fan_in", 64), 1e-15);
        assertEquals(256, ChartGroup.multiplierUnit("standard_normal", 256), 0);
        // Glorot: 2·fan_in/(fan_in + fan_out) = 1 at equal widths
        assertEquals(1, ChartGroup.multiplierUnit("glorot_normal", 64), 1e-15);
    }

    @Test
    void noUnitWhereTheSchemeHasNoSingleOne() {
        assertTrue(Double.isNaN(ChartGroup.multiplierUnit("zero", 64)), "fixed scheme");
        assertTrue(Double.isNaN(ChartGroup.multiplierUnit("glorot_normal", null)), "a profile's fans differ");
        assertTrue(Double.isNaN(ChartGroup.multiplierUnit("standard_normal", null)));
        assertEquals(2, ChartGroup.multiplierUnit("he_normal", null), 0, "fan_in scaling: the same in a profile");
        assertTrue(Double.isNaN(ChartGroup.multiplierUnit("no_such_scheme", 64)));
    }
}
