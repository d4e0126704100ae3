package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.initsweep.core.UserInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kernel's tuning properties take only values the kernel has: 256- or 512-bit vectors. */
class KernelPropertiesTest {

    /** The suite's own setting (its second run measures 256-bit vectors), put back after each test. */
    private final String suite = System.getProperty(VectorGemm.BITS_PROPERTY);

    @AfterEach
    void restore() {
        if (suite == null) {
            System.clearProperty(VectorGemm.BITS_PROPERTY);
        } else {
            System.setProperty(VectorGemm.BITS_PROPERTY, suite);
        }
    }

    @Test
    void vectorBitsAreTwoFiftySixOrFiveTwelve() {
        System.clearProperty(VectorGemm.BITS_PROPERTY);
        assertEquals(512, Kernel.vectorBitsProperty(512), "unset: the CPU's width");
        System.setProperty(VectorGemm.BITS_PROPERTY, "256");
        assertEquals(256, Kernel.vectorBitsProperty(512));
        for (String bad : new String[] {"7", "0", "1024"}) {
            System.setProperty(VectorGemm.BITS_PROPERTY, bad);
            UserInputException e = assertThrows(UserInputException.class, () -> Kernel.vectorBitsProperty(512));
            assertEquals("-Dinitsweep.vectorBits must be one of 256, 512, got \"" + bad + "\"", e.getMessage());
        }
    }
}
