package org.initsweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tuning properties: the default when unset, the value when usable, one line naming key and value otherwise. */
class SystemPropertiesTest {

    private static final String KEY = "initsweep.test.property";

    @AfterEach
    void clear() {
        System.clearProperty(KEY);
    }

    @Test
    void integerIsTheDefaultWhenUnsetAndTheValueWhenGiven() {
        assertEquals(64, SystemProperties.integer(KEY, 64, 1));
        System.setProperty(KEY, " 4096 ");
        assertEquals(4096, SystemProperties.integer(KEY, 64, 1));
    }

    @Test
    void integerRefusesTextAndValuesBelowTheMinimum() {
        for (String bad : new String[] {"64k", "", "1.5", "0"}) {
            System.setProperty(KEY, bad);
            UserInputException e = assertThrows(UserInputException.class, () -> SystemProperties.integer(KEY, 64, 1));
            assertEquals("-D" + KEY + " must be an integer ≥ 1, got \"" + bad + "\"", e.getMessage());
        }
    }

    @Test
    void anIntPropertyRefusesWhatAnIntCannotHoldInsteadOfWrappingIt() {
        // 2³¹ would wrap to −2³¹ (and 2³² + 64 to 64): "every layer in the vector kernel" would quietly become "none"
        System.setProperty(KEY, "2147483647");
        assertEquals(Integer.MAX_VALUE, SystemProperties.intValue(KEY, 64, 0));
        for (String bad : new String[] {"2147483648", "4294967360", "-1"}) {
            System.setProperty(KEY, bad);
            UserInputException e = assertThrows(UserInputException.class, () -> SystemProperties.intValue(KEY, 64, 0));
            assertEquals("-D" + KEY + " must be an integer from 0 to 2147483647, got \"" + bad + "\"", e.getMessage());
        }
    }

    @Test
    void aPropertyNothingReadsIsRefusedWithTheClosestKnownOne() {
        // (the vector256 test execution sets initsweep.vectorBits)
        List<String> known = List.of("initsweep.kernel", "initsweep.javaMaxParams", "initsweep.vectorMaxParams",
                "initsweep.vectorBits");
        SystemProperties.refuseUnknown(known); // "initsweep.test.property" is unset here
        System.setProperty(KEY, "1");
        assertEquals("-D" + KEY + " is not a property initsweep reads; it reads initsweep.javaMaxParams,"
                + " initsweep.kernel, initsweep.vectorBits, initsweep.vectorMaxParams",
                assertThrows(UserInputException.class, () -> SystemProperties.refuseUnknown(known)).getMessage());
        SystemProperties.refuseUnknown(List.of(KEY, "initsweep.vectorBits"));
        System.clearProperty(KEY);
        System.setProperty("initsweep.javamaxparams", "64"); // the case of a key matters to the JVM
        try {
            assertEquals("-Dinitsweep.javamaxparams is not a property initsweep reads (did you mean"
                    + " 'initsweep.javaMaxParams'?)",
                    assertThrows(UserInputException.class, () -> SystemProperties.refuseUnknown(known)).getMessage());
        } finally {
            System.clearProperty("initsweep.javamaxparams");
        }
        System.setProperty("Initsweep.kernel", "blas"); // the prefix in another case is still meant for initsweep
        try {
            assertEquals("-DInitsweep.kernel is not a property initsweep reads (did you mean 'initsweep.kernel'?)",
                    assertThrows(UserInputException.class, () -> SystemProperties.refuseUnknown(known)).getMessage());
        } finally {
            System.clearProperty("Initsweep.kernel");
        }
    }

    @Test
    void everyPropertyNothingReadsIsNamedInOneLine() {
        // a second typo must not wait for the first one's fix and another refused run
        List<String> known = List.of("initsweep.kernel", "initsweep.vectorBits");
        System.setProperty("initsweep.kernal", "blas");
        System.setProperty("initsweep.vectorbits", "256");
        System.setProperty(KEY, "1");
        try {
            assertEquals("-Dinitsweep.kernal (did you mean 'initsweep.kernel'?), -Dinitsweep.test.property,"
                    + " -Dinitsweep.vectorbits (did you mean 'initsweep.vectorBits'?) are not properties initsweep"
                    + " reads; it reads initsweep.kernel, initsweep.vectorBits",
                    assertThrows(UserInputException.class, () -> SystemProperties.refuseUnknown(known)).getMessage());
            System.clearProperty(KEY);
            assertEquals("-Dinitsweep.kernal (did you mean 'initsweep.kernel'?), -Dinitsweep.vectorbits (did you mean"
                    + " 'initsweep.vectorBits'?) are not properties initsweep reads",
                    assertThrows(UserInputException.class, () -> SystemProperties.refuseUnknown(known)).getMessage());
        } finally {
            System.clearProperty("initsweep.kernal");
            System.clearProperty("initsweep.vectorbits");
        }
    }

    @Test
    void choiceIsCaseInsensitiveAndRefusesOtherText() {
        List<String> kernels = List.of("auto", "blas", "nd4j");
        assertEquals("auto", SystemProperties.choice(KEY, "auto", kernels));
        System.setProperty(KEY, "ND4J");
        assertEquals("nd4j", SystemProperties.choice(KEY, "auto", kernels));
        System.setProperty(KEY, "nd4jj");
        UserInputException e = assertThrows(UserInputException.class,
                () -> SystemProperties.choice(KEY, "auto", kernels));
        assertEquals("-D" + KEY + " must be one of auto, blas, nd4j, got \"nd4jj\"", e.getMessage());
    }
}
