package org.initsweep.analysis.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.spark.sql.SparkSession;
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
 * recorded epoch. This class gathers the summary, each group's regime heatmap and critical m, and puts
 * the sections together: the curves ({@link CurveSections}), histograms ({@link HistogramSection}),
 * decision boundaries ({@link BoundarySection}), plain tables ({@link ExtraTables}), trainability and isometry.
 */
final class ReportData {

    /** Columns of {@code regions/} with the mean-field prediction of a cell, shown where present. */
    static final List<String> THEORY_CELL_COLUMNS = List.of("chi1", "predicted_regime", "predicted_forward_rate",
            "predicted_backward_rate");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportData() {
    }

    /**
     * @param dir        the sweep's output directory; its views must be registered
     * @param chartFiles paths of the PNG charts written for it (linked where a chart matches)
     * @param curves     the deepest networks' curves and costs, as the charts read them
     */
    static ObjectNode collect(SparkSession spark, String dir, List<String> chartFiles, DeepestCurves.Reading curves)
            throws IOException {
        FileSystem fs = new Path(dir).getFileSystem(spark.sparkContext().hadoopConfiguration());
        ObjectNode root = F.objectNode();
        root.put("generated_at", Instant.now().toString());
        JsonNode spec = readJson(fs, new Path(dir, Tables.SPEC_FILE));
        root.set("spec", spec);
        root.put("grid_runs", gridRuns(spec, new Path(dir, Tables.SPEC_FILE)));
        root.set("engine", readJson(fs, new Path(dir, Tables.ENGINE_FILE)));

        ObjectNode status = root.putObject("runs_by_status");
        long total = 0;
        for (var e : curves.runs().byStatus().entrySet()) {
            status.put(e.getKey() == null ? "unknown" : e.getKey(), e.getValue());
            total += e.getValue();
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

        Map<ChartGroup, ObjectNode> layers = CurveSections.layers(pngs, curves);
        Map<ChartGroup, ObjectNode> costs = CurveSections.costs(pngs, curves);
        Map<String, Integer> classes = curves.classes();
        Map<ChartGroup, ObjectNode> histograms = hasTable(spark, Tables.HISTOGRAMS, HistogramSection.COLUMNS)
                ? HistogramSection.collect(spark, pngs, curves.runs()) : Map.of();
        Map<ChartGroup, ObjectNode> boundaries = hasTable(spark, Tables.BOUNDARIES, BoundarySection.COLUMNS)
                ? BoundarySection.collect(spark, pngs, curves.runs()) : Map.of();
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
            node.put("shape", g.shapeTitle());
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
        root.set("extras", ExtraTables.collect(spark, fs, dir, histograms.isEmpty() ? "" : Tables.HISTOGRAMS,
                boundaries.isEmpty() ? "" : Tables.BOUNDARIES));
        root.set("trainability",
                org.initsweep.analysis.trainability.TrainabilityReport.collect(spark, pngs, curves.runs()));
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
     * turned into m by {@link ChartGroup#multiplierAt(double)}: divided by the init scheme's fan_in·Var(W) at
     * m = 1 ({@code unit}, {@link ChartGroup#multiplierUnit}: 1 for scaled_normal and LeCun, 2 for He, 1/3 for
     * fan-in uniform, n for standard_normal), or for trunc_normal, which has no unit, solved for; null if
     * neither applies, for the fixed schemes, on a width profile where the unit changes with the layers'
     * fans (Glorot, standard_normal), where χ₁ jumps over 1 (GELU, SiLU), which no line on the chart
     * would describe, or where trunc_normal's bounds keep σ_w² below it.
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
        if (g.drawsNonZeroMean()) {
            c.putNull("m_c");
            c.put("method", "none");
            c.put("note", "init " + g.init() + " draws weights of non-zero mean (bounds not symmetric about 0), which"
                    + " mean-field theory does not describe");
            return c;
        }
        if (!g.hasMultiplierScale()) {
            c.putNull("m_c");
            c.put("method", "none");
            c.put("note", "init " + g.init() + (g.width() == null
                    ? " has no single fan_in·Var(W) per m on this width profile (or no multiplier)"
                    : " has no multiplier"));
            return c;
        }
        if (unit > 0 && Double.isFinite(unit)) {
            c.put("unit", unit);
        }
        double small = g.multiplierAt(1.0 / act.gain());
        if (Double.isFinite(small)) {
            c.put("small_signal", small);
        }
        try {
            double sigmaW2 = MeanField.criticalMultiplier(act, g.sigmaB2());
            double mc = g.multiplierAt(sigmaW2);
            if (!Double.isFinite(mc)) {
                c.putNull("m_c");
                c.put("method", "none");
                c.put("note", String.format(java.util.Locale.ROOT, "no critical point: χ₁ = 1 at σ_w² = %.4g, which"
                        + " %s never reaches at width %d (its bounds cap Var(W))", sigmaW2, g.init(), g.width()));
                return c;
            }
            c.put("m_c", mc);
            c.put("method", "mean_field");
        } catch (RuntimeException e) {
            if (e instanceof org.initsweep.core.theory.Chi1JumpException) {
                c.putNull("m_c");
                c.put("method", "none");
                c.put("note", "no critical point: " + e.getMessage());
                return c;
            }
            if (Double.isFinite(small)) {
                c.put("m_c", small);
                c.put("method", "small_signal");
            } else {
                c.putNull("m_c");
                c.put("method", "none");
            }
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


    /**
     * Whether the sweep has {@code <table>} with the columns a section needs, as the view
     * {@link org.initsweep.analysis.ResultViews} registered shows it (merged schema): the sections read that
     * registration (its unfiltered view, by committed run), so the report reads no file again.
     */
    static boolean hasTable(SparkSession spark, String table, List<String> columns) {
        return spark.catalog().tableExists(table) && List.of(spark.table(table).columns()).containsAll(columns);
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

}
