package org.initsweep.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.chart.LayerCurve;
import org.initsweep.analysis.chart.LayerVarianceChart;
import org.initsweep.analysis.chart.LineStyle;
import org.initsweep.analysis.chart.LossCurveChart;

/**
 * Charts that compare init schemes side by side — the article's experiments: for every network
 * shape (activation × width × depth × σ_b² × dataset) trained with more than one init scheme, or
 * with a fixed scheme (zero, constant, identity_scaled), one cost chart and per-layer variance
 * charts at the first and last recorded epoch, one line per (init, m), seeds averaged. A sweep over
 * optimizers or learning rates gets these charts per {@link TrainingSetting} (but at epoch 0, before
 * any training).
 */
final class CompareCharts {

    private CompareCharts() {
    }

    /**
     * A network shape: a chart group without its init, at one depth, and the training setting of its
     * runs where the sweep has several (else null).
     */
    private record Shape(ChartGroup group, int depth, TrainingSetting setting) {
        String stem() {
            ChartGroup g = group;
            return ChartWriter.sanitize(g.activation() + "_w" + g.shapeText() + "_d" + depth + "_sb" + g.sigmaB2() + "_"
                    + g.dataset() + (setting == null ? "" : "_" + setting.fileText()));
        }

        String title() {
            ChartGroup g = group;
            return g.activation() + ", " + g.shapeTitle() + ", depth " + depth + ", σ_b² = " + g.sigmaB2() + ", "
                    + g.dataset() + (setting == null ? "" : ", " + setting.label());
        }

        /** The row's shape; its setting from the columns {@code setting_optimizer}, {@code setting_lr} (null: none). */
        static Shape of(Row r) {
            ChartGroup g = ChartGroup.of(r);
            int o = r.fieldIndex("setting_optimizer");
            return new Shape(new ChartGroup(g.activation(), "", g.width(), g.profile(), g.sigmaB2(), g.dataset()),
                    r.<Integer>getAs("depth"), r.isNullAt(o) ? null
                            : new TrainingSetting(r.getString(o), r.<Double>getAs("setting_lr")));
        }
    }

    /** Columns naming a run's setting where the sweep has several (at epoch 0 too when {@code epoch0}), else null. */
    private static String settingColumns(String alias, boolean perSetting, boolean epoch0) {
        if (!perSetting) {
            return "CAST(NULL AS STRING) AS setting_optimizer, CAST(NULL AS DOUBLE) AS setting_lr";
        }
        String when = epoch0 ? "" : "CASE WHEN " + alias + ".epoch = 0 THEN NULL ELSE ";
        String end = epoch0 ? "" : " END";
        return when + alias + ".optimizer" + end + " AS setting_optimizer, " + when + alias + ".learning_rate" + end
                + " AS setting_lr";
    }


    /** The columns naming a compared shape, as {@code runs} has them. */
    private static final List<String> SHAPE_COLUMNS = List.of("activation", "width", "profile", "depth", "sigma_b2",
            "dataset");

    /**
     * The network shapes (activation, width, profile, depth, σ_b², dataset) with runs to compare: trained with
     * more than one init scheme, or with a fixed scheme; in the order the index's runs qualify them (the run of a
     * second init, or of a fixed scheme).
     */
    static List<Row> comparedShapes(RunIndex index) {
        Map<List<Object>, java.util.Set<String>> inits = new java.util.HashMap<>();
        java.util.Set<List<Object>> compared = new java.util.LinkedHashSet<>();
        for (RunIndex.Run r : index.runs()) {
            ChartGroup g = r.group();
            List<Object> shape = java.util.Arrays.asList(g.activation(), g.width(), g.profile(), r.depth(),
                    g.sigmaB2(), g.dataset());
            java.util.Set<String> shapeInits = inits.computeIfAbsent(shape, k -> new java.util.HashSet<>());
            shapeInits.add(g.init());
            if (r.multiplier() == null || shapeInits.size() > 1) {
                compared.add(shape);
            }
        }
        List<Row> out = new ArrayList<>();
        compared.forEach(s -> out.add(org.apache.spark.sql.RowFactory.create(s.toArray())));
        return out;
    }

    /** More lines than this on one compare chart and only each init's m nearest 1 is drawn. */
    static final int MAX_LINES = 8;

    /**
     * The rows to draw: all of them, or — for a shape with more than {@link #MAX_LINES} (init, m)
     * lines — those of each init's multiplier nearest 1 in ln m (the fixed schemes always); such
     * shapes are added to {@code trimmed}. Every m stays on the per-init {@code layers_*} charts.
     */
    static List<Row> fewLines(List<Row> rows, java.util.Set<Shape> trimmed) {
        Map<Shape, java.util.Set<String>> labels = new LinkedHashMap<>();
        Map<String, Double> nearest = new LinkedHashMap<>();
        for (Row r : rows) {
            Shape s = Shape.of(r);
            labels.computeIfAbsent(s, k -> new java.util.HashSet<>()).add(label(r));
            if (!r.isNullAt(r.fieldIndex("multiplier"))) {
                double m = r.<Double>getAs("multiplier");
                nearest.merge(s + "|" + r.getAs("init"), m,
                        (a, b) -> Math.abs(Math.log(b)) < Math.abs(Math.log(a)) ? b : a);
            }
        }
        labels.forEach((s, l) -> {
            if (l.size() > MAX_LINES) {
                trimmed.add(s);
            }
        });
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            Shape s = Shape.of(r);
            if (!trimmed.contains(s) || r.isNullAt(r.fieldIndex("multiplier"))
                    || r.<Double>getAs("multiplier").equals(nearest.get(s + "|" + r.getAs("init")))) {
                out.add(r);
            }
        }
        return out;
    }

    private static String trimNote(java.util.Set<Shape> trimmed, Shape s) {
        return trimmed.contains(s) ? " (each init at its m nearest 1)" : "";
    }

    /**
     * A line's legend entry: {@code zero}, {@code glorot_uniform, m = 1}, or, where the scheme's σ_w² =
     * fan_in·Var(W) of the hidden layers is not m itself, with it: {@code he_normal, m = 1 (σ_w² = 2)} — one
     * m means different weights under different inits.
     */
    static String label(Row r) {
        String init = r.getAs("init");
        if (r.isNullAt(r.fieldIndex("multiplier"))) {
            return init;
        }
        double m = r.<Double>getAs("multiplier");
        int w = r.fieldIndex("width");
        double sigmaW2 = ChartGroup.sigmaW2(init, r.isNullAt(w) ? null : r.getInt(w), r.getAs("profile"), m);
        return init + ", m = " + NumberText.of(m) + (Double.isNaN(sigmaW2) || Math.abs(sigmaW2 - m) <= 1e-12 * m ? ""
                : " (σ_w² = " + NumberText.rounded(sigmaW2) + ")");
    }

    static List<Path> write(SparkSession spark, Path local, DeepestCurves.Reading reading) throws IOException {
        List<Row> shapes = comparedShapes(reading.runs());
        if (shapes.isEmpty()) {
            return List.of(); // one init and no fixed scheme: nothing to compare, and each query below costs jobs
        }
        boolean perSetting = reading.runs().variesSetting();
        List<Path> written = new ArrayList<>(costCharts(spark, local, shapes, perSetting, reading.classes()));
        int[] ends = reading.epochEnds();
        if (ends != null) {
            written.addAll(layerCharts(spark, local, shapes, perSetting, ends));
        }
        return written;
    }

    /**
     * Runs {@code query} with {@code shapes} as a {@link LocalView} whose name it is given, its columns typed as in
     * {@code runs}.
     *
     * @param shapes rows of {@link #SHAPE_COLUMNS}, as {@link #comparedShapes} gives them
     */
    private static List<Row> withCompared(SparkSession spark, List<Row> shapes,
            java.util.function.Function<String, List<Row>> query) {
        org.apache.spark.sql.types.StructType runs = spark.table("runs").schema();
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType(SHAPE_COLUMNS.stream()
                .map(c -> new org.apache.spark.sql.types.StructField(c, runs.apply(c).dataType(), true,
                        org.apache.spark.sql.types.Metadata.empty()))
                .toArray(org.apache.spark.sql.types.StructField[]::new));
        return LocalView.with(spark, shapes, schema, "compared_shapes", query);
    }

    /**
     * Per compared shape, init, m and epoch (and setting when {@code perSetting}: columns
     * {@code setting_optimizer}, {@code setting_lr}, else null): the mean training cost over all of the
     * line's seeds ({@code loss}, null once one of them has diverged: never a mean over a set of runs that
     * shrinks from one epoch to the next), its {@code seeds} and how many {@code diverged}.
     *
     * @param shapes the compared shapes ({@link #comparedShapes}); the runs of other shapes are left out
     */
    static List<Row> costRows(SparkSession spark, List<Row> shapes, boolean perSetting) {
        return withCompared(spark, shapes, compared -> spark.sql("""
                WITH rs AS (SELECT *, %s FROM runs r),
                line AS (
                  SELECT r.run_id, r.activation, r.width, r.profile, r.depth, r.sigma_b2, r.dataset, r.init, r.multiplier,
                         r.setting_optimizer, r.setting_lr,
                         count(*) OVER w AS seeds, count_if(r.status = 'diverged') OVER w AS diverged
                  FROM rs r JOIN %s c ON r.activation = c.activation AND r.width <=> c.width
                       AND r.profile <=> c.profile AND r.depth = c.depth AND r.sigma_b2 = c.sigma_b2 AND r.dataset = c.dataset
                  WINDOW w AS (PARTITION BY r.activation, r.width, r.profile, r.depth, r.sigma_b2, r.dataset, r.init,
                                            r.multiplier, r.setting_optimizer, r.setting_lr))
                SELECT l.activation, l.width, l.profile, l.depth, l.sigma_b2, l.dataset, l.init, l.multiplier,
                       l.setting_optimizer, l.setting_lr, e.epoch,
                       first(l.seeds) AS seeds, first(l.diverged) AS diverged,
                       CASE WHEN count_if(NOT isnan(e.loss) AND abs(e.loss) < double('Infinity')) = first(l.seeds)
                            THEN %s END AS loss
                FROM epochs e JOIN line l ON e.run_id = l.run_id
                GROUP BY l.activation, l.width, l.profile, l.depth, l.sigma_b2, l.dataset, l.init, l.multiplier,
                         l.setting_optimizer, l.setting_lr, e.epoch
                """.formatted(settingColumns("r", perSetting, true), compared, OrderFreeSql.mean("e.loss")))
                .collectAsList())
                .stream().sorted(lineOrder("epoch")).toList();
    }

    private static List<Path> costCharts(SparkSession spark, Path local, List<Row> shapes, boolean perSetting,
            Map<String, Integer> classes) throws IOException {
        List<Row> rows = costRows(spark, shapes, perSetting);
        java.util.Set<Shape> trimmed = new java.util.HashSet<>();
        rows = fewLines(rows, trimmed);
        Map<Shape, Map<String, TreeMap<Integer, Double>>> byShape = new LinkedHashMap<>();
        Map<Shape, Map<String, Row>> lineRows = new LinkedHashMap<>();
        for (Row r : rows) {
            long diverged = r.<Long>getAs("diverged");
            String label = label(r) + (diverged == 0 ? "" : " (" + diverged + " of " + r.<Long>getAs("seeds")
                    + " seeds diverged)");
            byShape.computeIfAbsent(Shape.of(r), k -> new LinkedHashMap<>())
                    .computeIfAbsent(label, k -> new TreeMap<>()).put(r.<Integer>getAs("epoch"), orNaN(r, "loss"));
            lineRows.computeIfAbsent(Shape.of(r), k -> new LinkedHashMap<>()).putIfAbsent(label, r);
        }
        List<Path> written = new ArrayList<>();
        for (var e : byShape.entrySet()) {
            Map<String, double[]> lines = new LinkedHashMap<>();
            e.getValue().forEach((label, byEpoch) -> {
                double[] loss = ChartWriter.nanArray(byEpoch.lastKey() + 1);
                byEpoch.forEach((ep, v) -> loss[ep] = v);
                lines.put(label, loss);
            });
            Path png = ChartFileName.png(local, "compare_cost_" + e.getKey().stem());
            LossCurveChart.write("Cost per epoch by init: " + e.getKey().title() + trimNote(trimmed, e.getKey()), lines,
                    styles(lineRows.get(e.getKey())), classes.getOrDefault(e.getKey().group().dataset(), 2), png);
            written.add(png);
        }
        return written;
    }

    /**
     * Colour by m (black for a fixed scheme), dash pattern (cost) or marker (per-layer charts, where
     * dashes are theory's) by init, so lines of one init read as one family whatever the colours look
     * like to the reader.
     */
    static Map<String, LineStyle> styles(Map<String, Row> rowOfLabel) {
        java.util.TreeSet<Double> ms = new java.util.TreeSet<>();
        List<String> inits = new ArrayList<>();
        for (Row r : rowOfLabel.values()) {
            if (!r.isNullAt(r.fieldIndex("multiplier"))) {
                ms.add(r.<Double>getAs("multiplier"));
            }
            if (!inits.contains(r.<String>getAs("init"))) {
                inits.add(r.getAs("init"));
            }
        }
        List<Double> order = new ArrayList<>(ms);
        Map<String, LineStyle> out = new LinkedHashMap<>();
        rowOfLabel.forEach((label, r) -> {
            int colour = r.isNullAt(r.fieldIndex("multiplier")) ? -1 : order.indexOf(r.<Double>getAs("multiplier"));
            out.put(label, new LineStyle(colour, Math.max(1, order.size()), inits.indexOf(r.<String>getAs("init"))));
        });
        return out;
    }

    /** {@code ORDER BY init, multiplier, <then>} of collected rows, sorted here ({@link SqlOrder}). */
    static Comparator<Row> lineOrder(String then) {
        return SqlOrder.ascending("init", "multiplier", then);
    }

    private static double orNaN(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }

    private static boolean anyFinite(double[] v) {
        return java.util.Arrays.stream(v).anyMatch(Double::isFinite);
    }

    /**
     * Per-layer charts with theory's lines (dashed) at epoch 0, from {@code growth/}: with init
     * schemes of different fan modes on a width profile this is the article's §IV, one panel per
     * direction.
     */
    private static List<Path> layerCharts(SparkSession spark, Path local, List<Row> shapes, boolean perSetting,
            int[] ends) throws IOException {
        List<Row> rows = withCompared(spark, shapes, compared -> spark.sql("""
                WITH l AS (SELECT *, %s FROM layers l WHERE l.epoch IN (%d, %d))
                SELECT l.activation, l.width, l.profile, l.depth, l.sigma_b2, l.dataset, l.init, l.multiplier, l.epoch, l.layer,
                       l.setting_optimizer, l.setting_lr, %s AS var_a, %s AS var_grad_a,
                       %s AS predicted_var_a, %s AS predicted_var_grad_a
                FROM l
                JOIN %s c ON l.activation = c.activation AND l.width <=> c.width AND l.profile <=> c.profile
                     AND l.depth = c.depth AND l.sigma_b2 = c.sigma_b2 AND l.dataset = c.dataset
                LEFT JOIN growth g ON l.epoch = 0 AND g.run_id = l.run_id AND g.layer = l.layer
                GROUP BY l.activation, l.width, l.profile, l.depth, l.sigma_b2, l.dataset, l.init, l.multiplier, l.epoch, l.layer,
                         l.setting_optimizer, l.setting_lr
                """.formatted(settingColumns("l", perSetting, false), ends[0], ends[1], OrderFreeSql.mean("l.var_a"),
                        OrderFreeSql.mean("l.var_grad_a"), OrderFreeSql.mean("g.predicted_var_a"),
                        OrderFreeSql.mean("g.predicted_var_grad_a"), compared)).collectAsList())
                .stream().sorted(lineOrder("layer")).toList();
        java.util.Set<Shape> trimmed = new java.util.HashSet<>();
        rows = fewLines(rows, trimmed);
        Map<Shape, TreeMap<Integer, Map<String, double[][]>>> byShape = new LinkedHashMap<>();
        Map<Shape, Map<String, Row>> lineRows = new LinkedHashMap<>();
        for (Row r : rows) {
            Shape shape = Shape.of(r);
            lineRows.computeIfAbsent(shape, k -> new LinkedHashMap<>()).putIfAbsent(label(r), r);
            double[][] arrays = byShape.computeIfAbsent(shape, k -> new TreeMap<>())
                    .computeIfAbsent(r.<Integer>getAs("epoch"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(label(r), k -> new double[][] {
                        ChartWriter.nanArray(shape.depth() + 1), ChartWriter.nanArray(shape.depth() + 1),
                        ChartWriter.nanArray(shape.depth() + 1), ChartWriter.nanArray(shape.depth() + 1)});
            int l = r.<Integer>getAs("layer");
            boolean hidden = l <= r.<Integer>getAs("depth");
            arrays[0][l - 1] = r.<Double>getAs("var_a");
            // The output unit's ∂J/∂a (a saturated sigmoid's can reach 1e22) is not the signal the
            // hidden layers pass back; the backward panel shows hidden layers only.
            arrays[1][l - 1] = hidden ? r.<Double>getAs("var_grad_a") : Double.NaN;
            arrays[2][l - 1] = orNaN(r, "predicted_var_a");
            arrays[3][l - 1] = hidden ? orNaN(r, "predicted_var_grad_a") : Double.NaN;
        }
        List<Path> written = new ArrayList<>();
        for (var e : byShape.entrySet()) {
            for (var byEpoch : e.getValue().entrySet()) {
                List<LayerCurve> lines = new ArrayList<>();
                byEpoch.getValue().forEach((label, a) -> lines.add(new LayerCurve(Double.NaN, byEpoch.getKey(), a[0], a[1],
                        anyFinite(a[2]) ? a[2] : null, anyFinite(a[3]) ? a[3] : null, label)));
                Path png = ChartFileName.png(local, "compare_layers_" + e.getKey().stem() + "_epoch"
                        + byEpoch.getKey());
                LayerVarianceChart.write("Per-layer variance by init, epoch " + byEpoch.getKey() + ": "
                        + e.getKey().title() + trimNote(trimmed, e.getKey()), lines, styles(lineRows.get(e.getKey())), png);
                written.add(png);
            }
        }
        return written;
    }
}
