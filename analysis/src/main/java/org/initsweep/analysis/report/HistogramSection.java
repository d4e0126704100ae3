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
import org.initsweep.analysis.TrainingSetting;
import org.initsweep.core.trace.Tables;

/**
 * The report's activation histograms ({@code histograms/}, when the spec asks), per chart group: the rows of
 * each group's deepest committed runs, read from the sweep's view of the table.
 */
final class HistogramSection {

    /** Columns {@code histograms/} must have to be charted. */
    static final List<String> COLUMNS = List.of("run_id", "epoch", "layer", "bin", "lower", "upper", "count");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private HistogramSection() {
    }

    /**
     * Per group: the activation histograms of its deepest networks, counts summed over seeds, as
     * fractions of each layer's activations; one view per (m, epoch), and per training setting after
     * epoch 0 where the sweep has several ({@code setting}).
     */
    static Map<ChartGroup, ObjectNode> collect(SparkSession spark, Set<String> pngs,
            org.initsweep.analysis.RunIndex runs) {
        boolean perSetting = runs.variesSetting();
        String setting = perSetting ? "CASE WHEN h.epoch = 0 THEN NULL ELSE r.optimizer END AS setting_optimizer,"
                + " CASE WHEN h.epoch = 0 THEN NULL ELSE r.learning_rate END AS setting_lr"
                : "CAST(NULL AS STRING) AS setting_optimizer, CAST(NULL AS DOUBLE) AS setting_lr";
        List<Row> rows = DeepestRunPanels.withDeepest(spark, runs, Tables.HISTOGRAMS,
                (table, deepest) -> spark.sql("WITH h AS (SELECT r.activation, r.init, r.width, r.profile, r.sigma_b2,"
                        + " r.dataset, r.depth, r.multiplier, h.epoch, h.layer, h.bin, h.lower, h.upper, h.count, "
                        + setting
                        + " FROM " + table + " h JOIN " + deepest + " r ON h.run_id = r.run_id)"
                        + " SELECT activation, init, width, profile, sigma_b2, dataset, depth, multiplier,"
                        + " setting_optimizer, setting_lr, epoch, layer, bin, min(lower) AS lower, max(upper) AS upper,"
                        + " sum(count) AS count FROM h"
                        + " GROUP BY activation, init, width, profile, sigma_b2, dataset, depth, multiplier,"
                        + " setting_optimizer, setting_lr, epoch, layer, bin").collectAsList());
        // group → (m, epoch) → layer → bin → [lower, upper, count]
        Map<ChartGroup, Integer> depthOf = new LinkedHashMap<>();
        Map<ChartGroup, TreeMap<String, TreeMap<Integer, TreeMap<Integer, double[]>>>> all = new LinkedHashMap<>();
        Map<String, Object[]> keys = new LinkedHashMap<>();
        DeepestRunPanels.ViewKeys viewKeys = new DeepestRunPanels.ViewKeys();
        for (Row r : rows) {
            ChartGroup g = ChartGroup.of(r);
            depthOf.put(g, r.<Integer>getAs("depth"));
            Double m = r.isNullAt(r.fieldIndex("multiplier")) ? null : r.<Double>getAs("multiplier");
            int epoch = r.<Integer>getAs("epoch");
            TrainingSetting s = DeepestRunPanels.setting(r);
            String key = viewKeys.of(m, epoch, s);
            keys.putIfAbsent(key, new Object[] {m, epoch, s});
            all.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(r.<Integer>getAs("layer"), k -> new TreeMap<>())
                    .put(r.<Integer>getAs("bin"), new double[] {r.<Double>getAs("lower"), r.<Double>getAs("upper"),
                        r.<Long>getAs("count")});
        }
        Map<ChartGroup, ObjectNode> out = new LinkedHashMap<>();
        for (var e : all.entrySet()) {
            ChartGroup g = e.getKey();
            ObjectNode node = F.objectNode();
            node.put("depth", depthOf.get(g));
            ArrayNode views = node.putArray("views");
            for (var v : e.getValue().entrySet()) {
                Object[] k = keys.get(v.getKey());
                ObjectNode view = views.addObject();
                DeepestRunPanels.putMultiplier(view, (Double) k[0]);
                view.put("epoch", (Integer) k[1]);
                if (k[2] != null) {
                    view.put("setting", ((TrainingSetting) k[2]).label());
                }
                ArrayNode layers = view.putArray("layers");
                for (var l : v.getValue().entrySet()) {
                    ObjectNode layer = layers.addObject();
                    layer.put("layer", l.getKey());
                    ArrayNode lower = layer.putArray("lower");
                    ArrayNode upper = layer.putArray("upper");
                    ArrayNode fraction = layer.putArray("fraction");
                    double total = 0;
                    for (double[] b : l.getValue().values()) {
                        total += b[2];
                    }
                    for (double[] b : l.getValue().values()) {
                        lower.add(b[0]);
                        upper.add(b[1]);
                        fraction.add(total > 0 ? Math.round(b[2] / total * 1e5) / 1e5 : 0);
                    }
                }
            }
            DeepestRunPanels.putRunPngs(node, "histograms_", g, depthOf.get(g), pngs);
            out.put(g, node);
        }
        return out;
    }
}
