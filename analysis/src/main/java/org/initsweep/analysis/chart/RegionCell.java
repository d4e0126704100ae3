package org.initsweep.analysis.chart;

import org.initsweep.core.regime.Regime;

/**
 * One cell of a regime heatmap: a (depth, multiplier) point of one chart, averaged over seeds.
 *
 * @param depth        hidden layers L
 * @param multiplier   m = fan_in·Var(W)
 * @param regime       measured regime
 * @param forwardRate  forward growth, nats per layer (may be ±∞)
 * @param backwardRate backward growth, nats per layer (NaN if undefined)
 * @param runs         runs averaged into the cell
 */
public record RegionCell(int depth, double multiplier, Regime regime, double forwardRate, double backwardRate,
        int runs) {
}
