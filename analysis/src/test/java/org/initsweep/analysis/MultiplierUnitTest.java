package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** fan_in·Var(W) at m = 1 per init scheme, what the heatmaps' m axis states (README's scheme table). */
class MultiplierUnitTest {

    @Test
    void unitIsTheSchemesFanInTimesVarianceAtMOne() {
        assertEquals(1, ChartGroup.multiplierUnit("scaled_normal", 64, null), 0);
        assertEquals(1, ChartGroup.multiplierUnit("lecun_normal", 64, null), 0);
        assertEquals(2, ChartGroup.multiplierUnit("he_normal", 64, null), 0);
        assertEquals(2, ChartGroup.multiplierUnit("he_uniform", 64, null), 1e-15);
        assertEquals(1.0 / 3, ChartGroup.multiplierUnit("uniform_fan_in", 64, null), 1e-15);
        assertEquals(256, ChartGroup.multiplierUnit("standard_normal", 256, null), 0);
        // Glorot: 2·fan_in/(fan_in + fan_out) = 1 at equal widths
        assertEquals(1, ChartGroup.multiplierUnit("glorot_normal", 64, null), 1e-15);
    }

    @Test
    void noUnitWhereTheSchemeHasNoSingleOne() {
        assertTrue(Double.isNaN(ChartGroup.multiplierUnit("zero", 64, null)), "fixed scheme");
        assertTrue(Double.isNaN(ChartGroup.multiplierUnit("glorot_normal", null, null)), "a profile's fans differ");
        assertTrue(Double.isNaN(ChartGroup.multiplierUnit("standard_normal", null, null)));
        assertEquals(2, ChartGroup.multiplierUnit("he_normal", null, null), 0, "fan_in scaling: the same in a profile");
        assertTrue(Double.isNaN(ChartGroup.multiplierUnit("no_such_scheme", 64, null)));
    }

    @Test
    void aProfilesUnitIsWhatItsHiddenLayersShare() {
        // halving 64 → 32 → 16: Glorot 2·fan_in/(fan_in + fan_out) = 2·2/3 = 4/3 at every hidden layer
        // (the group's own profile, as its trainability theory takes σ_w²); 64 → 32 → 32 has 4/3 then 1
        assertEquals(4.0 / 3, group("glorot_normal", "[64,32,16]").multiplierUnit(), 1e-15);
        assertTrue(Double.isNaN(group("glorot_normal", "[64,32,32]").multiplierUnit()));
        assertEquals(2, group("he_normal", "[64,32,16]").multiplierUnit(), 0);
        assertEquals(1, group("glorot_normal", "[32]").multiplierUnit(), 1e-15, "one layer: as width 32");
        assertTrue(Double.isNaN(group("zero", "[64,32,16]").multiplierUnit()), "fixed scheme");
        assertEquals(1, new ChartGroup("tanh", "glorot_normal", 64, null, 0.0, "gaussian").multiplierUnit(), 1e-15);
    }

    private static ChartGroup group(String init, String profile) {
        return new ChartGroup("tanh", init, null, profile, 0.0, "gaussian");
    }
}
