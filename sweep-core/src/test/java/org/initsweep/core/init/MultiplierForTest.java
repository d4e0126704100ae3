package org.initsweep.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The sweep multiplier at which a layer reaches a σ_w² = fan_in·Var(W): what turns theory's m_c, given in
 * σ_w², into the sweep's m. Proportional schemes divide; trunc_normal, whose bounds stay put as m grows,
 * is solved for.
 */
class MultiplierForTest {

    @Test
    void aProportionalSchemeDividesByItsSigmaW2AtMOne() {
        assertTrue(InitSpec.of(InitScheme.HE_NORMAL).proportionalToMultiplier());
        assertEquals(1.0, InitSpec.of(InitScheme.HE_NORMAL).multiplierFor(64, 64, 2.0), 1e-15);
        // Glorot from 128 to 32 units: σ_w² = 2m·128/160 = 1.6m
        assertEquals(1.0, InitSpec.of(InitScheme.GLOROT_NORMAL).multiplierFor(128, 32, 1.6), 1e-15);
        assertEquals(3.0, InitSpec.of(InitScheme.UNIFORM_FAN_IN).multiplierFor(16, 16, 1.0), 1e-15);
    }

    @Test
    void truncNormalIsSolvedForWhereItsBoundsBendTheVariance() {
        InitSpec pytorch = InitSpec.of(InitScheme.TRUNC_NORMAL); // std 1, [−2, 2]
        assertFalse(pytorch.proportionalToMultiplier());
        // at σ = 1/8 the bounds sit 16σ out: Var(W) = m to 1e-50, so σ_w² = 1 at fan_in 64 needs m = 1/64
        assertEquals(1.0 / 64, pytorch.multiplierFor(64, 64, 1.0), 1e-11 / 64);
        // further up the bounds bite: the m found gives the σ_w² asked for, above the uncut m = σ_w²/64
        for (double sigmaW2 : new double[] {30, 60, 85}) {
            double m = pytorch.multiplierFor(64, 64, sigmaW2);
            assertEquals(sigmaW2, pytorch.effectiveMultiplier(64, 64, m), 1e-9 * sigmaW2);
            assertTrue(m > sigmaW2 / 64, sigmaW2 + ": " + m);
        }
        // the cut law's variance never reaches the uniform's (b − a)²/12 = 4/3 per fan_in: 64·4/3 = 85.33
        assertEquals(Double.NaN, pytorch.multiplierFor(64, 64, 64 * 4.0 / 3));
        InitSpec narrow = new InitSpec(InitScheme.TRUNC_NORMAL, 0.02, null, null, -0.04, 0.04);
        assertEquals(Double.NaN, narrow.multiplierFor(64, 64, 2.0)); // 64·0.08²/12 = 0.034 at most
    }

    @Test
    void aFixedSchemeOrAnImpossibleSigmaW2HasNone() {
        assertEquals(Double.NaN, InitSpec.of(InitScheme.ZERO).multiplierFor(8, 8, 1.0));
        assertEquals(Double.NaN, InitSpec.of(InitScheme.HE_NORMAL).multiplierFor(8, 8, Double.NaN));
        assertEquals(Double.NaN, InitSpec.of(InitScheme.HE_NORMAL).multiplierFor(8, 8, 0));
        assertEquals(Double.NaN, InitSpec.of(InitScheme.TRUNC_NORMAL).multiplierFor(8, 8, Double.POSITIVE_INFINITY));
    }
}
