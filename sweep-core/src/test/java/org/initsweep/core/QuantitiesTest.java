package org.initsweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void pluralTakesAnSExceptForOne() {
        assertEquals("0 runs", Quantities.plural(0, "run"));
        assertEquals("1 run", Quantities.plural(1, "run"));
        assertEquals("540 runs", Quantities.plural(540, "run"));
    }

    @Test
    void bytesInTheLargestBinaryUnitThatLeavesAtLeastOne() {
        assertEquals("48 B", Quantities.bytes(48));
        assertEquals("1023 B", Quantities.bytes(1023));
        assertEquals("1.0 KiB", Quantities.bytes(1024));
        assertEquals("456.3 KiB", Quantities.bytes(456.3 * 1024));
        assertEquals("1024.0 KiB", Quantities.bytes(1024 * 1024 - 1), "rounds up within its unit");
        assertEquals("1.5 GiB", Quantities.bytes(1.5 * (1L << 30)));
        assertEquals("2048.0 PiB", Quantities.bytes(2048.0 * (1L << 50)), "the last unit holds the rest");
    }

    @Test
    void numbersWithAnExponentAreWrittenAsInJson() {
        assertEquals("1e7", Quantities.number(1e7));
        assertEquals("1e10", Quantities.number(1e10));
        assertEquals("-2.5e-5", Quantities.number(-2.5e-5));
        assertEquals("4.9e-324", Quantities.number(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e308", Quantities.number(Double.MAX_VALUE));
        assertEquals("1234567.0", Quantities.number(1234567), "below 10⁷ Java writes no exponent");
        assertEquals("0.001", Quantities.number(1e-3));
        assertEquals("-1.0", Quantities.number(-1));
        assertEquals(1e-300, Double.parseDouble(Quantities.number(1e-300)), "reads back to the same double");
    }
}
