package org.initsweep.analysis.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.initsweep.core.regime.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts drawn in a {@link ChartRendering} scope: the same bytes, written by {@code await}, failures in order. */
class ChartRenderingTest {

    @TempDir
    Path dir;

    private static Map<String, double[]> costs(int k) {
        Map<String, double[]> loss = new LinkedHashMap<>();
        for (int line = 0; line < 3; line++) {
            double[] c = new double[40];
            for (int e = 0; e < c.length; e++) {
                c[e] = 0.7 * Math.exp(-(line + 1) * (e + k) / 30.0);
            }
            loss.put("m = " + (line + 1), c);
        }
        return loss;
    }

    private static List<RegionCell> cells(int k) {
        List<RegionCell> cells = new ArrayList<>();
        double[] ms = {0.25, 0.5, 1, 2, 4};
        for (int depth : new int[] {2, 4, 8}) {
            for (double m : ms) {
                Regime r = m < 1 ? Regime.VANISHING : m > 1 + 0.1 * k ? Regime.EXPLODING : Regime.STABLE;
                cells.add(new RegionCell(depth, m, r, Math.log(m), Math.log(m), 2));
            }
        }
        return cells;
    }

    /** Six charts of two kinds, each drawn alone and then all in a scope of three threads: byte for byte. */
    @Test
    void chartsDrawnInAScopeAreTheBytesOfChartsDrawnAlone() throws IOException {
        Path alone = Files.createDirectories(dir.resolve("alone"));
        Path scoped = Files.createDirectories(dir.resolve("scoped"));
        for (int k = 0; k < 3; k++) {
            LossCurveChart.write("cost " + k, costs(k), alone.resolve("cost" + k + ".png"));
            RegimeHeatmapChart.write("regime " + k, cells(k), 1.0, alone.resolve("regime" + k + ".png"));
        }
        try (ChartRendering drawing = ChartRendering.open(3)) {
            for (int k = 0; k < 3; k++) {
                LossCurveChart.write("cost " + k, costs(k), scoped.resolve("cost" + k + ".png"));
                RegimeHeatmapChart.write("regime " + k, cells(k), 1.0, scoped.resolve("regime" + k + ".png"));
            }
            drawing.await();
        }
        for (int k = 0; k < 3; k++) {
            for (String name : List.of("cost" + k + ".png", "regime" + k + ".png")) {
                byte[] expected = Files.readAllBytes(alone.resolve(name));
                assertTrue(expected.length > 1000, name);
                assertArrayEquals(expected, Files.readAllBytes(scoped.resolve(name)), name);
            }
        }
    }

    /**
     * A chart whose folder is a file: outside a scope its {@code write} throws; in one, {@code write} returns
     * and {@code await} throws that chart's exception, the first of two failures, after drawing the rest.
     */
    @Test
    void aFailedChartIsThrownByAwaitFirstInWriteOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path other = Files.writeString(dir.resolve("neither"), "y");
        assertThrows(FileAlreadyExistsException.class,
                () -> LossCurveChart.write("t", costs(0), file.resolve("a.png")));
        FileAlreadyExistsException thrown;
        try (ChartRendering drawing = ChartRendering.open(2)) {
            LossCurveChart.write("t", costs(0), dir.resolve("before.png"));
            LossCurveChart.write("t", costs(0), file.resolve("a.png"));
            LossCurveChart.write("t", costs(0), other.resolve("b.png"));
            LossCurveChart.write("t", costs(1), dir.resolve("after.png"));
            thrown = assertThrows(FileAlreadyExistsException.class, drawing::await);
        }
        assertEquals(file.toString(), thrown.getFile());
        assertTrue(Files.size(dir.resolve("before.png")) > 1000);
        assertTrue(Files.size(dir.resolve("after.png")) > 1000);
    }

    /** After the scope is closed, charts are drawn before {@code write} returns again. */
    @Test
    void closingTheScopeDrawsSynchronouslyAgain() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        try (ChartRendering drawing = ChartRendering.open(1)) {
            drawing.await();
        }
        assertThrows(FileAlreadyExistsException.class,
                () -> LossCurveChart.write("t", costs(0), file.resolve("a.png")));
        LossCurveChart.write("t", costs(0), dir.resolve("now.png"));
        assertTrue(Files.size(dir.resolve("now.png")) > 1000);
    }

    /** An inner scope hands the thread back to the outer one when it closes. */
    @Test
    void aNestedScopeRestoresTheOuterOne() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        try (ChartRendering outer = ChartRendering.open(1)) {
            try (ChartRendering inner = ChartRendering.open(1)) {
                inner.await();
            }
            LossCurveChart.write("t", costs(0), file.resolve("a.png")); // the outer scope's now: no throw here
            assertFalse(Files.exists(file.resolve("a.png")));
            assertThrows(FileAlreadyExistsException.class, outer::await);
        }
    }

    @Test
    void aScopeNeedsAThread() {
        assertThrows(IllegalArgumentException.class, () -> ChartRendering.open(0));
    }
}
