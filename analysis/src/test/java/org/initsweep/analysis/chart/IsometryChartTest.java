package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a log axis cannot show is said: orthogonal weights on a linear net are predicted exactly 0. */
class IsometryChartTest {

    @Test
    void aPredictedZeroIsNamedNotSilentlyDropped() {
        Map<String, IsometryChart.Line> lines = new LinkedHashMap<>();
        lines.put("scaled_normal", new IsometryChart.Line(new int[] {10, 20}, new double[] {9.5, 21}, new double[] {10, 20}));
        lines.put("orthogonal", new IsometryChart.Line(new int[] {10, 20}, new double[] {1e-14, 2e-14}, new double[] {0, 0}));
        List<String> notes = ChartTestSupport.subtitles(IsometryChart.createChart("t", lines));
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("2 predicted values left out: 0 (an exact isometry)")),
                notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("Σ_l (μ₂/μ₁² − 1 − s₁) at each layer's q^l")), notes.toString());
    }
}
