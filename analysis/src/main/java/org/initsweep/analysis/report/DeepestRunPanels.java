package org.initsweep.analysis.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.ChartGroup;
import org.initsweep.analysis.TrainingSetting;
import org.initsweep.core.trace.Tables;

/**
 * What the report's per-run panels (activation histograms, decision boundaries) share: the SQL that
 * picks each chart group's deepest networks among the runs a table holds, the order of a group's views
 * (m, epoch, training setting) and the per-run PNG names the analysis wrote for them.
 */
final class DeepestRunPanels {

    private DeepestRunPanels() {
    }

    /** The groups' deepest networks among the runs that have rows in {@code view}. */
    static String deepestWith(String view) {
        return "WITH deepest AS (SELECT activation, init, width, profile, sigma_b2, dataset, max(depth) AS depth FROM runs"
                + " WHERE run_id IN (SELECT DISTINCT run_id FROM " + view + ")"
                + " GROUP BY activation, init, width, profile, sigma_b2, dataset) ";
    }

    static final String JOIN_DEEPEST = " JOIN deepest d ON r.activation = d.activation AND r.init = d.init"
            + " AND r.width <=> d.width AND r.profile <=> d.profile AND r.sigma_b2 = d.sigma_b2 AND r.dataset = d.dataset AND r.depth = d.depth ";

    /**
     * Sortable key of (m, epoch, setting): fixed schemes (m null) first, then m ascending, then epoch, then
     * the setting (null first).
     */
    static String viewKey(Double m, int epoch, TrainingSetting setting) {
        return (m == null ? "0" : String.format(java.util.Locale.ROOT, "1%030.12f", m))
                + String.format(java.util.Locale.ROOT, "_%09d", epoch)
                + (setting == null ? "" : String.format(java.util.Locale.ROOT, "_%s_%030.12f", setting.optimizer(),
                        setting.learningRate()));
    }

    /** The setting of a row with columns {@code setting_optimizer}, {@code setting_lr}, or null. */
    static TrainingSetting setting(Row r) {
        int o = r.fieldIndex("setting_optimizer");
        return r.isNullAt(o) ? null : new TrainingSetting(r.getString(o), r.<Double>getAs("setting_lr"));
    }

    static void putMultiplier(ObjectNode node, Double m) {
        if (m == null) {
            node.putNull("m");
        } else {
            node.put("m", m);
        }
    }

    /**
     * The per-run PNGs of a group's deepest networks (file names that start with {@code prefix}; named as
     * {@code RunCharts} names them: after the seed, σ_b² where the sweep has several, which must be the
     * group's, then the training setting, then a histogram's epoch).
     */
    static void putRunPngs(ObjectNode node, String prefix, ChartGroup g, int depth, Set<String> pngs) {
        java.util.regex.Pattern name = runPng(prefix, g, depth);
        ArrayNode list = node.putArray("pngs");
        for (String f : pngs) {
            if (name.matcher(f).matches()) {
                list.add("../" + Tables.CHARTS + "/" + f);
            }
        }
    }

    static String sanitize(String s) {
        return ChartGroup.sanitize(s);
    }

    /** The file names {@link #putRunPngs} takes for a group. */
    static java.util.regex.Pattern runPng(String prefix, ChartGroup g, int depth) {
        String q = java.util.regex.Pattern.quote(prefix + sanitize(g.activation() + "_" + g.init())) + "(_m[^_]+)?"
                + java.util.regex.Pattern.quote(sanitize("_w" + g.shapeText() + "_d" + depth + "_" + g.dataset() + "_s"))
                + "-?\\d+(" + java.util.regex.Pattern.quote(sanitize("_sb" + g.sigmaB2())) + ")?"
                + "(_(?!sb\\d)[^/]*?)?(_epoch\\d+)?\\.png";
        return java.util.regex.Pattern.compile(q);
    }
}
