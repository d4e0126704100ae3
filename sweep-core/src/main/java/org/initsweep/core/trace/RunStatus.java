package org.initsweep.core.trace;

import java.util.Locale;

/** How a run ended. */
public enum RunStatus {
    /** Trained for every epoch. */
    OK,
    /** Stopped at the first epoch whose cost or a layer became NaN/Inf; still a result. */
    DIVERGED;

    /** The label in result tables: {@code ok} or {@code diverged}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
