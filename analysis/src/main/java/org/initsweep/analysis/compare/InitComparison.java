package org.initsweep.analysis.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.initsweep.analysis.OrderFreeSql;
import org.initsweep.analysis.io.Publish;
import org.initsweep.core.spec.Axes;
import org.initsweep.core.spec.Column;

/**
 * The {@code compare/} table: init schemes compared on paired runs. Two runs are a pair when they share
 * every grid value but the init (depth, widths, activation, m, σ_b², dataset, optimizer, learning rate
 * and the seed, so they trained on the same data in the same order). Per pair of schemes (a, b), a
 * before b in name order, and per cell, over the pairs where both runs finished with a finite cost:
 * the mean and sample standard deviation of the difference d = J_a − J_b of final training costs
 * (nats), its 95% confidence interval mean ± t₀.₉₇₅,ₙ₋₁·sd/√n (Student's t; NaN for one pair), how many
 * pairs a ended lower, and how many runs of each scheme diverged (pairs with a diverged run are
 * counted there, not in the mean). A negative mean with an interval below 0 says a trains to a lower
 * cost than b in that cell.
 *
 * <p>Speed as well as end point: over the same pairs, how many runs of each scheme reached a target
 * training cost and the median of the first epoch at which they did ({@code epochs/}: the cost after e
 * epochs, e = 0 at initialization; a run that never reached it is counted out of the median). The target
 * is half the chance-level cost, {@code target_loss} = ln(K)/2 nats for K classes (the cost of predicting
 * the uniform distribution is ln K), the same level for every cell of a dataset, unless the analysis is
 * given one ({@code analyze --target-loss J}).
 *
 * <p>Pairs share the grid's multiplier m, which scales each scheme's own variance: He at m = 1 draws
 * Var(W) = 2/fan_in, orthogonal and LeCun 1/fan_in. {@code a_sigma_w2} and {@code b_sigma_w2} give
 * what m means for each, fan_in·Var(W) of the hidden layers (mean field's σ_w²; for a width profile the
 * one its hidden-to-hidden layers share, null where they differ), so a comparison of two different variances is visible as one. A
 * fixed scheme (zero, constant, identity_scaled: no m) pairs with the other scheme's runs of every m, in
 * the cell of that m.
 */
public final class InitComparison {

    /** Name of the table and its view. */
    public static final String TABLE = org.initsweep.core.trace.Tables.COMPARE;

    private InitComparison() {
    }

    private static final String MULTIPLIER = "multiplier";

    /** The cell columns, the init pair first: every grid column but init and seed. */
    static List<String> cellColumns() {
        return Axes.cellColumns().stream().map(Column::name).filter(c -> !c.equals("init")).toList();
    }

    /** The table's schema: init_a, init_b, the cell columns as in {@code runs/}, then the statistics. */
    public static StructType schema(StructType runs) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("init_a", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("init_b", DataTypes.StringType, false));
        for (String c : cellColumns()) {
            f.add(runs.fields()[runs.fieldIndex(c)]);
        }
        f.add(DataTypes.createStructField("pairs", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("mean_loss_diff", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("sd_loss_diff", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("ci95_low", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("ci95_high", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("a_lower", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("a_diverged", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("b_diverged", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("target_loss", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("a_reached", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("b_reached", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("a_median_epochs", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("b_median_epochs", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("a_sigma_w2", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("b_sigma_w2", DataTypes.DoubleType, true));
        return DataTypes.createStructType(f);
    }

    /**
     * The comparison rows of the registered {@code runs} and {@code epochs} views; empty when they hold
     * one init scheme.
     */
    public static List<Row> rows(SparkSession spark) {
        return rows(spark, null);
    }

    /**
     * @param targetLoss the target training cost in nats, or null for ln(K)/2 per dataset
     */
    public static List<Row> rows(SparkSession spark, Double targetLoss) {
        String target = targetLoss == null ? "ln(%s.classes) / 2" : "CAST(" + targetLoss + " AS DOUBLE)";
        List<String> cell = cellColumns();
        // A fixed scheme (zero, constant, identity_scaled) has no m: its runs pair with the other scheme's
        // runs of every m, each cell keyed by that m.
        String on = cell.stream().map(c -> c.equals(MULTIPLIER)
                ? "(a." + c + " <=> b." + c + " OR a." + c + " IS NULL OR b." + c + " IS NULL)"
                : "a." + c + " <=> b." + c).collect(Collectors.joining(" AND "));
        String keys = cell.stream().map(c -> c.equals(MULTIPLIER) ? "coalesce(a." + c + ", b." + c + ") AS " + c : "a." + c)
                .collect(Collectors.joining(", "));
        List<Row> stats = spark.sql("""
                WITH reach AS (
                  SELECT e.run_id, min(CASE WHEN e.loss <= %s THEN e.epoch END) AS epoch
                  FROM epochs e JOIN runs r ON e.run_id = r.run_id GROUP BY e.run_id),
                pairs AS (
                  SELECT a.init AS init_a, b.init AS init_b, %s,
                         a.status = 'diverged' AS a_div, b.status = 'diverged' AS b_div, %s AS target,
                         a.status <> 'diverged' AND b.status <> 'diverged'
                           AND NOT isnan(a.final_loss) AND NOT isnan(b.final_loss) AS both,
                         a.final_loss - b.final_loss AS diff, ra.epoch AS a_epoch, rb.epoch AS b_epoch
                  FROM runs a JOIN runs b ON a.seed = b.seed AND a.init < b.init AND %s
                  LEFT JOIN reach ra ON ra.run_id = a.run_id LEFT JOIN reach rb ON rb.run_id = b.run_id),
                counted AS (
                  SELECT *, CASE WHEN both THEN diff END AS d, CASE WHEN both THEN a_epoch END AS a_ep,
                         CASE WHEN both THEN b_epoch END AS b_ep
                  FROM pairs)
                SELECT init_a, init_b, %s, count(d) AS pairs, %s AS mean, %s AS sd,
                       count_if(d < 0) AS a_lower, count_if(a_div) AS a_diverged, count_if(b_div) AS b_diverged,
                       max(target) AS target_loss, count(a_ep) AS a_reached, count(b_ep) AS b_reached,
                       percentile(a_ep, 0.5) AS a_median, percentile(b_ep, 0.5) AS b_median
                FROM counted GROUP BY init_a, init_b, %s
                ORDER BY init_a, init_b, %s
                """.formatted(target.formatted("r"), keys, target.formatted("a"), on, String.join(", ", cell),
                        OrderFreeSql.mean("d"), OrderFreeSql.sampleSd("d"), String.join(", ", cell),
                        String.join(", ", cell)))
                .collectAsList();
        List<Row> out = new ArrayList<>(stats.size());
        for (Row s : stats) {
            long n = s.getLong(s.fieldIndex("pairs"));
            Double mean = n == 0 ? null : s.getDouble(s.fieldIndex("mean"));
            Double sd = n < 2 || s.isNullAt(s.fieldIndex("sd")) ? null : s.getDouble(s.fieldIndex("sd"));
            Double half = sd == null ? null : StudentT.quantile975(n - 1) * sd / Math.sqrt(n);
            List<Object> v = new ArrayList<>();
            v.add(s.getAs("init_a"));
            v.add(s.getAs("init_b"));
            for (String c : cell) {
                v.add(s.get(s.fieldIndex(c)));
            }
            v.add(n);
            v.add(mean);
            v.add(sd);
            v.add(half == null ? null : mean - half);
            v.add(half == null ? null : mean + half);
            v.add(s.getLong(s.fieldIndex("a_lower")));
            v.add(s.getLong(s.fieldIndex("a_diverged")));
            v.add(s.getLong(s.fieldIndex("b_diverged")));
            v.add(s.getDouble(s.fieldIndex("target_loss")));
            v.add(s.getLong(s.fieldIndex("a_reached")));
            v.add(s.getLong(s.fieldIndex("b_reached")));
            v.add(s.isNullAt(s.fieldIndex("a_median")) ? null : s.getDouble(s.fieldIndex("a_median")));
            v.add(s.isNullAt(s.fieldIndex("b_median")) ? null : s.getDouble(s.fieldIndex("b_median")));
            v.add(sigmaW2(s.getAs("init_a"), s, cell));
            v.add(sigmaW2(s.getAs("init_b"), s, cell));
            out.add(RowFactory.create(v.toArray()));
        }
        return out;
    }

    /**
     * fan_in·Var(W) of a hidden layer of the cell's network under {@code init}: of its equal-width layers, or
     * the one its profile's hidden-to-hidden layers share ({@link org.initsweep.core.init.InitSpec#sharedMultiplier},
     * as the trainability theory takes it); null where they differ, without m, or for an unknown label.
     */
    private static Double sigmaW2(String init, Row cellRow, List<String> cell) {
        if (!cell.contains("width") || !cell.contains("profile") || !cell.contains("multiplier")
                || cellRow.isNullAt(cellRow.fieldIndex("multiplier"))) {
            return null;
        }
        double v = org.initsweep.analysis.ChartGroup.sigmaW2(init, cellRow.getAs("width"), cellRow.getAs("profile"),
                cellRow.<Double>getAs("multiplier"));
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Draws {@code compare_paired_<a>_vs_<b>_<shape>.png} per pair of schemes and network shape from the
     * registered {@code compare} view ({@link org.initsweep.analysis.chart.PairedDifferenceChart}): the
     * mean paired difference against depth, one line per multiplier.
     *
     * @return the PNGs written into {@code local}; none without the view
     * @throws IOException if a PNG cannot be written
     */
    public static List<java.nio.file.Path> writeCharts(SparkSession spark, java.nio.file.Path local) throws IOException {
        if (!spark.catalog().tableExists(TABLE)) {
            return List.of();
        }
        // one scan, sorted and counted here: as queries, the ORDER BY and the count(DISTINCT …) cost 6 jobs
        List<Row> rows = spark.sql("SELECT *, init_a AS init FROM " + TABLE).collectAsList() // init: for ChartGroup.of
                .stream().sorted(org.initsweep.analysis.SqlOrder.ascending("init_a", "init_b", "activation", "width",
                        "profile", "sigma_b2", "dataset", "optimizer", "learning_rate", "multiplier", "depth"))
                .toList();
        // count(DISTINCT optimizer, learning_rate): the pairs with neither null
        boolean manySettings = rows.stream()
                .filter(r -> r.getAs("optimizer") != null && r.getAs("learning_rate") != null)
                .map(r -> List.of(r.getAs("optimizer"), r.getAs("learning_rate"))).distinct().limit(2).count() > 1;
        record Chart(String initA, String initB, String title) {
        }
        Map<String, List<org.initsweep.analysis.chart.PairedDifference>> cells = new LinkedHashMap<>();
        Map<String, Chart> charts = new LinkedHashMap<>();
        for (Row r : rows) {
            org.initsweep.analysis.ChartGroup g = org.initsweep.analysis.ChartGroup.of(r);
            String a = r.getAs("init_a");
            String b = r.getAs("init_b");
            String settings = manySettings ? "_" + r.getAs("optimizer") + "_lr" + r.getAs("learning_rate") : "";
            String stem = org.initsweep.analysis.ChartGroup.sanitize("compare_paired_" + a + "_vs_" + b + "_"
                    + g.activation() + "_w" + g.shapeText() + "_sb" + g.sigmaB2() + "_" + g.dataset() + settings);
            charts.putIfAbsent(stem, new Chart(a, b, "Paired: " + a + " \u2212 " + b + ", " + g.activation() + ", "
                    + g.shapeTitle() + ", \u03c3_b\u00b2 = " + g.sigmaB2() + ", " + g.dataset()
                    + (manySettings ? ", " + org.initsweep.analysis.TrainingSetting.of(r).label() : "")));
            String label = r.isNullAt(r.fieldIndex("multiplier")) ? "fixed scheme" : "m = " + r.getAs("multiplier");
            cells.computeIfAbsent(stem, k -> new ArrayList<>()).add(new org.initsweep.analysis.chart.PairedDifference(
                    r.<Integer>getAs("depth"), label, nan(r, "mean_loss_diff"), nan(r, "ci95_low"), nan(r, "ci95_high"),
                    r.<Long>getAs("pairs"), r.<Long>getAs("a_diverged"), r.<Long>getAs("b_diverged")));
        }
        List<java.nio.file.Path> written = new ArrayList<>();
        for (var e : cells.entrySet()) {
            Chart c = charts.get(e.getKey());
            java.nio.file.Path png = org.initsweep.analysis.ChartFileName.png(local, e.getKey());
            org.initsweep.analysis.chart.PairedDifferenceChart.write(c.title(), c.initA(), c.initB(), e.getValue(), png);
            written.add(png);
        }
        return written;
    }

    private static double nan(Row r, String column) {
        return r.isNullAt(r.fieldIndex(column)) ? Double.NaN : r.<Double>getAs(column);
    }

    /** {@link #run(SparkSession, String, Double)} with the target ln(K)/2. */
    public static boolean run(SparkSession spark, String dir) throws IOException {
        return run(spark, dir, null);
    }

    /**
     * Writes {@code compare/} when the sweep has two init schemes or more, and removes an earlier one otherwise;
     * registers or drops the view {@code compare} to match.
     *
     * @param targetLoss the target training cost in nats, or null for ln(K)/2 per dataset
     * @return whether it was written
     * @throws IOException on file system errors
     */
    public static boolean run(SparkSession spark, String dir, Double targetLoss) throws IOException {
        return run(spark, dir, targetLoss, org.initsweep.analysis.RunIndex.read(spark));
    }

    /**
     * As {@link #run(SparkSession, String, Double)}, with the sweep's runs already read.
     *
     * @throws IOException on file system errors
     */
    public static boolean run(SparkSession spark, String dir, Double targetLoss, org.initsweep.analysis.RunIndex runs)
            throws IOException {
        if (runs.inits() < 2) {
            Publish.remove(spark, dir, TABLE);
            return false;
        }
        StructType schema = schema(spark.table("runs").schema());
        org.initsweep.analysis.ResultViews.publish(spark, spark.createDataFrame(rows(spark, targetLoss), schema)
                .coalesce(1), dir, TABLE);
        return true;
    }
}
