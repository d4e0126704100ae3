package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A width entry's label, as the result tables hold it, read back. */
class WidthsTest {

    @Test
    void labelsReadBackAsTheirEntries() {
        for (Widths w : new Widths[] {Widths.of(64), Widths.profile(512, 256, 128), Widths.profile(32)}) {
            assertEquals(w, Widths.fromLabel(w.label()), w.label());
        }
        assertArrayEquals(new int[] {512, 256, 128}, Widths.fromLabel(" [512, 256,128] ").profile());
        assertThrows(IllegalArgumentException.class, () -> Widths.fromLabel("[512,x]"));
        assertThrows(IllegalArgumentException.class, () -> Widths.fromLabel("[0]"));
        assertThrows(IllegalArgumentException.class, () -> Widths.fromLabel(""));
    }
}
