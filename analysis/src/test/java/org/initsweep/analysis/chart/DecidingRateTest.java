package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.initsweep.core.regime.Regime;
import org.junit.jupiter.api.Test;

/** The number printed in a heatmap cell is the rate that decided its regime. */
class DecidingRateTest {

    @Test
    void theLargerMagnitudeWinsAndNaNForwardIsOverflow() {
        // tanh at m = 4: forward saturates (0.00), backward explodes (+0.30): the cell reads +0.30.
        assertEquals(0.30, RegimeHeatmapChart.decidingRate(new RegionCell(20, 4, Regime.EXPLODING, 0.0, 0.30, 2)));
        assertEquals(-1.2, RegimeHeatmapChart.decidingRate(new RegionCell(20, 0.25, Regime.VANISHING, -1.2, -0.9, 2)));
        assertEquals(0.1, RegimeHeatmapChart.decidingRate(new RegionCell(1, 1, Regime.STABLE, 0.1, Double.NaN, 2)),
                "one hidden layer: no backward rate");
        assertEquals(Double.POSITIVE_INFINITY,
                RegimeHeatmapChart.decidingRate(new RegionCell(50, 4, Regime.EXPLODING, Double.NaN, 0.5, 2)));
    }
}
