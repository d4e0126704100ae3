package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ETA counts down between finished tasks instead of growing while none finishes. */
class EtaTest {

    private static final long S = 1_000_000_000L;

    @Test
    void countsDownWhileNoTaskFinishesAndIsUnknownOnceItRunsOut() {
        Eta eta = new Eta(100, 0);
        assertTrue(Double.isNaN(eta.secondsLeft(5 * S)), "unknown before any run is done");
        eta.observe(20, 10 * S); // 2 runs/s: 80 runs in 40 s
        assertEquals(2.0, eta.rate(), 1e-12);
        assertEquals(40.0, eta.secondsLeft(10 * S), 1e-9);
        eta.observe(20, 25 * S); // nothing finished for 15 s
        assertEquals(25.0, eta.secondsLeft(25 * S), 1e-9);
        assertEquals(2.0, eta.rate(), 1e-12, "the rate of the last finish, not diluted by the wait");
        assertTrue(Double.isNaN(eta.secondsLeft(51 * S)), "ran out before the next finish");
        eta.observe(60, 40 * S); // 60 runs in 40 s: 1.5 runs/s, 40 left
        assertEquals(40 / 1.5, eta.secondsLeft(40 * S), 1e-9);
    }

    @Test
    void countsNeverGoDown() {
        Eta eta = new Eta(10, 0);
        eta.observe(5, 5 * S);
        eta.observe(3, 6 * S);
        assertEquals(5.0, eta.secondsLeft(5 * S), 1e-9);
    }
}
