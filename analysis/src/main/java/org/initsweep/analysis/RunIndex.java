package org.initsweep.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code runs} view's grid columns, read to the driver once per analysis: the charts and the report ask it
 * which runs are each group's deepest, which training settings and classes a sweep has, and how many runs; each
 * of those as its own query cost Spark jobs (a shuffle, a stage, a plan to compile) for a table of one row per
 * run. The rows of {@code layers/} and {@code epochs/} are then read for the chosen runs only, by id
 * ({@link DeepestCurves}).
 *
 * <p>Memory: one small record per run on the driver, its group, setting and status shared with the other runs'
 * (a few hundred bytes a run, mostly its id: 10⁵ runs take some tens of MB).
 *
 * @param runs every committed run; kept in the order {@code ORDER BY multiplier, seed, run_id} gives (nulls first)
 */
public record RunIndex(List<Run> runs) {

    /**
     * A run's place in the grid.
     *
     * @param group        its chart group (activation × init × width or profile × σ_b² × dataset)
     * @param multiplier   m, null for a fixed scheme
     * @param setting      optimizer and η
     * @param status       {@code ok}, {@code diverged}, …; null where the row has none
     * @param epochs       epochs trained (0: the signal at initialization only)
     * @param classes      K of its dataset (2 where the sweep's engine recorded none: it trained two classes only)
     * @param testSamples  examples of its test split; null where the sweep's engine recorded none
     */
    public record Run(String runId, ChartGroup group, int depth, Double multiplier, TrainingSetting setting, long seed,
            String status, int epochs, int classes, Integer testSamples) {

        /** Whether the run stopped on a non-finite value. */
        public boolean diverged() {
            return "diverged".equals(status);
        }
    }

    /** Spark SQL's {@code ORDER BY multiplier, seed, run_id} ({@link SqlOrder}). */
    static final Comparator<Run> ORDER = Comparator.<Run, Object>comparing(Run::multiplier, SqlOrder::compare)
            .thenComparingLong(Run::seed).thenComparing(Run::runId, SqlOrder::compare);

    public RunIndex {
        runs = runs.stream().sorted(ORDER).toList();
    }

    /** Reads the registered {@code runs} view (one Spark job: a scan, no shuffle). */
    public static RunIndex read(SparkSession spark) {
        List<String> columns = java.util.Arrays.asList(spark.table("runs").columns());
        String classes = columns.contains("classes") ? "classes" : "CAST(2 AS INT) AS classes";
        String testSamples = columns.contains("test_samples") ? "test_samples" : "CAST(NULL AS INT) AS test_samples";
        List<Run> runs = new ArrayList<>();
        Map<Object, Object> shared = new java.util.HashMap<>(); // one instance per distinct group, setting, status
        for (Row r : spark.sql("""
                SELECT run_id, activation, init, width, profile, sigma_b2, dataset, depth, multiplier, optimizer,
                       learning_rate, seed, status, epochs, %s, %s
                FROM runs""".formatted(classes, testSamples)).collectAsList()) {
            int m = r.fieldIndex("multiplier");
            int t = r.fieldIndex("test_samples");
            runs.add(new Run(r.getAs("run_id"), shared(shared, ChartGroup.of(r)), r.<Integer>getAs("depth"),
                    r.isNullAt(m) ? null : r.getDouble(m), shared(shared, TrainingSetting.of(r)),
                    ((Number) r.getAs("seed")).longValue(), shared(shared, r.<String>getAs("status")),
                    r.<Integer>getAs("epochs"), r.<Integer>getAs("classes"), r.isNullAt(t) ? null : r.getInt(t)));
        }
        return new RunIndex(runs);
    }

    @SuppressWarnings("unchecked")
    private static <T> T shared(Map<Object, Object> instances, T value) {
        return value == null ? null : (T) instances.computeIfAbsent(value, v -> v);
    }

    /** Number of runs. */
    public long count() {
        return runs.size();
    }

    /** Runs per status, in status order (a null status first). */
    public Map<String, Long> byStatus() {
        Map<String, Long> out = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        runs.forEach(r -> out.merge(r.status(), 1L, Long::sum));
        return out;
    }

    /**
     * Each dataset by name, in name order, and whether its runs have a test split ({@code test_samples} above 0).
     */
    public Map<String, Boolean> testSplits() {
        Map<String, Boolean> out = new TreeMap<>();
        runs.forEach(r -> out.merge(r.group().dataset(), r.testSamples() != null && r.testSamples() > 0,
                Boolean::logicalOr));
        return out;
    }

    /** The number of init schemes the runs hold. */
    public long inits() {
        return runs.stream().map(r -> r.group().init()).distinct().count();
    }

    /** K per dataset: the largest {@code classes} of its runs. */
    public Map<String, Integer> classes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        runs.forEach(r -> out.merge(r.group().dataset(), r.classes(), Math::max));
        return out;
    }

    /** Per chart group, the training settings of its runs, sorted. */
    public Map<ChartGroup, List<TrainingSetting>> settings() {
        Map<ChartGroup, TreeSet<TrainingSetting>> sets = new LinkedHashMap<>();
        runs.forEach(r -> sets.computeIfAbsent(r.group(), k -> new TreeSet<>()).add(r.setting()));
        Map<ChartGroup, List<TrainingSetting>> out = new LinkedHashMap<>();
        sets.forEach((g, s) -> out.put(g, List.copyOf(s)));
        return out;
    }

    /** Whether the runs hold more than one training setting (optimizer, η). */
    public boolean variesSetting() {
        return runs.stream().map(Run::setting).distinct().limit(2).count() > 1;
    }

    /** Whether the runs hold more than one σ_b². */
    public boolean variesSigmaB2() {
        return runs.stream().mapToDouble(r -> r.group().sigmaB2()).distinct().limit(2).count() > 1;
    }

    /**
     * Every run at its chart group's deepest depth among the runs {@code among} takes, in this index's order (a
     * group without such runs has none).
     *
     * @param among which runs set the depth (e.g. trained ones: {@code r -> r.epochs() > 0})
     */
    public List<Run> deepest(Predicate<Run> among) {
        Map<ChartGroup, Integer> depth = new LinkedHashMap<>();
        runs.stream().filter(among).forEach(r -> depth.merge(r.group(), r.depth(), Math::max));
        return runs.stream().filter(r -> depth.containsKey(r.group()) && r.depth() == depth.get(r.group())).toList();
    }

    /**
     * The given columns of a table's rows of {@code runs}, read by id: from a per-run table's unfiltered view
     * ({@code <table>_all}, registered and dropped with {@code <table>} by {@link ResultViews}) where there is one,
     * since the ids are committed runs' and the view's filter would only add a join; {@code growth}, which holds
     * committed runs only, from its view. Empty where the sweep has no such table.
     */
    public static List<Row> rows(SparkSession spark, String table, List<Run> runs, String... columns) {
        return rowsById(spark, table, runs.stream().map(Run::runId).distinct().toList(), columns);
    }

    /** As {@link #rows(SparkSession, String, List, String...)}, for the runs of these (committed runs') ids. */
    public static List<Row> rowsById(SparkSession spark, String table, java.util.Collection<String> ids,
            String... columns) {
        if (ids.isEmpty() || !spark.catalog().tableExists(table)) {
            return List.of();
        }
        return spark.table(view(spark, table)).where(org.apache.spark.sql.functions.col("run_id").isInCollection(ids))
                .selectExpr(columns).collectAsList();
    }

    /**
     * The view to read a per-run table's rows of committed runs from: its unfiltered view ({@code <table>_all})
     * where {@link ResultViews} registered one, since ids taken from this index are committed runs' and the
     * filtered view's semi-join with {@code runs} would only add a job; else {@code <table>}.
     */
    public static String view(SparkSession spark, String table) {
        return spark.catalog().tableExists(table + "_all") ? table + "_all" : table;
    }

    /**
     * Per table whose runs may have no rows, a condition that selects one or a few rows of every run that has
     * some: a histogram is written with all its bins, layer 1 always among its layers; a boundary with its whole
     * grid ({@code TraceRows}).
     */
    private static final Map<String, String> FIRST_ROWS = Map.of(
            org.initsweep.core.trace.Tables.HISTOGRAMS, "layer = 1 AND bin = 0",
            org.initsweep.core.trace.Tables.BOUNDARIES, "i1 = 0 AND i2 = 0");

    /**
     * The ids of the runs that have rows in {@code histograms} or {@code boundaries} (its view registered), read
     * from one or a few rows of each run's ({@link #FIRST_ROWS}), so that the scan reads little and needs no
     * shuffle.
     *
     * @throws IllegalArgumentException for another table
     */
    public static java.util.Set<String> idsWithRows(SparkSession spark, String table) {
        String firstRows = FIRST_ROWS.get(table);
        if (firstRows == null) {
            throw new IllegalArgumentException("no first rows known for table " + table);
        }
        // a histogram's first rows are one per recorded epoch: each task sends its distinct ids only
        List<String> ids = spark.table(view(spark, table)).where(firstRows).select("run_id")
                .as(org.apache.spark.sql.Encoders.STRING())
                .mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<String, String>) rows -> {
                    java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
                    rows.forEachRemaining(distinct::add);
                    return distinct.iterator();
                }, org.apache.spark.sql.Encoders.STRING()).collectAsList();
        return new java.util.HashSet<>(ids);
    }
}
