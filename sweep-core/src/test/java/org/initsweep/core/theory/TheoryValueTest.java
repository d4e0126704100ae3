package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.initsweep.core.theory.TheoryValue.Status;
import org.junit.jupiter.api.Test;

/** A predicted value always comes with its reason; the pairs that would contradict are refused. */
class TheoryValueTest {

    @Test
    void statusAndValueMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> new TheoryValue(Double.NaN, Status.FINITE));
        assertThrows(IllegalArgumentException.class, () -> new TheoryValue(Double.POSITIVE_INFINITY, Status.FINITE));
        assertThrows(IllegalArgumentException.class, () -> new TheoryValue(3, Status.DIVERGENT));
        assertThrows(IllegalArgumentException.class, () -> new TheoryValue(3, Status.NO_FIXED_POINT));
        assertThrows(IllegalArgumentException.class, () -> new TheoryValue(3, null));
    }

    @Test
    void scalingKeepsTheReason() {
        assertEquals(12, TheoryValue.finite(2).times(6).value(), 0);
        TheoryValue divergent = TheoryValue.divergent();
        assertSame(divergent, divergent.times(6));
        assertEquals(Status.NO_FIXED_POINT, TheoryValue.noFixedPoint().times(6).status());
        assertThrows(IllegalArgumentException.class, () -> TheoryValue.finite(1).times(0));
    }

    @Test
    void labelsAndDescriptionsAreLocaleIndependent() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("finite", Status.FINITE.label());
            assertEquals("no_fixed_point", Status.NO_FIXED_POINT.label());
            assertEquals("divergent", Status.DIVERGENT.label());
            assertEquals("1.50000", TheoryValue.finite(1.5).describe());
            assertTrue(TheoryValue.noFixedPoint().describe().contains("no fixed point"));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
