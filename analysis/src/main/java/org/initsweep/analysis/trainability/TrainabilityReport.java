package org.initsweep.analysis.trainability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.OrderFreeSql;
import org.initsweep.analysis.TrainingSetting;
import org.initsweep.analysis.chart.TrainabilityHeatmapChart;
import org.initsweep.core.spec.TargetSplit;

/**
 * The report's trainability section, from the {@code trainability} view: per chart group (as
 * {@link TrainabilityCharts}) the cells (depth, m, the judged accuracy, χ₁, 6·ξ_c), the critical
 * multiplier, the 6·ξ_c curve sampled over the heatmap's m extent (as on its PNG), and the learning
 * curves (mean judged accuracy per epoch, from {@code epochs}) of every multiplier at the deepest depth
 * that trained; and the rows of {@code trainability_bound}. The judged accuracy is the table's {@code target_split}: train or
 * test (test for tables written before the column existed).
 *
 * <p>JSON shape: {@code {targets [{dataset, target}], split, unjudged [dataset], groups [{title, target, png, learning_png,
 * critical_m, m_unit, log_m, cells [{depth, m, accuracy, runs, diverged, epochs_to_target, chi1, bound,
 * bound_from_gradients}],
 * bound_curve [[m, 6·ξ_c or null]], learning {depth, trained, series [{label, accuracy []}]}}], bound {columns [],
 * rows [[]]}}}; {@code bound_from_gradients} whether the cell's bound is 6·ξ_∇ (σ_b² = 0 leaving q* = 0)
 * rather than 6·ξ_c; {@code learning.trained} whether some depth trained (else the curves are the deepest depth's);
 * {@code target} is per dataset (a group has one), null where every run of the dataset diverged; {@code unjudged}
 * the datasets a test-judged table leaves out, having no test split;
 * {@code m_unit} is the scheme's fan_in·Var(W) at m = 1 ({@link org.initsweep.analysis.ChartGroup#multiplierUnit});
 * {@code log_m} whether m is drawn on a log axis, as on the PNG ({@link TrainabilityHeatmapChart#logMultipliers}),
 * the bound then sampled at geometrically spaced m. Non-finite
 * numbers are null, or the strings "Infinity" for a divergent bound.
 */
public final class TrainabilityReport {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Points of the sampled 6·ξ_c curve. */
    static final int CURVE_POINTS = 120;

    private TrainabilityReport() {
    }

    /**
     * @param spark with the sweep's views registered
     * @param pngs  file names of the PNG charts written (linked where one matches)
     * @param runs  the sweep's runs
     * @return the section's data, or null when the sweep has no {@code trainability} table
     */
    public static ObjectNode collect(SparkSession spark, Set<String> pngs, org.initsweep.analysis.RunIndex runs) {
        if (!spark.catalog().tableExists("trainability")) {
            return null;
        }
        List<Row> rows = spark.sql("SELECT * FROM trainability WHERE multiplier IS NOT NULL").collectAsList();
        if (rows.isEmpty()) {
            return null;
        }
        ObjectNode root = F.objectNode();
        boolean train = Arrays.asList(rows.get(0).schema().fieldNames()).contains("target_split")
                && TargetSplit.TRAIN.specName().equals(rows.get(0).getAs("target_split"));
        TargetSplit split = train ? TargetSplit.TRAIN : TargetSplit.TEST;
        String judged = train ? "train_accuracy" : "test_accuracy";
        root.put("split", split.specName());
        root.put("max_labelled_depths", org.initsweep.analysis.chart.TrainabilityHeatmapChart.MAX_LABELLED_DEPTHS);
        ArrayNode unjudged = root.putArray("unjudged");
        if (!train && Arrays.asList(spark.table("runs").columns()).contains("test_samples")) {
            runs.testSplits().forEach((dataset, has) -> {
                if (!has) {
                    unjudged.add(dataset);
                }
            });
        }
        Map<List<Object>, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            List<Object> key = new ArrayList<>();
            for (String k : TrainabilityAnalysis.KEYS) {
                if (!k.equals("depth") && !k.equals("multiplier")) {
                    key.add(r.getAs(k));
                }
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        ArrayNode targets = root.putArray("targets");
        Set<Object> datasets = new java.util.HashSet<>();
        for (Row r : rows) {
            if (datasets.add(r.getAs("dataset"))) {
                putNumber(targets.addObject().put("dataset", r.<String>getAs("dataset")), "target",
                        value(r, "target_accuracy"));
            }
        }
        ArrayNode out = root.putArray("groups");
        // each group's learning curves: its runs here, their epochs/ rows in one read after the loop
        List<Map.Entry<ArrayNode, List<org.initsweep.analysis.RunIndex.Run>>> learningRuns = new ArrayList<>();
        // the runs a curve averages, by group, setting and depth, gathered in one pass over the index; judged on
        // test: the runs with a test split only, as the cells
        record Curve(org.initsweep.analysis.ChartGroup group, TrainingSetting setting, int depth) {
        }
        Map<Curve, List<org.initsweep.analysis.RunIndex.Run>> curveRuns = runs.runs().stream()
                .filter(r -> r.multiplier() != null && (train || r.testSamples() != null && r.testSamples() > 0))
                .collect(java.util.stream.Collectors.groupingBy(r -> new Curve(r.group(), r.setting(), r.depth())));
        for (List<Row> g : groups.values()) {
            Row first = g.get(0);
            double target = value(first, "target_accuracy");
            String activation = first.getAs("activation");
            String init = first.getAs("init");
            Integer width = first.getAs("width");
            double sigmaB2 = first.<Double>getAs("sigma_b2");
            String stem = TrainabilityCharts.stem(activation, init, width, first.getAs("profile"), sigmaB2,
                    first.getAs("dataset"), TrainingSetting.of(first));
            ObjectNode node = out.addObject();
            node.put("title", activation + " · " + init + " · " + (width == null ? "profile " + first.getAs("profile")
                    : "width " + width) + " · σ_b² = " + sigmaB2 + " · " + first.getAs("dataset") + " · "
                    + TrainingSetting.of(first).label());
            putNumber(node, "target", target);
            org.initsweep.analysis.JsonFields.putPng(node, "png", "trainability_" + stem + ".png", pngs);
            org.initsweep.analysis.JsonFields.putPng(node, "learning_png", "learning_" + stem + ".png", pngs);
            String profile = first.getAs("profile");
            putNumber(node, "critical_m", TrainabilityCharts.criticalMultiplier(activation, init, width, profile, sigmaB2));
            putNumber(node, "m_unit", org.initsweep.analysis.ChartGroup.multiplierUnit(init, width, profile));
            ArrayNode cells = node.putArray("cells");
            TreeSet<Double> ms = new TreeSet<>();
            int deepestTrained = Integer.MIN_VALUE;
            int deepest = Integer.MIN_VALUE;
            for (Row r : g) {
                ObjectNode c = cells.addObject();
                int depth = r.<Integer>getAs("depth");
                double m = r.<Double>getAs("multiplier");
                ms.add(m);
                c.put("depth", depth);
                c.put("m", m);
                putNumber(c, "accuracy", value(r, judged));
                c.put("runs", r.<Integer>getAs("runs"));
                c.put("diverged", r.<Integer>getAs("diverged_runs"));
                putNumber(c, "epochs_to_target", value(r, "epochs_to_target"));
                putNumber(c, "chi1", value(r, "chi1"));
                putNumber(c, "bound", value(r, "trainable_depth_bound"));
                // the bound is 6·ξ_∇ where σ_b² = 0 leaves q* = 0 (the PNG's note says so), else 6·ξ_c
                c.put("bound_from_gradients", TheoryColumns.boundFromGradients(activation,
                        TheoryColumns.of(activation, init, width, profile, m, sigmaB2).sigmaW2(), sigmaB2));
                deepest = Math.max(deepest, depth);
                if (value(r, judged) >= target) {
                    deepestTrained = Math.max(deepestTrained, depth);
                }
            }
            ArrayNode curve = node.putArray("bound_curve");
            double[] swept = ms.stream().mapToDouble(Double::doubleValue).toArray();
            // over the plot's extent, as the PNG: the outer half-cells too (the swept m alone left the bound out
            // of the left half of the smallest m's cell, where the PNG draws it)
            double[] extent = TrainabilityHeatmapChart.multiplierExtent(swept);
            double lo = extent[0];
            double hi = extent[1];
            boolean logM = TrainabilityHeatmapChart.logMultipliers(swept);
            node.put("log_m", logM);
            for (int k = 0; k <= CURVE_POINTS; k++) {
                double m = logM ? lo * Math.pow(hi / lo, (double) k / CURVE_POINTS) : lo + (hi - lo) * k / CURVE_POINTS;
                Double b = m > 0 ? TheoryColumns.of(activation, init, width, first.getAs("profile"), m, sigmaB2).bound()
                        : null;
                ArrayNode p = curve.addArray().add(m);
                putNumber(p, b == null ? Double.NaN : b);
            }
            int depth = deepestTrained == Integer.MIN_VALUE ? deepest : deepestTrained;
            ObjectNode learning = node.putObject("learning");
            learning.put("depth", depth);
            learning.put("trained", deepestTrained != Integer.MIN_VALUE);
            ArrayNode series = learning.putArray("series");
            org.initsweep.analysis.ChartGroup group = new org.initsweep.analysis.ChartGroup(activation, init, width,
                    profile, sigmaB2, first.getAs("dataset"));
            learningRuns.add(Map.entry(series,
                    curveRuns.getOrDefault(new Curve(group, TrainingSetting.of(first), depth), List.of())));
        }
        learningCurves(spark, learningRuns, train);
        if (spark.catalog().tableExists("trainability_bound")) {
            var df = spark.sql("SELECT * FROM trainability_bound");
            ObjectNode bound = root.putObject("bound");
            ArrayNode cols = bound.putArray("columns");
            Arrays.stream(df.columns()).forEach(cols::add);
            ArrayNode rs = bound.putArray("rows");
            for (Row r : df.limit(500).collectAsList()) {
                ArrayNode a = rs.addArray();
                for (int i = 0; i < r.size(); i++) {
                    Object v = r.get(i);
                    if (v == null) {
                        a.addNull();
                    } else if (v instanceof Double d) {
                        putNumber(a, d);
                    } else if (v instanceof Number n) {
                        a.add(n.longValue());
                    } else {
                        a.add(String.valueOf(v));
                    }
                }
            }
        }
        return root;
    }

    /**
     * Fills each group's {@code series}: per m, the judged accuracy after each epoch, the mean over its runs'
     * non-NaN values ({@link OrderFreeSql#mean(java.util.Collection)}), NaN at an epoch where none has one. One
     * read of {@code epochs/} for every group's runs, by id.
     */
    private static void learningCurves(SparkSession spark,
            List<Map.Entry<ArrayNode, List<org.initsweep.analysis.RunIndex.Run>>> learningRuns, boolean train) {
        List<org.initsweep.analysis.RunIndex.Run> all = learningRuns.stream().flatMap(e -> e.getValue().stream())
                .toList();
        Map<String, List<Row>> epochsOf = new java.util.HashMap<>();
        for (Row e : org.initsweep.analysis.RunIndex.rows(spark, "epochs", all, "run_id", "epoch",
                train ? "accuracy" : "test_accuracy")) {
            if (e.isNullAt(2) || !Double.isNaN(e.getDouble(2))) {
                epochsOf.computeIfAbsent(e.getString(0), k -> new ArrayList<>()).add(e);
            }
        }
        for (var entry : learningRuns) {
            TreeMap<Double, TreeMap<Integer, List<Double>>> byM = new TreeMap<>();
            for (org.initsweep.analysis.RunIndex.Run r : entry.getValue()) {
                for (Row e : epochsOf.getOrDefault(r.runId(), List.of())) {
                    byM.computeIfAbsent(r.multiplier(), k -> new TreeMap<>())
                            .computeIfAbsent(e.getInt(1), k -> new ArrayList<>())
                            .add(e.isNullAt(2) ? null : e.getDouble(2));
                }
            }
            for (Map.Entry<Double, TreeMap<Integer, List<Double>>> e : byM.entrySet()) {
                ObjectNode s = entry.getKey().addObject();
                s.put("m", e.getKey());
                ArrayNode acc = s.putArray("accuracy");
                int last = e.getValue().lastKey();
                for (int ep = 0; ep <= last; ep++) {
                    List<Double> v = e.getValue().get(ep);
                    Double mean = v == null ? null : OrderFreeSql.mean(v);
                    putNumber(acc, mean == null ? Double.NaN : mean);
                }
            }
        }
    }

    private static double value(Row r, String field) {
        Object v = r.getAs(field);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private static void putNumber(ObjectNode node, String field, double v) {
        if (Double.isNaN(v)) {
            node.putNull(field);
        } else if (Double.isInfinite(v)) {
            node.put(field, v > 0 ? "Infinity" : "-Infinity");
        } else {
            node.put(field, v);
        }
    }

    private static void putNumber(ArrayNode node, double v) {
        if (Double.isNaN(v)) {
            node.addNull();
        } else if (Double.isInfinite(v)) {
            node.add(v > 0 ? "Infinity" : "-Infinity");
        } else {
            node.add(v);
        }
    }
}
