package org.initsweep.analysis.chart;

import java.util.Objects;

/**
 * One run's cost per epoch, as {@link LossCurveChart} draws it beside the other seeds of its line.
 *
 * @param seed     the run's seed
 * @param loss     cost J after e epochs at index e (nats per example; NaN where not reached)
 * @param diverged whether the run stopped on a non-finite value (its last finite cost is marked ×)
 */
public record SeedCost(long seed, double[] loss, boolean diverged) {

    /** @throws NullPointerException if {@code loss} is null */
    public SeedCost {
        Objects.requireNonNull(loss, "loss");
    }

    /** Index of the last finite cost, or −1 if there is none. */
    public int lastFinite() {
        for (int i = loss.length - 1; i >= 0; i--) {
            if (Double.isFinite(loss[i])) {
                return i;
            }
        }
        return -1;
    }
}
