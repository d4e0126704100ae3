package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.initsweep.analysis.chart.LineStyle;
import org.junit.jupiter.api.Test;

/** The compare_cost lines' styles: colour by m in ascending order, dashes by init in order of appearance. */
class CompareChartsTest {

    private static final StructType SCHEMA = new StructType()
            .add("init", DataTypes.StringType).add("multiplier", DataTypes.DoubleType, true);

    private static Row row(String init, Double m) {
        return new GenericRowWithSchema(new Object[] {init, m}, SCHEMA);
    }

    private static final StructType SHAPED = SCHEMA.add("width", DataTypes.IntegerType, true)
            .add("profile", DataTypes.StringType, true);

    private static RunIndex.Run run(String init, int width, int depth, Double m) {
        return new RunIndex.Run(init + width + depth + m, new ChartGroup("tanh", init, width, null, 0.0, "gaussian"),
                depth, m, new TrainingSetting("sgd", 0.1), 1, "ok", 1, 2, 0);
    }

    @Test
    void linesAreInSqlsOrderOfInitMultiplierAndEpoch() {
        StructType schema = SCHEMA.add("epoch", DataTypes.IntegerType);
        java.util.function.BiFunction<Object[], Integer, Row> r = (v, e) -> new GenericRowWithSchema(
                new Object[] {v[0], v[1], e}, schema);
        java.util.List<Row> rows = new java.util.ArrayList<>(java.util.List.of(r.apply(new Object[] {"he", 2.0}, 1),
                r.apply(new Object[] {"he", null}, 0), r.apply(new Object[] {"glorot", 1.0}, 2),
                r.apply(new Object[] {"he", 2.0}, 0), r.apply(new Object[] {"he", 0.5}, 3)));
        rows.sort(CompareCharts.lineOrder("epoch"));
        // ORDER BY init, multiplier, epoch: a fixed scheme (m null) first within its init, as SQL sorts nulls
        assertEquals("[[glorot,1.0,2], [he,null,0], [he,0.5,3], [he,2.0,0], [he,2.0,1]]", rows.toString());
    }

    @Test
    void aShapeIsComparedWithTwoInitsOrAFixedScheme() {
        // two inits but at different widths or depths: nothing shares a shape
        assertEquals(List.of(), CompareCharts.comparedShapes(new RunIndex(List.of(run("lecun_normal", 8, 3, 1.0),
                run("he_normal", 16, 3, 1.0), run("he_normal", 8, 6, 1.0), run("lecun_normal", 8, 3, 2.0)))));
        // lecun and he at width 8, depth 3 (m 1 and 2): that shape only, once
        assertEquals(List.of(RowFactory.create("tanh", 8, null, 3, 0.0, "gaussian")),
                CompareCharts.comparedShapes(new RunIndex(List.of(run("lecun_normal", 8, 3, 1.0),
                        run("he_normal", 16, 3, 1.0), run("he_normal", 8, 3, 2.0), run("he_normal", 8, 3, 1.0)))));
        assertEquals(List.of(RowFactory.create("tanh", 8, null, 6, 0.0, "gaussian")),
                CompareCharts.comparedShapes(new RunIndex(List.of(run("zero", 8, 6, null),
                        run("he_normal", 8, 3, 1.0)))),
                "a fixed scheme is compared with its shape's others");
    }

    @Test
    void aLegendEntryShowsSigmaW2WhereItIsNotM() {
        // He draws 2/fan_in: σ_w² = 2m; Glorot at a constant width 2m·n/(n + n) = m; on a halving profile 4m/3
        assertEquals("he_normal, m = 1 (σ_w² = 2)", CompareCharts.label(
                new GenericRowWithSchema(new Object[] {"he_normal", 1.0, 64, null}, SHAPED)));
        assertEquals("glorot_uniform, m = 1", CompareCharts.label(
                new GenericRowWithSchema(new Object[] {"glorot_uniform", 1.0, 64, null}, SHAPED)));
        assertEquals("glorot_normal, m = 0.75 (σ_w² = 1)", CompareCharts.label(
                new GenericRowWithSchema(new Object[] {"glorot_normal", 0.75, null, "[64,32,16]"}, SHAPED)));
        assertEquals("uniform_fan_in, m = 3 (σ_w² = 1)", CompareCharts.label(
                new GenericRowWithSchema(new Object[] {"uniform_fan_in", 3.0, 8, null}, SHAPED)));
        assertEquals("zero", CompareCharts.label(
                new GenericRowWithSchema(new Object[] {"zero", null, 8, null}, SHAPED)));
        // four digits of a computed σ_w²: 64·Var(N(0, 1) cut at ±2) = 64·0.77374 (it printed 49.519443427195085)
        assertEquals("trunc_normal, m = 1 (σ_w² = 49.52)", CompareCharts.label(
                new GenericRowWithSchema(new Object[] {"trunc_normal", 1.0, 64, null}, SHAPED)));
    }

    @Test
    void colourByMultiplierDashByInitBlackForAFixedScheme() {
        Map<String, Row> lines = new LinkedHashMap<>();
        lines.put("he, m = 4", row("he", 4.0));
        lines.put("he, m = 1", row("he", 1.0));
        lines.put("orthogonal, m = 1", row("orthogonal", 1.0));
        lines.put("orthogonal, m = 0.5", row("orthogonal", 0.5));
        lines.put("zero", row("zero", null));
        Map<String, LineStyle> s = CompareCharts.styles(lines);
        assertEquals(new LineStyle(2, 3, 0), s.get("he, m = 4"));
        assertEquals(new LineStyle(1, 3, 0), s.get("he, m = 1"));
        assertEquals(new LineStyle(1, 3, 1), s.get("orthogonal, m = 1"));
        assertEquals(new LineStyle(0, 3, 1), s.get("orthogonal, m = 0.5"));
        assertEquals(new LineStyle(-1, 3, 2), s.get("zero"));
    }
}
