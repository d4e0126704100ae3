package org.initsweep.core.optim;

/**
 * A spec field of an optimizer ({@code {"name": "adam", "beta2": 0.99}}): its name, the values it
 * accepts and its default. Flags are held as 0 (false) and 1 (true), so that every optimizer's
 * hyperparameters travel as one {@code double[]} in {@link Optimizers.Entry}'s order.
 *
 * @param name  spec field name
 * @param range the values it accepts
 * @param dflt  its value when the spec leaves it out (a flag: 0 or 1)
 */
public record Hyperparameter(String name, Range range, double dflt) {

    /** What a hyperparameter accepts, with the words a spec error uses for it. */
    public enum Range {
        /** A decay rate β ∈ [0, 1). */
        FRACTION("must be in [0, 1)"),
        /** A positive, finite number (ε). */
        POSITIVE("must be > 0 and finite"),
        /** true or false. */
        FLAG("must be true or false");

        private final String requirement;

        Range(String requirement) {
            this.requirement = requirement;
        }

        /** The error text's requirement, e.g. {@code must be in [0, 1)}. */
        public String requirement() {
            return requirement;
        }

        /** Whether a number is in range (a flag accepts 0 and 1). */
        public boolean accepts(double v) {
            return switch (this) {
                case FRACTION -> v >= 0 && v < 1;
                case POSITIVE -> v > 0 && Double.isFinite(v);
                case FLAG -> v == 0 || v == 1;
            };
        }
    }

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the default is outside the range
     * @throws NullPointerException     if the name or range is null
     */
    public Hyperparameter {
        if (name == null || range == null) {
            throw new NullPointerException("name and range must not be null");
        }
        if (!range.accepts(dflt)) {
            throw new IllegalArgumentException(name + ": default " + dflt + " " + range.requirement());
        }
    }
}
