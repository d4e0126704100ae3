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

    /**
     * The regime of a {@link #label()}, whatever the JVM's default locale (under {@code tr-TR},
     * {@code "vanishing".toUpperCase()} is {@code VANİSHİNG}, which no constant is named).
     *
     * @throws IllegalArgumentException if the text is not a label
     */
    public static Regime fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
