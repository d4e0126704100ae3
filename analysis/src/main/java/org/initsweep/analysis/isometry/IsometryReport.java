package org.initsweep.analysis.isometry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.JsonFields;
import org.initsweep.analysis.chart.IsometryChart;

/**
 * The report's isometry section, from the {@code isometry} view: the charts {@link IsometryAnalysis#charts}
 * draws as PNGs, as data for the page to draw. Per chart, per init, per depth: the measured relative
 * variance of the Jacobian's squared singular values (var/mean² of the eigenvalues of JJᵀ) and theory's
 * (Pennington, Schoenholz &amp; Ganguli 2017, eq. 12–14, along the length map's path).
 *
 * <p>JSON shape: {@code {charts [{title, png, lines [{init, points [[depth, measured, predicted]]}]}]}};
 * a value without a number (none measured, no prediction) is null.
 */
public final class IsometryReport {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private IsometryReport() {
    }

    /**
     * @param spark with the sweep's views registered
     * @param pngs  file names of the PNG charts written (linked where one matches)
     * @return the section's data, or null when the sweep has no {@code isometry} table or no chart
     */
    public static ObjectNode collect(SparkSession spark, Set<String> pngs) {
        List<IsometryAnalysis.Chart> charts = IsometryAnalysis.charts(spark);
        if (charts.isEmpty()) {
            return null;
        }
        ObjectNode root = F.objectNode();
        ArrayNode out = root.putArray("charts");
        for (IsometryAnalysis.Chart c : charts) {
            ObjectNode node = out.addObject();
            node.put("title", c.title());
            JsonFields.putPng(node, "png", c.stem() + ".png", pngs);
            ArrayNode lines = node.putArray("lines");
            for (Map.Entry<String, IsometryChart.Line> e : c.byInit().entrySet()) {
                ObjectNode line = lines.addObject();
                line.put("init", e.getKey());
                ArrayNode points = line.putArray("points");
                IsometryChart.Line l = e.getValue();
                for (int i = 0; i < l.depths().length; i++) {
                    ArrayNode p = points.addArray().add(l.depths()[i]);
                    JsonFields.addOrGap(p, l.measured()[i]);
                    JsonFields.addOrGap(p, l.predicted()[i]);
                }
            }
        }
        return root;
    }
}
