package org.initsweep.core.regime;

import java.util.Locale;

/** Whether a signal shrinks, keeps or grows its variance from layer to layer. */
public enum Regime {
    /** Variance shrinks geometrically with depth. */
    VANISHING,
    /** Variance changes by less than the threshold per layer. */
    STABLE,
    /** Variance grows geometrically with depth (or overflowed). */
    EXPLODING;

    /** The label in result tables: {@code vanishing}, {@code stable}, {@code exploding}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
