package org.initsweep.analysis.chart;

/**
 * One cell of a paired comparison of two init schemes, as {@link PairedDifferenceChart} draws it.
 *
 * @param depth the networks' depth L
 * @param label the line it belongs to (e.g. "m = 1")
 * @param mean  mean of d = J_a − J_b over the pairs, nats (NaN: no pair finished)
 * @param low   lower end of its 95% interval (NaN: none, e.g. one pair)
 * @param high  upper end of its 95% interval (NaN: none)
 * @param pairs pairs in the mean
 * @param aDiverged runs of scheme a that diverged (their pairs are not in the mean)
 * @param bDiverged runs of scheme b that diverged
 */
public record PairedDifference(int depth, String label, double mean, double low, double high, long pairs,
        long aDiverged, long bDiverged) {

    /** A cell where no run diverged. */
    public PairedDifference(int depth, String label, double mean, double low, double high, long pairs) {
        this(depth, label, mean, low, high, pairs, 0, 0);
    }
}
