package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte-level number parser gives Double.parseDouble's value bit for bit, and refuses what is not a plain decimal. */
class NumberParserTest {

    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return NumberParser.parse(b, 0, b.length);
    }

    private static void same(String s) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s.strip())), Double.doubleToRawLongBits(parse(s)), s);
    }

    @Test
    void agreesWithParseDoubleOnEdgeCases() {
        for (String s : new String[] {"0", "-0", "+0", "0.0", "-0.0", "1", "-1", "3.0", "0.1", ".5", "5.", "-.5e3",
                "1e22", "1e23", "1e-22", "1e-23", "9007199254740991", "9007199254740992", "9007199254740993",
                "123456789012345678901234567890", "0.000000000000000000000000000001", "1.7976931348623157e308",
                "1e309", "-1e309", "4.9e-324", "2e-324", "  42 ", "\t7\t", "0001.2500", "1E5", "1e+05", "1e-05",
                "3.4028235e38", "3.4028236e38", "0.30000000000000004", "2.2250738585072014E-308"}) {
            same(s);
        }
    }

    @Test
    void agreesWithParseDoubleOnRandomDecimals() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            if (r.nextInt(4) == 0) {
                s.append(r.nextBoolean() ? '-' : '+');
            }
            int intDigits = r.nextInt(0, 20);
            for (int k = 0; k < intDigits; k++) {
                s.append((char) ('0' + r.nextInt(10)));
            }
            int fracDigits = r.nextInt(0, 20);
            if (fracDigits > 0 || intDigits == 0) {
                s.append('.');
                for (int k = 0; k < Math.max(fracDigits, intDigits == 0 ? 1 : 0); k++) {
                    s.append((char) ('0' + r.nextInt(10)));
                }
            }
            if (r.nextInt(3) == 0) {
                s.append(r.nextBoolean() ? 'e' : 'E').append(String.format(Locale.ROOT, "%d", r.nextInt(-40, 40)));
            }
            same(s.toString());
        }
    }

    @Test
    void refusesWhatIsNotAPlainDecimal() {
        for (String s : new String[] {"", " ", "-", "+", ".", "e5", "1e", "1e+", "abc", "1,5", "1.5.2", "NaN", "Infinity",
                "-Infinity", "0x1p3", "1d", "1f", "1_000", "--1", "1 2", "١"}) {
            assertTrue(Double.isNaN(parse(s)), s);
        }
        assertTrue(NumberParser.namesNonFinite(" NaN"));
        assertTrue(NumberParser.namesNonFinite("-inf"));
        assertTrue(NumberParser.namesNonFinite("+Infinity"));
        assertEquals(false, NumberParser.namesNonFinite("infinite"));
    }
}
