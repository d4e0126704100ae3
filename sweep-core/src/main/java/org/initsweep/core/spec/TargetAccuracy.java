package org.initsweep.core.spec;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spec's {@code target_accuracy}: the accuracy, a fraction in (0, 1], at or above which a grid cell
 * counts as trained in {@code trainability/}. One number for every dataset ({@code 0.9}), or one per
 * dataset name ({@code {"digits": 0.85, "xor": 0.95}}); a dataset the object leaves out, like every dataset
 * of a spec without the field, gets the analysis's default (0.9 × the best cell of that dataset).
 *
 * @param all       the target of every dataset, or null (per dataset)
 * @param byDataset dataset name ({@code runs.dataset}) → target; empty when {@code all} is set
 */
public record TargetAccuracy(Double all, Map<String, Double> byDataset) implements Serializable {

    /** Copies the map, keeping its order; exactly one of the two forms. */
    public TargetAccuracy {
        byDataset = Collections.unmodifiableMap(new LinkedHashMap<>(byDataset));
        if ((all == null) == byDataset.isEmpty()) {
            throw new IllegalArgumentException("one target for all datasets or targets by dataset, not "
                    + (all == null ? "neither" : "both"));
        }
    }

    /** One target for every dataset. */
    public static TargetAccuracy of(double all) {
        return new TargetAccuracy(all, Map.of());
    }

    /** Targets for the datasets named; the others get the default. */
    public static TargetAccuracy byDataset(Map<String, Double> targets) {
        return new TargetAccuracy(null, targets);
    }

    /** The target the spec sets for a dataset, or null where the default applies. */
    public Double of(String dataset) {
        return all != null ? all : byDataset.get(dataset);
    }
}
