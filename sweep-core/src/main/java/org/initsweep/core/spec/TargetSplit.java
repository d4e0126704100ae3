package org.initsweep.core.spec;

import java.util.Locale;
import java.util.Optional;

/**
 * The split whose accuracy decides whether a grid cell "trained" in {@code trainability/}
 * (spec field {@code target_split}).
 *
 * <p>{@link #TEST} asks whether the network learned something that holds beyond its training set;
 * {@link #TRAIN} asks only whether optimization succeeded, the question of trainability as
 * Schoenholz et al. (2017) pose it. The two differ on the chaotic side, where deep networks fit the
 * training set but generalize worse.
 */
public enum TargetSplit {
    /** Final accuracy on the training split ({@code runs.final_accuracy}, {@code epochs.accuracy}). */
    TRAIN,
    /** Final accuracy on the test split ({@code runs.final_test_accuracy}, {@code epochs.test_accuracy}). */
    TEST;

    /** The spec and table name: {@code train} or {@code test}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What charts and the report call its accuracy: {@code train accuracy} or {@code test accuracy}. */
    public String accuracyLabel() {
        return specName() + " accuracy";
    }

    /** The split of a spec name, empty for any other text. */
    public static Optional<TargetSplit> fromSpecName(String name) {
        for (TargetSplit s : values()) {
            if (s.specName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
