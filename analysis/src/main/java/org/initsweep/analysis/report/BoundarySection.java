package org.initsweep.analysis.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.ChartGroup;
import org.initsweep.analysis.OrderFreeSql;
import org.initsweep.analysis.TrainingSetting;
import org.initsweep.core.trace.Tables;

/**
 * The report's decision boundaries ({@code boundaries/}, when the spec asks), per chart group: the rows of
 * each group's deepest committed runs, read from the sweep's view of the table.
 */
final class BoundarySection {

    /** Columns {@code boundaries/} must have to be charted. */
    static final List<String> COLUMNS = List.of("run_id", "i1", "i2", "x1", "x2", "p");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private BoundarySection() {
    }

    /**
     * Per group: the trained networks' output probability P(class 1) over the input plane, for the deepest
     * networks, seeds averaged; one map per m. For three or more classes also per point the class most seeds
     * predict ({@code cls}, the smallest of a tie) and the seeds' mean top-1 probability ({@code conf}).
     */
    static Map<ChartGroup, ObjectNode> collect(SparkSession spark, Set<String> pngs,
            org.initsweep.analysis.RunIndex runs) {
        boolean perSetting = runs.variesSetting();
        // an engine before class regions wrote no predicted_class: its runs are all of two classes
        boolean regions = java.util.Arrays.asList(spark.table(Tables.BOUNDARIES).columns())
                .contains("predicted_class");
        String predicted = regions ? "mode(b.predicted_class, true)" : "CAST(NULL AS INT)";
        String confidence = regions ? OrderFreeSql.mean("b.confidence") : "CAST(NULL AS DOUBLE)";
        String optimizer = perSetting ? "r.optimizer" : "CAST(NULL AS STRING)";
        String lr = perSetting ? "r.learning_rate" : "CAST(NULL AS DOUBLE)";
        List<Row> rows = DeepestRunPanels.withDeepest(spark, runs, Tables.BOUNDARIES,
                (table, deepest) -> spark.sql("SELECT r.activation, r.init, r.width, r.profile, r.sigma_b2,"
                        + " r.dataset, r.depth, r.multiplier, " + optimizer + " AS setting_optimizer, " + lr
                        + " AS setting_lr,"
                        + " b.i1, b.i2, " + OrderFreeSql.mean("b.x1") + " AS x1, " + OrderFreeSql.mean("b.x2")
                        + " AS x2, " + OrderFreeSql.mean("b.p") + " AS p, max(r.epochs) AS epochs,"
                        + " max(r.classes) AS classes, " + predicted + " AS predicted_class, " + confidence
                        + " AS confidence FROM " + table + " b JOIN " + deepest
                        + " r ON b.run_id = r.run_id"
                        + " GROUP BY r.activation, r.init, r.width, r.profile, r.sigma_b2, r.dataset, r.depth,"
                        + " r.multiplier, " + optimizer + ", " + lr + ", b.i1, b.i2").collectAsList());
        Map<ChartGroup, Integer> depthOf = new LinkedHashMap<>();
        Map<ChartGroup, Integer> epochsOf = new LinkedHashMap<>();
        Map<ChartGroup, Integer> steps = new LinkedHashMap<>();
        Map<ChartGroup, TreeMap<Integer, Double>> coords = new LinkedHashMap<>();
        Map<ChartGroup, Map<String, Object[]>> ms = new LinkedHashMap<>();
        Map<ChartGroup, Map<String, Map<Point, Double>>> maps = new LinkedHashMap<>();
        Map<ChartGroup, Integer> classesOf = new LinkedHashMap<>();
        Map<ChartGroup, Map<String, Map<Point, Object[]>>> classMaps = new LinkedHashMap<>();
        DeepestRunPanels.ViewKeys viewKeys = new DeepestRunPanels.ViewKeys();
        for (Row r : rows) {
            ChartGroup g = ChartGroup.of(r);
            depthOf.put(g, r.<Integer>getAs("depth"));
            epochsOf.merge(g, r.<Integer>getAs("epochs"), Math::max);
            classesOf.merge(g, r.<Integer>getAs("classes"), Math::max);
            int i1 = r.<Integer>getAs("i1");
            int i2 = r.<Integer>getAs("i2");
            steps.merge(g, Math.max(i1, i2) + 1, Math::max);
            coords.computeIfAbsent(g, k -> new TreeMap<>()).put(i1, r.<Double>getAs("x1"));
            Double m = r.isNullAt(r.fieldIndex("multiplier")) ? null : r.<Double>getAs("multiplier");
            TrainingSetting s = DeepestRunPanels.setting(r);
            String key = viewKeys.of(m, 0, s);
            ms.computeIfAbsent(g, k -> new TreeMap<>()).put(key, new Object[] {m, s});
            maps.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .put(new Point(i1, i2), r.isNullAt(r.fieldIndex("p")) ? Double.NaN : r.<Double>getAs("p"));
            classMaps.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .put(new Point(i1, i2), new Object[] {r.get(r.fieldIndex("predicted_class")),
                        r.get(r.fieldIndex("confidence"))});
        }
        Map<ChartGroup, ObjectNode> out = new LinkedHashMap<>();
        for (ChartGroup g : maps.keySet()) {
            int n = steps.get(g);
            ObjectNode node = F.objectNode();
            node.put("depth", depthOf.get(g));
            node.put("epochs", epochsOf.get(g));
            node.put("steps", n);
            int classes = classesOf.get(g);
            boolean classRegions = regions && classes > 2;
            node.put("classes", classes);
            ArrayNode xs = node.putArray("coords");
            for (int i = 0; i < n; i++) {
                Double x = coords.get(g).get(i);
                if (x == null) {
                    xs.addNull();
                } else {
                    xs.add(Math.round(x * 1e4) / 1e4);
                }
            }
            ArrayNode list = node.putArray("maps");
            for (var e : maps.get(g).entrySet()) {
                ObjectNode map = list.addObject();
                Object[] k = ms.get(g).get(e.getKey());
                DeepestRunPanels.putMultiplier(map, (Double) k[0]);
                if (k[1] != null) {
                    map.put("setting", ((TrainingSetting) k[1]).label());
                }
                ArrayNode p = map.putArray("p");
                ArrayNode cls = classRegions ? map.putArray("cls") : null;
                ArrayNode conf = classRegions ? map.putArray("conf") : null;
                Map<Point, Object[]> byPoint = classMaps.get(g).get(e.getKey());
                for (int i2 = 0; i2 < n; i2++) {
                    for (int i1 = 0; i1 < n; i1++) {
                        Double v = e.getValue().get(new Point(i1, i2));
                        if (v == null || !Double.isFinite(v)) {
                            p.addNull();
                        } else {
                            p.add(Math.round(v * 1e3) / 1e3);
                        }
                        if (classRegions) {
                            Object[] c = byPoint.get(new Point(i1, i2));
                            // a point where some seed diverged has no class and a NaN mean confidence
                            Double mean = c == null ? null : (Double) c[1];
                            if (c == null || c[0] == null || mean == null || !Double.isFinite(mean)) {
                                cls.addNull();
                                conf.addNull();
                            } else {
                                cls.add((Integer) c[0]);
                                conf.add(Math.round(mean * 1e3) / 1e3);
                            }
                        }
                    }
                }
            }
            DeepestRunPanels.putRunPngs(node, "boundary_", g, depthOf.get(g), pngs);
            out.put(g, node);
        }
        return out;
    }

    /** A grid point, as a map key: a long packing (i2, i1) hashes a 60 × 60 grid into 64 buckets. */
    private record Point(int i1, int i2) {
    }
}
