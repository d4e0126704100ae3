package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A legend of many styled lines makes the image taller instead of squeezing the plot. */
class LegendHeightTest {

    private static int height(int settings, Path png) throws Exception {
        Map<String, List<SeedCost>> lines = new LinkedHashMap<>();
        Map<String, LineStyle> styles = new LinkedHashMap<>();
        for (int m = 0; m < 3; m++) {
            for (int s = 0; s < settings; s++) {
                String label = "m = " + (m + 1) + ", momentum(beta=0.9,nesterov) \u03b7 = 0.000" + (s + 1);
                lines.put(label, List.of(new SeedCost(1, new double[] {0.7, 0.6 - 0.01 * s, 0.5}, false)));
                styles.put(label, new LineStyle(m, 3, s));
            }
        }
        LossCurveChart.writeSeeds("t", lines, styles, 2, png);
        return ImageIO.read(png.toFile()).getHeight();
    }

    @Test
    void twoRowsKeepTheHeightAndMoreRowsAddTheirs(@TempDir Path tmp) throws Exception {
        assertEquals(LossCurveChart.HEIGHT, height(1, tmp.resolve("a.png")), "3 lines: one or two legend rows");
        int nine = height(9, tmp.resolve("b.png"));
        // 27 labels of ~45 characters, about two to a 900 px row: 13 or 14 rows, ≈ 23 px each
        assertTrue(nine > LossCurveChart.HEIGHT + 200 && nine < LossCurveChart.HEIGHT + 400, "height " + nine);
    }
}
