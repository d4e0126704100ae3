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
 */
public record PairedDifference(int depth, String label, double mean, double low, double high, long pairs) {
}
