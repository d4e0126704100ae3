package org.initsweep.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** t₀.₉₇₅ against Abramowitz & Stegun's Table 26.10 and the normal limit. */
class StudentTTest {

    @Test
    void matchesTheTableAndTendsToTheNormalQuantile() {
        assertEquals(12.706, StudentT.quantile975(1), 0);
        assertEquals(2.228, StudentT.quantile975(10), 0);
        assertEquals(2.201, StudentT.quantile975(11), 2e-3);
        assertEquals(2.086, StudentT.quantile975(20), 1e-3);
        assertEquals(2.042, StudentT.quantile975(30), 1e-3);
        assertEquals(2.000, StudentT.quantile975(60), 1e-3);
        assertEquals(1.980, StudentT.quantile975(120), 1e-3);
        assertEquals(1.959964, StudentT.quantile975(1_000_000), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile975(0));
    }
}
