package org.initsweep.analysis.trainability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.initsweep.analysis.ConsoleTable;
import org.initsweep.analysis.NumberText;
import org.initsweep.core.spec.Axes;
import org.initsweep.core.spec.Column;
import org.initsweep.core.spec.SpecException;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.spec.TargetSplit;
import org.initsweep.core.trace.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code trainability/} (one row per grid cell, {@link #SCHEMA}) and {@code trainability_bound/}
 * (one row per σ_w², {@link #BOUND_SCHEMA}) for a sweep whose runs have a test split, or for any
 * sweep whose spec judges on the training split, and draws their charts ({@link TrainabilityCharts}).
 * Each table is written into a temporary folder beside it and renamed into place, so a reader sees the
 * old table or the new one, never half of one.
 *
 * <p>A cell trained when its mean accuracy on the spec's {@code target_split} ({@link TargetSplit}, test by
 * default) is at least the target: the spec's {@code target_accuracy} ({@code spec.json}) or
 * {@value CellStatistics#DEFAULT_TARGET_FRACTION} × the best mean accuracy on that split among the cells of
 * its dataset ({@link CellStatistics#targets}).
 */
public final class TrainabilityAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(TrainabilityAnalysis.class);

    /** The columns that identify a grid cell, in the order of the result tables ({@link Axes#cellColumns()}). */
    public static final List<Column> KEY_COLUMNS = Axes.cellColumns();

    /** Names of {@link #KEY_COLUMNS}. */
    public static final List<String> KEYS = KEY_COLUMNS.stream().map(Column::name).toList();

    static final int DEPTH = KEYS.indexOf("depth");

    static final int DATASET = KEYS.indexOf("dataset");

    /** {@code trainability/}: the cell key, then what it learned and what theory says. */
    public static final StructType SCHEMA = schema(KEY_COLUMNS, List.of(
            f("runs", DataTypes.IntegerType, false),
            f("diverged_runs", DataTypes.IntegerType, false),
            f("train_accuracy", DataTypes.DoubleType, true),
            f("train_accuracy_std", DataTypes.DoubleType, true),
            f("test_accuracy", DataTypes.DoubleType, true),
            f("test_accuracy_std", DataTypes.DoubleType, true),
            f("test_accuracy_min", DataTypes.DoubleType, true),
            f("test_accuracy_max", DataTypes.DoubleType, true),
            f("target_accuracy", DataTypes.DoubleType, true),
            f("target_split", DataTypes.StringType, false),
            f("epochs_to_target", DataTypes.IntegerType, true),
            f("seeds_reached_target", DataTypes.IntegerType, false),
            f("loss_after_first_epoch", DataTypes.DoubleType, true),
            f("sigma_w2", DataTypes.DoubleType, true),
            f("q_star", DataTypes.DoubleType, true),
            f("chi1", DataTypes.DoubleType, true),
            f("c_star", DataTypes.DoubleType, true),
            f("xi_q", DataTypes.DoubleType, true),
            f("xi_c", DataTypes.DoubleType, true),
            f("trainable_depth_bound", DataTypes.DoubleType, true),
            f("theory_note", DataTypes.StringType, true)));

    /** {@code trainability_bound/}: the cell key without depth, then the deepest trained depth beside 6·ξ_c. */
    public static final StructType BOUND_SCHEMA = schema(
            KEY_COLUMNS.stream().filter(c -> !c.name().equals("depth")).toList(), List.of(
            f("sigma_w2", DataTypes.DoubleType, true),
            f("depths", DataTypes.IntegerType, false),
            f("deepest_depth", DataTypes.IntegerType, false),
            f("deepest_trained_depth", DataTypes.IntegerType, true),
            f("shallowest_untrained_depth", DataTypes.IntegerType, true),
            f("target_accuracy", DataTypes.DoubleType, true),
            f("target_split", DataTypes.StringType, false),
            f("xi_c", DataTypes.DoubleType, true),
            f("trainable_depth_bound", DataTypes.DoubleType, true),
            f("depths_agreeing", DataTypes.IntegerType, true),
            f("theory_note", DataTypes.StringType, true)));

    private TrainabilityAnalysis() {
    }

    /**
     * What the analysis found.
     *
     * @param targets the target accuracy of each dataset (NaN: every run of it diverged), in first-seen order;
     *                empty when skipped
     * @param split   the split whose accuracy was judged
     * @param cells   the cells, with {@code theory} alongside
     * @param theory  the theory columns of each cell
     * @param bound   the rows of {@code trainability_bound/}
     * @param unjudged datasets left out: judged on test, they have no test split
     */
    public record Result(Map<Object, Double> targets, TargetSplit split, List<CellResult> cells,
            List<TheoryColumns> theory, List<DeepestTrained.Row> bound, List<String> unjudged) {

        /** Nothing: the sweep has no data to judge. */
        public static final Result NONE = new Result(Map.of(), TargetSplit.TEST, List.of(), List.of(), List.of(),
                List.of());

        /** Copies the targets, keeping their order, and the datasets left out. */
        public Result {
            targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
            unjudged = List.copyOf(unjudged);
        }

        /**
         * The targets as the console says them: "≥ 0.8699" when every dataset has the same one, else
         * "≥ 0.9000 on xor, ≥ 0.7830 on digits", then "; no target on mn, where no run has an accuracy"
         * for the datasets whose runs all diverged.
         */
        public String targetText() {
            List<String> parts = new ArrayList<>();
            List<String> none = new ArrayList<>();
            targets.forEach((dataset, t) -> {
                if (Double.isNaN(t)) {
                    none.add(String.valueOf(dataset));
                } else {
                    parts.add(atLeast(t) + " on " + dataset);
                }
            });
            String text = none.isEmpty() && new java.util.HashSet<>(targets.values()).size() == 1
                    ? atLeast(targets.values().iterator().next()) : String.join(", ", parts);
            return none.isEmpty() ? text : text + "; no target on " + String.join(", ", none)
                    + ", where no run has an accuracy";
        }

        private static String atLeast(double target) {
            return String.format(Locale.ROOT, target < 1e-3 ? "≥ %.4g" : "≥ %.4f", target);
        }

        /** Lines for the console: the deepest depth that trained per σ_w², beside 6·ξ_c. */
        public List<String> consoleLines() {
            if (bound.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "initsweep: trainability (%s accuracy %s): deepest depth trained"
                    + " per σ_w², beside theory's 6·ξ_c (Schoenholz et al. 2017):", split.specName(), targetText()));
            List<String> groupKeys = new ArrayList<>(KEYS);
            groupKeys.remove(DEPTH);
            List<String[]> rows = new ArrayList<>();
            for (DeepestTrained.Row r : bound) {
                Map<String, Object> k = new LinkedHashMap<>();
                for (int i = 0; i < groupKeys.size(); i++) {
                    k.put(groupKeys.get(i), r.group().get(i));
                }
                rows.add(new String[] {String.valueOf(k.get("activation")), String.valueOf(k.get("init")),
                    org.initsweep.analysis.ChartGroup.shapeText((Integer) k.get("width"), (String) k.get("profile")),
                    number(k.get("sigma_b2")),
                    String.valueOf(k.get("dataset")), String.valueOf(k.get("optimizer")), number(k.get("learning_rate")),
                    number(k.get("multiplier")),
                    r.sigmaW2() == null ? "-" : String.format(Locale.ROOT, "%.4g", r.sigmaW2()),
                    r.deepestTrainedDepth() == null ? "none" : String.valueOf(r.deepestTrainedDepth()),
                    String.valueOf(r.deepestDepth()), r.bound() == null ? "n/a"
                            : Double.isInfinite(r.bound()) ? "∞" : String.format(Locale.ROOT, "%.1f", r.bound())});
            }
            out.addAll(ConsoleTable.lines(List.of(ConsoleTable.Column.text("activation"), ConsoleTable.Column.text("init"),
                    ConsoleTable.Column.text("width"), ConsoleTable.Column.number("sigma_b2"),
                    new ConsoleTable.Column("dataset", false, true), ConsoleTable.Column.text("optimizer"),
                    ConsoleTable.Column.number("lr"), ConsoleTable.Column.number("m"), ConsoleTable.Column.number("sigma_w2"),
                    ConsoleTable.Column.number("trained"), ConsoleTable.Column.number("swept"),
                    ConsoleTable.Column.number("bound")), rows));
            if (!unjudged.isEmpty()) {
                out.add(unjudgedText(unjudged));
            }
            return out;
        }
    }

    /** The console's line on the datasets a test-judged analysis leaves out. */
    static String unjudgedText(List<String> unjudged) {
        return "initsweep: not judged, no test split: " + String.join(", ", unjudged) + " (set test_fraction, or judge"
                + " on the training set with \"target_split\": \"train\")";
    }

    /** A grid value as the console shows it: "-" for none, a double as chart labels write it (2, 0.0001). */
    private static String number(Object v) {
        return v == null ? "-" : v instanceof Double d ? NumberText.of(d) : String.valueOf(v);
    }

    /**
     * Writes the two tables from the registered views {@code runs} and {@code epochs}: when the spec
     * judges on the training split, or the sweep has test data; registers their views (drops them, and removes
     * an earlier analysis's tables, otherwise).
     *
     * @param dir the sweep's output directory
     * @return what was found, {@link Result#NONE} when skipped
     * @throws IOException on file system errors
     */
    public static Result run(SparkSession spark, String dir) throws IOException {
        return run(spark, dir, org.initsweep.analysis.RunIndex.read(spark));
    }

    /**
     * As {@link #run(SparkSession, String)}, with the sweep's runs already read.
     *
     * @throws IOException on file system errors
     */
    public static Result run(SparkSession spark, String dir, org.initsweep.analysis.RunIndex runs) throws IOException {
        SweepSpec spec = storedSpec(spark, dir);
        TargetSplit split = spec == null ? TargetSplit.TEST : spec.targetSplit();
        List<String> runColumns = Arrays.asList(spark.table("runs").columns());
        if (!spark.catalog().tableExists("epochs")) {
            LOG.info("No trainability table: the sweep has no epochs/ table");
            return none(spark, dir);
        }
        Map<String, Boolean> testSplits = split == TargetSplit.TEST && runColumns.contains("test_samples")
                ? runs.testSplits() : Map.of();
        List<String> unjudged = testSplits.keySet().stream().filter(d -> !testSplits.get(d)).toList();
        if (split == TargetSplit.TEST && !testSplits.containsValue(true)) {
            LOG.info("No trainability table: no run of this sweep has a test split (test_samples = 0);"
                    + " \"target_split\": \"train\" judges on the training set");
            return none(spark, dir);
        }
        List<RunOutcome> outcomes = outcomes(spark, split);
        Map<Object, Double> targets = CellStatistics.targets(spec == null ? null : spec.targetAccuracy(), outcomes,
                split, DATASET);
        if (targets.values().stream().allMatch(t -> Double.isNaN(t))) {
            LOG.info("No trainability table: no cell has a {} accuracy (every run diverged)", split.specName());
            return none(spark, dir);
        }
        List<CellResult> cells = CellStatistics.summarize(outcomes, cell -> targets.get(cell.get(DATASET)), split);
        List<TheoryColumns> theory = new ArrayList<>(cells.size());
        for (CellResult c : cells) {
            theory.add(theoryOf(c.cell()));
        }
        List<DeepestTrained.Row> bound = DeepestTrained.rows(cells, theory, DEPTH);
        List<Row> rows = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            rows.add(row(cells.get(i), theory.get(i)));
        }
        List<Row> boundRows = new ArrayList<>(bound.size());
        for (DeepestTrained.Row b : bound) {
            boundRows.add(boundRow(b, split));
        }
        // The bound table summarizes the cells: deleted first, so that an analysis killed between the two
        // writes leaves new cells without a bound rather than a bound judged against another target.
        org.initsweep.analysis.io.Publish.remove(spark, dir, Tables.TRAINABILITY_BOUND);
        writeAtomically(spark, dir, Tables.TRAINABILITY, rows, SCHEMA);
        writeAtomically(spark, dir, Tables.TRAINABILITY_BOUND, boundRows, BOUND_SCHEMA);
        return new Result(targets, split, cells, theory, bound, unjudged);
    }

    /**
     * No tables this time: an earlier analysis's (of the same runs judged on another split) are deleted
     * and their views dropped, so that no query or report reads a judgment the spec no longer asks for.
     */
    private static Result none(SparkSession spark, String dir) throws IOException {
        for (String table : List.of(Tables.TRAINABILITY, Tables.TRAINABILITY_BOUND)) {
            org.initsweep.analysis.io.Publish.remove(spark, dir, table);
        }
        return Result.NONE;
    }

    /**
     * Draws the charts ({@link TrainabilityCharts}) and copies them into {@code dir/charts/}, which must exist.
     *
     * @return the paths of the PNGs written
     * @throws IOException on file system errors
     */
    public static List<String> writeCharts(SparkSession spark, String dir, Result result) throws IOException {
        if (result.cells().isEmpty()) {
            return List.of();
        }
        return org.initsweep.analysis.ChartPublisher.drawAndPublish(spark, dir, "initsweep-trainability",
                local -> TrainabilityCharts.write(result, local));
    }

    /** The theory columns of a cell key. */
    static TheoryColumns theoryOf(List<Object> cell) {
        Map<String, Object> k = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            k.put(KEYS.get(i), cell.get(i));
        }
        return TheoryColumns.of((String) k.get("activation"), (String) k.get("init"), (Integer) k.get("width"),
                (String) k.get("profile"), (Double) k.get("multiplier"), (Double) k.get("sigma_b2"));
    }

    /**
     * {@code ORDER BY} the cell's columns, then seed: sorted on the driver ({@link org.initsweep.analysis.SqlOrder}),
     * not in the query.
     */
    private static final java.util.Comparator<Row> ORDER = org.initsweep.analysis.SqlOrder.ascending(
            java.util.stream.Stream.concat(KEYS.stream(), java.util.stream.Stream.of("seed")).toArray(String[]::new));

    /**
     * The runs judged (judged on test: those with a test split; on train: all): final accuracies, train
     * and test accuracy per epoch, loss after epoch 1, in the order of their cells' columns and seeds.
     */
    static List<RunOutcome> outcomes(SparkSession spark, TargetSplit split) {
        String keys = String.join(", ", KEYS.stream().map(k -> "r." + k).toList());
        List<Row> rows = spark.sql("SELECT " + keys + ", r.seed, r.final_accuracy, r.final_test_accuracy, r.status,"
                + " e.curve FROM runs r LEFT JOIN (SELECT run_id,"
                + " sort_array(collect_list(struct(epoch, accuracy, test_accuracy, loss))) AS curve FROM epochs"
                + " GROUP BY run_id) e ON r.run_id = e.run_id"
                + (split == TargetSplit.TEST ? " WHERE r.test_samples > 0" : "")).collectAsList()
                .stream().sorted(ORDER).toList();
        List<RunOutcome> out = new ArrayList<>(rows.size());
        int n = KEYS.size();
        for (Row r : rows) {
            List<Object> cell = new ArrayList<>(n);
            for (String k : KEYS) {
                cell.add(r.get(r.fieldIndex(k)));
            }
            int ci = r.fieldIndex("curve");
            List<Row> curve = r.isNullAt(ci) ? List.of() : r.getList(ci);
            int epochs = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).<Integer>getAs("epoch") + 1;
            double[] train = new double[epochs];
            double[] test = new double[epochs];
            Arrays.fill(train, Double.NaN);
            Arrays.fill(test, Double.NaN);
            double loss1 = Double.NaN;
            for (Row e : curve) {
                int epoch = e.<Integer>getAs("epoch");
                train[epoch] = e.<Double>getAs("accuracy");
                test[epoch] = e.<Double>getAs("test_accuracy");
                if (epoch == 1) {
                    loss1 = e.<Double>getAs("loss");
                }
            }
            out.add(new RunOutcome(cell, r.<Long>getAs("seed"), r.<Double>getAs("final_accuracy"),
                    r.<Double>getAs("final_test_accuracy"), train, test, loss1, !"ok".equals(r.<String>getAs("status"))));
        }
        return out;
    }

    /** The sweep's {@code spec.json}, or null (none, or not readable by this version: the defaults apply). */
    static SweepSpec storedSpec(SparkSession spark, String dir) throws IOException {
        Path file = new Path(dir, Tables.SPEC_FILE);
        FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(file)) {
            return null;
        }
        try {
            return SpecReader.parse(org.initsweep.analysis.io.TextFiles.read(fs, file), file.toString());
        } catch (SpecException e) {
            LOG.warn("spec.json is not readable by this version ({}); judging test accuracy against the default"
                    + " target", e.getMessage());
            return null;
        }
    }

    static Row row(CellResult c, TheoryColumns t) {
        List<Object> v = new ArrayList<>(c.cell());
        v.addAll(Arrays.asList(c.runs(), c.divergedRuns(), orNull(c.trainAccuracy()), orNull(c.trainAccuracyStd()),
                orNull(c.testAccuracy()), orNull(c.testAccuracyStd()), orNull(c.testAccuracyMin()),
                orNull(c.testAccuracyMax()), orNull(c.target()), c.split().specName(), c.epochsToTarget(),
                c.seedsReachedTarget(), orNull(c.lossAfterFirstEpoch()), t.sigmaW2(), t.qStar(), t.chi1(), t.cStar(),
                t.xiQ(), t.xiC(), t.bound(), t.note()));
        return RowFactory.create(v.toArray());
    }

    static Row boundRow(DeepestTrained.Row b, TargetSplit split) {
        List<Object> v = new ArrayList<>(b.group());
        v.addAll(Arrays.asList(b.sigmaW2(), b.depths(), b.deepestDepth(), b.deepestTrainedDepth(),
                b.shallowestUntrainedDepth(), orNull(b.target()), split.specName(), b.xiC(), b.bound(),
                b.depthsAgreeing(), b.note()));
        return RowFactory.create(v.toArray());
    }

    /**
     * NaN (no run to average: all diverged, or one seed for a spread; no target: every run of the dataset
     * diverged) as null; the row's counts say why.
     */
    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Writes a table as {@code dir/name}, its view registered ({@link org.initsweep.analysis.ResultViews#publish}). */
    static void writeAtomically(SparkSession spark, String dir, String name, List<Row> rows, StructType schema)
            throws IOException {
        org.initsweep.analysis.ResultViews.publish(spark, spark.createDataFrame(rows, schema).coalesce(1), dir, name);
    }

    private static StructField f(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    private static StructType schema(List<Column> keys, List<StructField> tail) {
        List<StructField> all = new ArrayList<>();
        for (Column c : keys) {
            all.add(f(c.name(), switch (c.type()) {
                case INT -> DataTypes.IntegerType;
                case LONG -> DataTypes.LongType;
                case DOUBLE -> DataTypes.DoubleType;
                case STRING -> DataTypes.StringType;
            }, true));
        }
        all.addAll(tail);
        return new StructType(all.toArray(new StructField[0]));
    }
}
