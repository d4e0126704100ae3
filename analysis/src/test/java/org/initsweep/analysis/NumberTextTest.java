package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void wholeNumbersHaveNoDecimals() {
        assertEquals("2", NumberText.of(2.0));
        assertEquals("-3", NumberText.of(-3.0));
        assertEquals("0", NumberText.of(0.0));
        assertEquals("20", NumberText.of(20.0));
        assertEquals("10000000", NumberText.of(1e7));
        assertEquals("999999999999999", NumberText.of(999_999_999_999_999.0));
    }

    @Test
    void fractionsKeepEveryDigitWithoutExponentUpToSixDecimals() {
        assertEquals("0.5", NumberText.of(0.5));
        assertEquals("0.0001", NumberText.of(1e-4));
        assertEquals("0.000125", NumberText.of(1.25e-4));
        assertEquals("1.4142135623730951", NumberText.of(Math.sqrt(2)));
    }

    @Test
    void beyondThatJavasForm() {
        assertEquals("1.0E-8", NumberText.of(1e-8));
        // a learning rate of 1e308 wrote 309 digits into a chart's file name, past the 255 a name may hold
        assertEquals("1.0E308", NumberText.of(1e308));
        assertEquals("1.0E15", NumberText.of(1e15));
        assertEquals("NaN", NumberText.of(Double.NaN));
        assertEquals("Infinity", NumberText.of(Double.POSITIVE_INFINITY));
    }
}
