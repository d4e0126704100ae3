package org.initsweep.core.spec;

import java.util.Locale;

/** Floating-point precision of a run's ND4J arrays: float32 (default, fast) or float64 (theory checks). */
public enum Precision {
    FLOAT32,
    FLOAT64;

    /** The spec name: {@code float32} or {@code float64}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
