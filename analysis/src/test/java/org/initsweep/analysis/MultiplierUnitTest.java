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
        // trunc_normal's bounds stay put as m grows: σ_w² = 64·Var(cut N(0, m)) is no unit times m
        assertTrue(Double.isNaN(ChartGroup.multiplierUnit("trunc_normal", 64, null)));
    }

    @Test
    void theMultiplierOfASigmaW2DividesByTheUnitOrSolvesTruncNormalsCut() {
        assertEquals(0.5, ChartGroup.multiplierAt("he_normal", 64, null, 1.0), 0);
        assertEquals(0.75, ChartGroup.multiplierAt("glorot_normal", null, "[64,32,16]", 1.0), 1e-15);
        // std 1 cut at ±2: at σ_w² = 2 (Var(W) = 1/32, σ = 0.18) the cut is 11σ out: m = 1/32
        assertEquals(1.0 / 32, ChartGroup.multiplierAt("trunc_normal", 64, null, 2.0), 1e-13);
        // at σ_w² = 64 (Var(W) = 1 would need the uncut law) the cut law needs a wider normal: m > 1
        double m = ChartGroup.multiplierAt("trunc_normal", 64, null, 64.0);
        assertEquals(64.0, 64 * org.initsweep.core.init.InitSpec.fromLabel("trunc_normal").variance(64, 64, m), 1e-9);
        assertTrue(m > 1, "m = " + m);
        assertTrue(Double.isNaN(ChartGroup.multiplierAt("trunc_normal", null, "[64,32]", 2.0)), "fans differ");
        assertTrue(Double.isNaN(ChartGroup.multiplierAt("zero", 64, null, 2.0)));
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
