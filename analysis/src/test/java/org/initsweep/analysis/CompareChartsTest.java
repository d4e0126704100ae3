package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
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
