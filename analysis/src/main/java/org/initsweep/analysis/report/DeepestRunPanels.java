package org.initsweep.analysis.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.initsweep.analysis.ChartGroup;
import org.initsweep.analysis.RunIndex;
import org.initsweep.analysis.TrainingSetting;
import org.initsweep.core.trace.Tables;

/**
 * What the report's per-run panels (activation histograms, decision boundaries) share: each chart group's
 * deepest networks among the runs a table holds, as a view to join with, the order of a group's views
 * (m, epoch, training setting) and the per-run PNG names the analysis wrote for them.
 */
final class DeepestRunPanels {

    private DeepestRunPanels() {
    }

    /** The columns of the view {@link #withDeepest} registers: a run's id and its place in the grid, as in runs/. */
    static final StructType RUN_SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType).add("activation", DataTypes.StringType)
            .add("init", DataTypes.StringType).add("width", DataTypes.IntegerType)
            .add("profile", DataTypes.StringType).add("sigma_b2", DataTypes.DoubleType)
            .add("dataset", DataTypes.StringType).add("depth", DataTypes.IntegerType)
            .add("multiplier", DataTypes.DoubleType).add("optimizer", DataTypes.StringType)
            .add("learning_rate", DataTypes.DoubleType).add("epochs", DataTypes.IntegerType)
            .add("classes", DataTypes.IntegerType);

    /**
     * Runs {@code query} with each chart group's deepest networks among the runs that have rows in {@code table}
     * as a {@link org.initsweep.analysis.LocalView} (one row per run, {@link #RUN_SCHEMA}); it is given the view to
     * read the table's rows from ({@link RunIndex#view}) and that local view's name. The runs are
     * chosen here from those already read, so that the query joins a local table instead of aggregating
     * {@code runs} and the table's run ids (a shuffle each, and their jobs).
     *
     * @param table {@code histograms} or {@code boundaries}, its view registered ({@link RunIndex#idsWithRows})
     */
    static List<Row> withDeepest(SparkSession spark, RunIndex runs, String table,
            java.util.function.BiFunction<String, String, List<Row>> query) {
        Set<String> withRows = RunIndex.idsWithRows(spark, table);
        List<Row> deepest = new java.util.ArrayList<>();
        for (RunIndex.Run r : runs.deepest(r -> withRows.contains(r.runId()))) {
            if (withRows.contains(r.runId())) { // one at that depth without rows would join nothing
                ChartGroup g = r.group();
                deepest.add(RowFactory.create(r.runId(), g.activation(), g.init(), g.width(), g.profile(), g.sigmaB2(),
                        g.dataset(), r.depth(), r.multiplier(), r.setting().optimizer(), r.setting().learningRate(),
                        r.epochs(), r.classes()));
            }
        }
        String rows = RunIndex.view(spark, table);
        return org.initsweep.analysis.LocalView.with(spark, deepest, RUN_SCHEMA, "deepest_runs",
                view -> query.apply(rows, view));
    }

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

    /**
     * {@link #viewKey}s formatted once each: a section reads thousands of rows (a boundary's 3,600 points, a
     * histogram's bins) that share a few keys, and {@code String.format} is the most of a row's cost.
     */
    static final class ViewKeys {
        private final Map<List<Object>, String> known = new java.util.HashMap<>();

        String of(Double m, int epoch, TrainingSetting setting) {
            return known.computeIfAbsent(java.util.Arrays.asList(m, epoch, setting), k -> viewKey(m, epoch, setting));
        }
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
