package org.initsweep.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The σ_w² = fan_in·Var(W) a width profile's hidden-to-hidden layers share, by hand from each scheme's
 * Var(W): fan_in schemes keep it whatever the widths; Glorot's 2/(fan_in + fan_out) and fan_out modes
 * keep it only where every layer shrinks (or grows) by one ratio.
 */
class SharedMultiplierTest {

    private static final int[] HALVING = {512, 256, 128};

    @Test
    void fanInSchemesShareMOrTwoMOnAnyProfile() {
        assertEquals(1.5, InitSpec.fromLabel("lecun_normal").sharedMultiplier(new int[] {512, 100, 37}, 1.5), 1e-15);
        assertEquals(3.0, InitSpec.fromLabel("he_normal").sharedMultiplier(new int[] {512, 100, 37}, 1.5), 1e-15);
    }

    @Test
    void glorotAndFanOutShareAValueOnlyWhereTheRatioIsOne() {
        // Glorot: fan_in·2/(fan_in + fan_out) = 2·2n/(2n + n) = 4/3 per unit m at every halving layer
        assertEquals(4.0 / 3 * 0.9, InitSpec.fromLabel("glorot_normal").sharedMultiplier(HALVING, 0.9), 1e-15);
        // He with mode fan_out: fan_in·2/fan_out = 4 per unit m
        assertEquals(4.0, InitSpec.fromLabel("he_normal(mode=fan_out)").sharedMultiplier(HALVING, 1.0), 1e-15);
        // 512 → 256 (4/3) then 256 → 256 (1): none shared
        assertTrue(Double.isNaN(InitSpec.fromLabel("glorot_normal").sharedMultiplier(new int[] {512, 256, 256}, 1.0)));
    }

    @Test
    void aProfileOfOneLayerIsItsConstantWidth() {
        assertEquals(1.0, InitSpec.fromLabel("glorot_normal").sharedMultiplier(new int[] {32}, 1.0), 1e-15);
        assertTrue(Double.isNaN(InitSpec.fromLabel("zero").sharedMultiplier(HALVING, 1.0)), "a fixed scheme has none");
        assertThrows(IllegalArgumentException.class, () -> InitSpec.fromLabel("lecun_normal").sharedMultiplier(new int[0], 1));
    }
}
