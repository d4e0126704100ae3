package org.initsweep.analysis.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.initsweep.analysis.ChartGroup;
import org.initsweep.analysis.DeepestCurves;
import org.initsweep.analysis.TrainingSetting;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.theory.MeanField;
import org.initsweep.core.trace.Tables;

/**
 * Collects what the report shows from a sweep's Spark SQL views ({@code runs}, {@code layers},
 * {@code epochs}, {@code regions}) and its {@code spec.json} / {@code engine.json}, as the JSON
 * tree that {@link ReportPage} embeds. The shape of that tree is documented on
 * {@link ReportPage#render(JsonNode)}.
 *
 * <p>Chart groups are those of the PNG charts ({@link ChartGroup}): activation × init × width or
 * profile × σ_b² × dataset; the
 * per-layer and cost curves are those of the group's deepest networks, at the first and last
 * recorded epoch.
 */
final class ReportData {

    /** Activation histograms ({@code histograms/}, when the spec asks): charted per group. */
    static final String HISTOGRAMS = "histograms";
    /** Decision boundaries ({@code boundaries/}, when the spec asks): charted per group. */
    static final String BOUNDARIES = "boundaries";
    static final List<String> HISTOGRAM_COLUMNS = List.of("run_id", "epoch", "layer", "bin", "lower", "upper", "count");
    static final List<String> BOUNDARY_COLUMNS = List.of("run_id", "i1", "i2", "x1", "x2", "p");

    /** Tables shown as plain tables when present but not charted (another schema than expected). */
    static final List<String> EXTRA_TABLES = List.of(BOUNDARIES, HISTOGRAMS, org.initsweep.core.trace.Tables.COMPARE);

    /** Columns of {@code regions/} with the mean-field prediction of a cell, shown where present. */
    static final List<String> THEORY_CELL_COLUMNS = List.of("chi1", "predicted_regime", "predicted_forward_rate",
            "predicted_backward_rate");

    /** Rows of an extra table put in the page. */
    static final int EXTRA_ROWS = 200;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportData() {
    }

    /**
     * @param dir        the sweep's output directory; its views must be registered
     * @param chartFiles paths of the PNG charts written for it (linked where a chart matches)
     * @param decades    D of {@code regions/}: the growth a stable network stays within (NaN if there are no cells)
     */
    static ObjectNode collect(SparkSession spark, String dir, List<String> chartFiles) throws IOException {
        FileSystem fs = new Path(dir).getFileSystem(spark.sparkContext().hadoopConfiguration());
        ObjectNode root = F.objectNode();
        root.put("generated_at", Instant.now().toString());
        JsonNode spec = readJson(fs, new Path(dir, Tables.SPEC_FILE));
        root.set("spec", spec);
        root.put("grid_runs", gridRuns(spec, new Path(dir, Tables.SPEC_FILE)));
        root.set("engine", readJson(fs, new Path(dir, Tables.ENGINE_FILE)));

        ObjectNode status = root.putObject("runs_by_status");
        long total = 0;
        for (Row r : spark.sql("SELECT status, count(*) AS n FROM runs GROUP BY status ORDER BY status")
                .collectAsList()) {
            long n = r.<Long>getAs("n");
            status.put(r.isNullAt(r.fieldIndex("status")) ? "unknown" : r.<String>getAs("status"), n);
            total += n;
        }
        root.put("runs", total);

        Set<String> pngs = new LinkedHashSet<>();
        for (String f : chartFiles) {
            pngs.add(new Path(f).getName());
        }

        List<Row> regions = spark.sql("SELECT * FROM regions").collectAsList();
        ObjectNode byRegime = root.putObject("cells_by_regime");
        for (String regime : new String[] {"vanishing", "stable", "exploding"}) {
            byRegime.put(regime, 0);
        }
        double decades = Double.NaN;
        Map<ChartGroup, List<Row>> cells = new TreeMap<>(ChartGroup.ORDER);
        for (Row r : regions) {
            cells.computeIfAbsent(ChartGroup.of(r), g -> new ArrayList<>()).add(r);
            String regime = r.getAs("regime");
            byRegime.put(regime, byRegime.path(regime).asLong() + 1);
            decades = r.<Double>getAs("decades");
        }
        root.set("decades", number(decades));
        root.put("cells", regions.size());

        Map<ChartGroup, ObjectNode> layers = layerCurves(spark, pngs);
        Map<ChartGroup, ObjectNode> costs = costCurves(spark, pngs);
        Map<String, Integer> classes = org.initsweep.analysis.DatasetClasses.of(spark);
        Map<ChartGroup, ObjectNode> histograms = hasTable(spark, fs, dir, HISTOGRAMS, HISTOGRAM_COLUMNS)
                ? histograms(spark, pngs) : Map.of();
        Map<ChartGroup, ObjectNode> boundaries = hasTable(spark, fs, dir, BOUNDARIES, BOUNDARY_COLUMNS)
                ? boundaries(spark, pngs) : Map.of();
        Set<ChartGroup> all = new LinkedHashSet<>(cells.keySet());
        all.addAll(layers.keySet());
        all.addAll(costs.keySet());
        all.addAll(histograms.keySet());
        all.addAll(boundaries.keySet());

        boolean manyInits = all.stream().map(ChartGroup::init).distinct().count() > 1;
        boolean manySigma = all.stream().map(ChartGroup::sigmaB2).distinct().count() > 1;
        boolean manyData = all.stream().map(ChartGroup::dataset).distinct().count() > 1;
        ArrayNode groups = root.putArray("groups");
        int i = 0;
        for (ChartGroup g : all) {
            ObjectNode node = groups.addObject();
            node.put("id", "g" + i++);
            node.put("activation", g.activation());
            node.put("init", g.init());
            if (g.width() != null) {
                node.put("width", g.width());
            } else {
                node.putNull("width");
            }
            node.put("profile", g.profile());
            node.put("sigma_b2", g.sigmaB2());
            node.put("dataset", g.dataset());
            node.put("classes", classes.getOrDefault(g.dataset(), 2));
            node.put("title", title(g, manyInits, manySigma, manyData));
            node.set("critical", critical(g));
            node.set("heatmap", heatmap(g, cells.getOrDefault(g, List.of()), pngs));
            node.set("layers", layers.get(g));
            node.set("cost", costs.get(g));
            node.set("histograms", histograms.get(g));
            node.set("boundary", boundaries.get(g));
        }
        root.set("extras", extras(spark, fs, dir, histograms.isEmpty() ? "" : HISTOGRAMS,
                boundaries.isEmpty() ? "" : BOUNDARIES));
        root.set("trainability", org.initsweep.analysis.trainability.TrainabilityReport.collect(spark, pngs));
        root.set("isometry", org.initsweep.analysis.isometry.IsometryReport.collect(spark, pngs));
        root.set("more_charts", moreCharts(root, pngs));
        return root;
    }

    /**
     * The charts no section of the report links (comparisons across inits, and any chart a
     * later analysis adds), so that every chart the analysis drew is in the report: file names under
     * {@code ../charts/}, sorted.
     */
    static ArrayNode moreCharts(JsonNode root, Set<String> pngs) {
        Set<String> linked = new java.util.HashSet<>();
        String prefix = "../" + Tables.CHARTS + "/";
        java.util.ArrayDeque<JsonNode> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isTextual() && n.asText().startsWith(prefix)) {
                linked.add(n.asText().substring(prefix.length()));
            }
            n.forEach(todo::push);
        }
        ArrayNode out = F.arrayNode();
        pngs.stream().filter(p -> p.endsWith(".png") && !linked.contains(p)).sorted().forEach(p -> out.add(prefix + p));
        return out;
    }

    static String title(ChartGroup g, boolean manyInits, boolean manySigma, boolean manyData) {
        StringBuilder t = new StringBuilder(g.activation());
        if (manyInits) {
            t.append(" · ").append(g.init());
        }
        t.append(" · ").append(g.shapeTitle());
        if (manySigma) {
            t.append(" · σ_b² = ").append(g.sigmaB2());
        }
        if (manyData) {
            t.append(" · ").append(g.dataset());
        }
        return t.toString();
    }

    /**
     * The predicted critical multiplier, in the sweep's m (the heatmap's axis): mean-field σ_w² with
     * χ₁ = 1 (Poole et al. 2016) where it exists, else the small-signal 1/gain of the activation, each
     * divided by the init scheme's fan_in·Var(W) at m = 1 ({@code unit}, {@link ChartGroup#multiplierUnit}:
     * 1 for scaled_normal and LeCun, 2 for He, 1/3 for fan-in uniform, n for standard_normal); null if
     * neither applies, for the fixed schemes, on a width profile where the unit changes with the layers'
     * fans (Glorot, standard_normal), or where χ₁ jumps over 1 (GELU, SiLU), which no line on the chart
     * would describe.
     */
    static ObjectNode critical(ChartGroup g) {
        ObjectNode c = F.objectNode();
        Activation act;
        try {
            act = Activation.fromLabel(g.activation());
        } catch (IllegalArgumentException e) {
            c.putNull("m_c");
            c.put("method", "none");
            c.put("note", "unknown activation label");
            return c;
        }
        double unit = g.multiplierUnit();
        if (!(unit > 0 && Double.isFinite(unit))) {
            c.putNull("m_c");
            c.put("method", "none");
            c.put("note", "init " + g.init() + (g.width() == null
                    ? " has no single fan_in·Var(W) per m on this width profile (or no multiplier)"
                    : " has no multiplier"));
            return c;
        }
        c.put("unit", unit);
        double small = 1.0 / act.gain() / unit;
        c.put("small_signal", small);
        try {
            double mc = MeanField.criticalMultiplier(act, g.sigmaB2()) / unit;
            c.put("m_c", mc);
            c.put("method", "mean_field");
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException && e.getMessage().contains("jumps over 1")) {
                c.putNull("m_c");
                c.put("method", "none");
                c.put("note", "no critical point: " + e.getMessage());
                return c;
            }
            c.put("m_c", small);
            c.put("method", "small_signal");
            c.put("note", "mean field gives no critical line here: " + e.getMessage());
        }
        return c;
    }

    static ObjectNode heatmap(ChartGroup g, List<Row> rows, Set<String> pngs) {
        ObjectNode h = F.objectNode();
        TreeSet<Integer> depths = new TreeSet<>();
        TreeSet<Double> ms = new TreeSet<>();
        ArrayNode cells = F.arrayNode();
        ArrayNode fixed = F.arrayNode();
        for (Row r : rows) {
            ObjectNode c = F.objectNode();
            int depth = r.<Integer>getAs("depth");
            c.put("depth", depth);
            boolean hasM = !r.isNullAt(r.fieldIndex("multiplier"));
            if (hasM) {
                c.put("m", r.<Double>getAs("multiplier"));
            } else {
                c.putNull("m");
            }
            c.put("regime", r.<String>getAs("regime"));
            c.set("forward_rate", number(r.<Double>getAs("forward_rate")));
            c.set("backward_rate", number(r.<Double>getAs("backward_rate")));
            c.put("runs", r.<Long>getAs("runs"));
            for (String theory : THEORY_CELL_COLUMNS) {
                if (List.of(r.schema().fieldNames()).contains(theory) && !r.isNullAt(r.fieldIndex(theory))) {
                    Object v = r.get(r.fieldIndex(theory));
                    c.set(theory, v instanceof Double d ? number(d) : F.textNode(String.valueOf(v)));
                }
            }
            if (hasM) {
                depths.add(depth);
                ms.add(r.<Double>getAs("multiplier"));
                cells.add(c);
            } else {
                fixed.add(c);
            }
        }
        ArrayNode d = h.putArray("depths");
        depths.forEach(d::add);
        ArrayNode m = h.putArray("multipliers");
        ms.forEach(m::add);
        h.set("cells", cells);
        h.set("fixed", fixed);
        putPng(h, "regime_" + g.fileStem() + ".png", pngs);
        return h;
    }

    private static Map<ChartGroup, ObjectNode> layerCurves(SparkSession spark, Set<String> pngs) {
        Map<ChartGroup, Integer> depthOf = new LinkedHashMap<>();
        Map<ChartGroup, DeepestCurves.Curves> curves = DeepestCurves.load(spark);
        curves.forEach((g, c) -> depthOf.put(g, c.depth()));
        Map<ChartGroup, TreeMap<Double, double[][]>> predicted = predictedVariance(spark, depthOf);
        Map<ChartGroup, ObjectNode> out = new LinkedHashMap<>();
        for (var e : curves.entrySet()) {
            ChartGroup g = e.getKey();
            int depth = depthOf.get(g);
            ObjectNode node = F.objectNode();
            node.put("depth", depth);
            ArrayNode epochs = node.putArray("epochs");
            int first = e.getValue().byEpoch().firstKey();
            List<TrainingSetting> settings = e.getValue().namesSettings() ? e.getValue().settings() : null;
            for (var byEpoch : e.getValue().byEpoch().entrySet()) {
                ObjectNode ep = epochs.addObject();
                ep.put("epoch", byEpoch.getKey());
                putPng(ep, "layers_" + g.fileStem() + "_d" + depth + "_epoch" + byEpoch.getKey() + ".png", pngs);
                if (settings != null) {
                    ArrayNode missing = ep.putArray("missing_settings");
                    e.getValue().missing(byEpoch.getKey()).forEach(s -> missing.add(s.label()));
                }
                ArrayNode series = ep.putArray("series");
                for (var byM : byEpoch.getValue().entrySet()) {
                    ObjectNode s = series.addObject();
                    putLine(s, byM.getKey(), settings);
                    s.set("var_a", numbers(byM.getValue()[0]));
                    s.set("var_grad_a", numbers(byM.getValue()[1]));
                    Double m = byM.getKey().multiplier();
                    double[][] theory = predicted.getOrDefault(g, new TreeMap<>()).get(m == null ? FIXED : m);
                    if (byEpoch.getKey() == first && first == 0 && theory != null) {
                        s.set("predicted_var_a", numbers(theory[0]));
                        s.set("predicted_var_grad_a", numbers(theory[1]));
                        s.set("ln_var_a_sd", numbers(theory[2]));
                    }
                }
            }
            out.put(g, node);
        }
        return out;
    }

    /** The key of a fixed scheme's one line (no multiplier) among the predicted curves keyed by m. */
    private static final double FIXED = Double.NaN;

    /**
     * The mean-field prediction of Var(a) and Var(∂J/∂a) per layer at initialization and the
     * finite-width spread of ln Var(a) ({@code growth/} columns {@code predicted_var_a},
     * {@code predicted_var_grad_a}, {@code predicted_ln_var_a_sd}, where the analysis wrote them), seeds
     * averaged, for each group's deepest networks.
     */
    private static Map<ChartGroup, TreeMap<Double, double[][]>> predictedVariance(SparkSession spark,
            Map<ChartGroup, Integer> depthOf) {
        Map<ChartGroup, TreeMap<Double, double[][]>> out = new LinkedHashMap<>();
        List<String> cols;
        try {
            cols = List.of(spark.table("growth").columns());
        } catch (RuntimeException e) {
            return out;
        }
        if (!cols.containsAll(List.of("predicted_var_a", "predicted_var_grad_a", "sigma_b2", "dataset"))) {
            return out;
        }
        String spread = cols.contains("predicted_ln_var_a_sd") ? "avg(predicted_ln_var_a_sd)" : "CAST(NULL AS DOUBLE)";
        List<Row> rows = spark.sql("""
                SELECT activation, init, width, profile, sigma_b2, dataset, depth, multiplier, layer,
                       avg(predicted_var_a) AS predicted_var_a, avg(predicted_var_grad_a) AS predicted_var_grad_a,
                       %s AS ln_var_a_sd
                FROM growth WHERE predicted_var_a IS NOT NULL
                GROUP BY activation, init, width, profile, sigma_b2, dataset, depth, multiplier, layer
                """.formatted(spread)).collectAsList();
        for (Row r : rows) {
            ChartGroup g = ChartGroup.of(r);
            Integer depth = depthOf.get(g);
            int l = r.<Integer>getAs("layer");
            if (depth == null || depth != r.<Integer>getAs("depth") || l < 1 || l > depth + 1) {
                continue;
            }
            double[][] a = out.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(
                    r.isNullAt(r.fieldIndex("multiplier")) ? FIXED : r.<Double>getAs("multiplier"),
                    k -> new double[][] {nan(depth + 1), nan(depth + 1), nan(depth + 1)});
            a[0][l - 1] = r.isNullAt(r.fieldIndex("predicted_var_a")) ? Double.NaN : r.<Double>getAs("predicted_var_a");
            a[1][l - 1] = r.isNullAt(r.fieldIndex("predicted_var_grad_a")) ? Double.NaN
                    : r.<Double>getAs("predicted_var_grad_a");
            a[2][l - 1] = r.isNullAt(r.fieldIndex("ln_var_a_sd")) ? Double.NaN : r.<Double>getAs("ln_var_a_sd");
        }
        return out;
    }

    private static Map<ChartGroup, ObjectNode> costCurves(SparkSession spark, Set<String> pngs) {
        Map<ChartGroup, ObjectNode> out = new LinkedHashMap<>();
        for (var e : DeepestCurves.loadCosts(spark).entrySet()) {
            ChartGroup g = e.getKey();
            int depth = e.getValue().depth();
            ObjectNode node = F.objectNode();
            node.put("depth", depth);
            putPng(node, "cost_" + g.fileStem() + "_d" + depth + ".png", pngs);
            ArrayNode series = node.putArray("series");
            List<TrainingSetting> all = DeepestCurves.settings(e.getValue().byLine().keySet());
            List<TrainingSetting> settings = all.size() > 1 ? all : null;
            for (DeepestCurves.Line line : e.getValue().byLine().keySet()) {
                ObjectNode s = series.addObject();
                putLine(s, line, settings);
                double[][] mean = e.getValue().mean(line); // over every seed, or a gap
                s.set("loss", numbers(mean[0]));
                s.set("accuracy", numbers(mean[1]));
                s.put("seeds", e.getValue().byLine().get(line).size());
                s.put("diverged", e.getValue().diverged(line));
            }
            out.put(g, node);
        }
        return out;
    }

    /**
     * A line's multiplier {@code m}; where the group has several training {@code settings} (else null), the
     * line's ({@code setting}, e.g. {@code adam η = 0.001}) and its index among them ({@code setting_index}:
     * the page dashes lines by it, the same in every chart of the group).
     */
    private static void putLine(ObjectNode s, DeepestCurves.Line line, List<TrainingSetting> settings) {
        s.put("m", line.multiplier());
        if (settings != null && line.setting() != null) {
            s.put("setting", line.setting().label());
            s.put("setting_index", settings.indexOf(line.setting()));
        }
    }

    /** Registers {@code report_<table>} when {@code dir/<table>} exists with the expected columns. */
    private static boolean hasTable(SparkSession spark, FileSystem fs, String dir, String table, List<String> columns)
            throws IOException {
        Path p = new Path(dir, table);
        if (!fs.exists(p)) {
            return false;
        }
        try {
            var df = spark.read().parquet(p.toString());
            if (!List.of(df.columns()).containsAll(columns)) {
                return false;
            }
            df.createOrReplaceTempView("report_" + table);
            return true;
        } catch (RuntimeException e) {
            return false; // shown as an unreadable table by extras()
        }
    }

    /** The groups' deepest networks among the runs that have rows in {@code view}. */
    private static String deepestWith(String view) {
        return "WITH deepest AS (SELECT activation, init, width, profile, sigma_b2, dataset, max(depth) AS depth FROM runs"
                + " WHERE run_id IN (SELECT DISTINCT run_id FROM " + view + ")"
                + " GROUP BY activation, init, width, profile, sigma_b2, dataset) ";
    }

    private static final String JOIN_DEEPEST = " JOIN deepest d ON r.activation = d.activation AND r.init = d.init"
            + " AND r.width <=> d.width AND r.profile <=> d.profile AND r.sigma_b2 = d.sigma_b2 AND r.dataset = d.dataset AND r.depth = d.depth ";

    /**
     * Per group: the activation histograms of its deepest networks, counts summed over seeds, as
     * fractions of each layer's activations; one view per (m, epoch), and per training setting after
     * epoch 0 where the sweep has several ({@code setting}).
     */
    private static Map<ChartGroup, ObjectNode> histograms(SparkSession spark, Set<String> pngs) {
        boolean perSetting = manySettings(spark);
        String setting = perSetting ? "CASE WHEN h.epoch = 0 THEN NULL ELSE r.optimizer END AS setting_optimizer,"
                + " CASE WHEN h.epoch = 0 THEN NULL ELSE r.learning_rate END AS setting_lr"
                : "CAST(NULL AS STRING) AS setting_optimizer, CAST(NULL AS DOUBLE) AS setting_lr";
        List<Row> rows = spark.sql(deepestWith("report_histograms")
                + ", h AS (SELECT r.activation, r.init, r.width, r.profile, r.sigma_b2, r.dataset, r.depth, r.multiplier,"
                + " h.epoch, h.layer, h.bin, h.lower, h.upper, h.count, " + setting
                + " FROM report_histograms h JOIN runs r ON h.run_id = r.run_id" + JOIN_DEEPEST + ")"
                + " SELECT activation, init, width, profile, sigma_b2, dataset, depth, multiplier, setting_optimizer, setting_lr,"
                + " epoch, layer, bin, min(lower) AS lower, max(upper) AS upper, sum(count) AS count FROM h"
                + " GROUP BY activation, init, width, profile, sigma_b2, dataset, depth, multiplier, setting_optimizer, setting_lr,"
                + " epoch, layer, bin").collectAsList();
        // group → (m, epoch) → layer → bin → [lower, upper, count]
        Map<ChartGroup, Integer> depthOf = new LinkedHashMap<>();
        Map<ChartGroup, TreeMap<String, TreeMap<Integer, TreeMap<Integer, double[]>>>> all = new LinkedHashMap<>();
        Map<String, Object[]> keys = new LinkedHashMap<>();
        for (Row r : rows) {
            ChartGroup g = ChartGroup.of(r);
            depthOf.put(g, r.<Integer>getAs("depth"));
            Double m = r.isNullAt(r.fieldIndex("multiplier")) ? null : r.<Double>getAs("multiplier");
            int epoch = r.<Integer>getAs("epoch");
            TrainingSetting s = setting(r);
            String key = viewKey(m, epoch, s);
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
                putMultiplier(view, (Double) k[0]);
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
            putRunPngs(node, "histograms_", g, depthOf.get(g), pngs);
            out.put(g, node);
        }
        return out;
    }

    /**
     * Per group: the trained networks' output probability over the input plane, for the deepest
     * networks, seeds averaged; one map per m.
     */
    private static Map<ChartGroup, ObjectNode> boundaries(SparkSession spark, Set<String> pngs) {
        boolean perSetting = manySettings(spark);
        String optimizer = perSetting ? "r.optimizer" : "CAST(NULL AS STRING)";
        String lr = perSetting ? "r.learning_rate" : "CAST(NULL AS DOUBLE)";
        List<Row> rows = spark.sql(deepestWith("report_boundaries")
                + "SELECT r.activation, r.init, r.width, r.profile, r.sigma_b2, r.dataset, r.depth, r.multiplier,"
                + " " + optimizer + " AS setting_optimizer, " + lr + " AS setting_lr,"
                + " b.i1, b.i2, avg(b.x1) AS x1, avg(b.x2) AS x2, avg(b.p) AS p, max(r.epochs) AS epochs"
                + " FROM report_boundaries b JOIN runs r ON b.run_id = r.run_id" + JOIN_DEEPEST
                + " GROUP BY r.activation, r.init, r.width, r.profile, r.sigma_b2, r.dataset, r.depth, r.multiplier, "
                + optimizer + ", " + lr + ", b.i1, b.i2").collectAsList();
        Map<ChartGroup, Integer> depthOf = new LinkedHashMap<>();
        Map<ChartGroup, Integer> epochsOf = new LinkedHashMap<>();
        Map<ChartGroup, Integer> steps = new LinkedHashMap<>();
        Map<ChartGroup, TreeMap<Integer, Double>> coords = new LinkedHashMap<>();
        Map<ChartGroup, Map<String, Object[]>> ms = new LinkedHashMap<>();
        Map<ChartGroup, Map<String, Map<Long, Double>>> maps = new LinkedHashMap<>();
        for (Row r : rows) {
            ChartGroup g = ChartGroup.of(r);
            depthOf.put(g, r.<Integer>getAs("depth"));
            epochsOf.merge(g, r.<Integer>getAs("epochs"), Math::max);
            int i1 = r.<Integer>getAs("i1");
            int i2 = r.<Integer>getAs("i2");
            steps.merge(g, Math.max(i1, i2) + 1, Math::max);
            coords.computeIfAbsent(g, k -> new TreeMap<>()).put(i1, r.<Double>getAs("x1"));
            Double m = r.isNullAt(r.fieldIndex("multiplier")) ? null : r.<Double>getAs("multiplier");
            TrainingSetting s = setting(r);
            String key = viewKey(m, 0, s);
            ms.computeIfAbsent(g, k -> new TreeMap<>()).put(key, new Object[] {m, s});
            maps.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .put(((long) i2 << 32) | i1, r.isNullAt(r.fieldIndex("p")) ? Double.NaN : r.<Double>getAs("p"));
        }
        Map<ChartGroup, ObjectNode> out = new LinkedHashMap<>();
        for (ChartGroup g : maps.keySet()) {
            int n = steps.get(g);
            ObjectNode node = F.objectNode();
            node.put("depth", depthOf.get(g));
            node.put("epochs", epochsOf.get(g));
            node.put("steps", n);
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
                putMultiplier(map, (Double) k[0]);
                if (k[1] != null) {
                    map.put("setting", ((TrainingSetting) k[1]).label());
                }
                ArrayNode p = map.putArray("p");
                for (int i2 = 0; i2 < n; i2++) {
                    for (int i1 = 0; i1 < n; i1++) {
                        Double v = e.getValue().get(((long) i2 << 32) | i1);
                        if (v == null || !Double.isFinite(v)) {
                            p.addNull();
                        } else {
                            p.add(Math.round(v * 1e3) / 1e3);
                        }
                    }
                }
            }
            putRunPngs(node, "boundary_", g, depthOf.get(g), pngs);
            out.put(g, node);
        }
        return out;
    }

    /**
     * Sortable key of (m, epoch, setting): fixed schemes (m null) first, then m ascending, then epoch, then
     * the setting (null first).
     */
    private static String viewKey(Double m, int epoch, TrainingSetting setting) {
        return (m == null ? "0" : String.format(java.util.Locale.ROOT, "1%030.12f", m))
                + String.format(java.util.Locale.ROOT, "_%09d", epoch)
                + (setting == null ? "" : String.format(java.util.Locale.ROOT, "_%s_%030.12f", setting.optimizer(),
                        setting.learningRate()));
    }

    /** Whether the sweep has more than one (optimizer, learning rate). */
    private static boolean manySettings(SparkSession spark) {
        return spark.sql("SELECT count(DISTINCT optimizer, learning_rate) > 1 FROM runs").first().getBoolean(0);
    }

    /** The setting of a row with columns {@code setting_optimizer}, {@code setting_lr}, or null. */
    private static TrainingSetting setting(Row r) {
        int o = r.fieldIndex("setting_optimizer");
        return r.isNullAt(o) ? null : new TrainingSetting(r.getString(o), r.<Double>getAs("setting_lr"));
    }

    private static void putMultiplier(ObjectNode node, Double m) {
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
    private static void putRunPngs(ObjectNode node, String prefix, ChartGroup g, int depth, Set<String> pngs) {
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

    /**
     * Tables of {@link #EXTRA_TABLES} that exist but are not charted ({@code charted}): columns,
     * the first rows as text, the row count.
     */
    private static ArrayNode extras(SparkSession spark, FileSystem fs, String dir, String... charted)
            throws IOException {
        ArrayNode out = F.arrayNode();
        for (String table : EXTRA_TABLES) {
            Path p = new Path(dir, table);
            if (!fs.exists(p) || List.of(charted).contains(table)) {
                continue;
            }

            ObjectNode t = out.addObject();
            t.put("table", table);
            try {
                var df = spark.read().parquet(p.toString());
                ArrayNode cols = t.putArray("columns");
                for (StructField f : df.schema().fields()) {
                    cols.add(f.name());
                }
                t.put("total", df.count());
                ArrayNode rows = t.putArray("rows");
                for (Row r : df.limit(EXTRA_ROWS).collectAsList()) {
                    ArrayNode row = rows.addArray();
                    for (int i = 0; i < r.length(); i++) {
                        Object v = r.get(i);
                        if (v == null) {
                            row.addNull();
                        } else if (v instanceof Number n && !(v instanceof java.math.BigDecimal)) {
                            row.add(number(n.doubleValue()));
                        } else {
                            row.add(String.valueOf(v));
                        }
                    }
                }
            } catch (RuntimeException e) {
                t.put("error", "cannot read " + table + "/: " + firstLine(e.getMessage()));
            }
        }
        return out;
    }

    /** Runs in the spec's grid, or −1 where spec.json is missing or no longer reads as a spec. */
    private static long gridRuns(JsonNode spec, Path file) {
        if (!spec.isObject()) {
            return -1;
        }
        try {
            return new org.initsweep.core.spec.Grid(org.initsweep.core.spec.SpecReader.parse(spec.toString(),
                    file.toString())).size();
        } catch (RuntimeException notASpec) {
            return -1;
        }
    }

    private static JsonNode readJson(FileSystem fs, Path p) throws IOException {
        if (!fs.exists(p)) {
            return F.nullNode();
        }
        String text = org.initsweep.analysis.io.TextFiles.read(fs, p);
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return F.textNode(text); // shown as text rather than lost
        }
    }

    private static void putPng(ObjectNode node, String name, Set<String> pngs) {
        org.initsweep.analysis.JsonFields.putPng(node, "png", name, pngs);
    }

    /** A finite double as a number; NaN and ±∞ as the strings "NaN", "Infinity", "-Infinity". */
    static JsonNode number(double v) {
        if (Double.isFinite(v)) {
            return F.numberNode(v);
        }
        return F.textNode(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }

    /** An array for a chart: finite values as numbers, anything else as null (a gap). */
    static ArrayNode numbers(double[] values) {
        ArrayNode a = F.arrayNode();
        for (double v : values) {
            org.initsweep.analysis.JsonFields.addOrGap(a, v);
        }
        return a;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
