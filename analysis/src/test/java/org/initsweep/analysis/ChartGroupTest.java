package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A chart group's shape in names: a width, a profile, and a profile of one layer beside that width. */
class ChartGroupTest {

    private static ChartGroup group(Integer width, String profile) {
        return new ChartGroup("tanh", "lecun_normal", width, profile, 0.0, "digits");
    }

    @Test
    void aProfileOfOneLayerIsNamedApartFromTheConstantWidth() {
        assertEquals("32", group(32, null).shapeText());
        assertEquals("512-256-128", group(null, "[512,256,128]").shapeText());
        assertEquals("[32]", group(null, "[32]").shapeText());
        assertEquals("tanh_lecun_normal_w32_sb0.0_digits", group(32, null).fileStem());
        assertEquals("tanh_lecun_normal_w_32__sb0.0_digits", group(null, "[32]").fileStem(),
                "two groups of one sweep, so two charts");
        assertEquals("tanh_lecun_normal_w512-256-128_sb0.0_digits", group(null, "[512,256,128]").fileStem());
    }
}
