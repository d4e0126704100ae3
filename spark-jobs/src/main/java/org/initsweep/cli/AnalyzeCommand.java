package org.initsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.analysis.ConsoleTable;
import org.initsweep.core.Quantities;
import org.initsweep.core.regime.SignalGrowth;
import org.initsweep.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code initsweep analyze DIR}: growth, regions and charts of a finished sweep. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Classify every grid cell of the sweep in DIR and draw its charts.")
final class AnalyzeCommand implements Callable<Integer> {

    /** What an interrupted analysis leaves, after "the analysis". */
    static final String LEAVES = "writes each table, chart and report whole or not at all: run the same command"
            + " again to finish it.";

    /** Said on Ctrl-C or SIGTERM during an analysis. */
    static final String INTERRUPTED = "initsweep: interrupted. The analysis " + LEAVES;

    @Parameters(index = "0", paramLabel = "DIR", converter = Directory.Hadoop.class, description = "Output directory of a sweep.")
    String dir;

    @Option(names = "--decades", paramLabel = "D",
            description = "Stable while the growth over the hidden layers stays within D decades, i.e. "
                    + "|rate| ≤ D·ln(10)/(depth − 1) nats per layer (default: 1).")
    double decades = SignalGrowth.DEFAULT_DECADES;

    @Option(names = "--target-loss", paramLabel = "J",
            description = "Training cost (nats) whose first epoch compare/ reports per init scheme (default: half the "
                    + "chance level, ln(K)/2 for K classes).")
    Double targetLoss;

    @Option(names = "--no-charts", negatable = true, defaultValue = "true", description = "Draw the PNG charts and"
            + " the HTML report (default: on; --no-charts skips both and removes those of an earlier analysis).")
    boolean charts = true;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Main.during(new Situation(INTERRUPTED, "", dir));
        SparkSession spark = SparkSessions.create("initsweep analyze", common.master);
        try {
            print(analyzeLocked(spark, dir, decades, charts, targetLoss, readAgain(spark, dir)), dir);
        } finally {
            StoppedContext.end(spark, common.debug);
        }
        return 0;
    }

    /** The analysis under the directory's writer lock: it rewrites growth/, regions/, charts/ and report/. */
    static Analysis.Summary analyzeLocked(SparkSession spark, String dir, double decades, boolean charts,
            org.initsweep.analysis.RealDatasets datasets) throws Exception {
        return analyzeLocked(spark, dir, decades, charts, null, datasets);
    }

    /**
     * As {@link #analyzeLocked(SparkSession, String, double, boolean, org.initsweep.analysis.RealDatasets)} with
     * compare/'s target cost (null: ln(K)/2).
     */
    static Analysis.Summary analyzeLocked(SparkSession spark, String dir, double decades, boolean charts,
            Double targetLoss, org.initsweep.analysis.RealDatasets datasets) throws Exception {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir);
        org.apache.hadoop.fs.FileSystem fs = org.initsweep.spark.OutputStore.existing(dir,
                spark.sparkContext().hadoopConfiguration());
        if (fs.getFileStatus(path).isFile()) {
            throw new org.initsweep.core.UserInputException(dir + " is a file; give a sweep's output directory");
        }
        // before the lock, whose file would be the first change to a folder that is no sweep's
        Analysis.checkOptions(decades, targetLoss);
        org.initsweep.analysis.ResultViews.requireSweep(fs, path, dir);
        org.initsweep.spark.OutputLock held;
        try {
            held = org.initsweep.spark.OutputLock.acquire(fs, path);
        } catch (org.apache.hadoop.security.AccessControlException | java.nio.file.FileSystemException e) {
            throw new org.initsweep.core.UserInputException(dir + " cannot be written ("
                    + org.initsweep.core.MessageLines.reason(e) + "): analyze writes its tables and charts there;"
                    + " sql reads it without writing");
        }
        try (org.initsweep.spark.OutputLock lock = held) {
            // the lock proved the directory writable; a folder inside it that is not would fail halfway
            for (String place : Analysis.WRITES) {
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path, place);
                if (fs.exists(p) && !writable(fs, p)) {
                    throw new org.initsweep.core.UserInputException(p + " cannot be written (permission denied):"
                            + " analyze replaces it; sql reads the directory without writing");
                }
            }
            warnIfIncomplete(fs, path, dir);
            return Analysis.run(spark, dir, decades, charts, targetLoss, datasets);
        }
    }

    /** The sweep's real datasets, read again from its spec.json when a chart needs one. */
    private static org.initsweep.analysis.RealDatasets readAgain(SparkSession spark, String dir) {
        java.util.function.Supplier<org.initsweep.core.spec.SweepSpec> spec = () -> {
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir,
                    org.initsweep.core.trace.Tables.SPEC_FILE);
            try {
                org.apache.hadoop.fs.FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
                return org.initsweep.core.spec.SpecReader.parse(org.initsweep.analysis.io.TextFiles.read(fs, file),
                        file.toString());
            } catch (java.io.IOException | org.initsweep.core.spec.SpecException e) {
                throw new org.initsweep.core.UserInputException("its spec could not be read from " + file + " ("
                        + org.initsweep.core.MessageLines.reason(e) + ")");
            }
        };
        return org.initsweep.spark.data.SweepData.readAgain(spec, spark, new org.initsweep.core.data.MemoryBudget(
                Runtime.getRuntime().maxMemory() / 2, "half of the driver's heap",
                "INITSWEEP_JAVA_OPTS=-Xmx… (bin/initsweep) or --driver-memory (spark-submit)"));
    }

    /** Whether this process may write into the folder: the kernel's answer where it is local. */
    private static boolean writable(org.apache.hadoop.fs.FileSystem fs, org.apache.hadoop.fs.Path p)
            throws java.io.IOException {
        if (org.initsweep.spark.fs.LocalPaths.isLocal(fs)) {
            return java.nio.file.Files.isWritable(org.initsweep.spark.fs.LocalPaths.of(fs, p));
        }
        try {
            fs.access(p, org.apache.hadoop.fs.permission.FsAction.WRITE);
            return true;
        } catch (org.apache.hadoop.security.AccessControlException e) {
            return false;
        }
    }

    /**
     * One line on stderr when the directory holds a sweep that has not finished (no engine.json); said only
     * under the lock, so a sweep still being written gets the lock's refusal alone.
     */
    private static void warnIfIncomplete(org.apache.hadoop.fs.FileSystem fs, org.apache.hadoop.fs.Path path, String dir)
            throws java.io.IOException {
        // without runs/ the analysis refuses the directory in its own one line
        if (fs.exists(new org.apache.hadoop.fs.Path(path, org.initsweep.core.trace.Tables.SPEC_FILE))
                && fs.exists(new org.apache.hadoop.fs.Path(path, org.initsweep.core.trace.Tables.RUNS))
                && !fs.exists(new org.apache.hadoop.fs.Path(path, org.initsweep.core.trace.Tables.ENGINE_FILE))) {
            Main.warn("the sweep in " + dir + " is incomplete (interrupted or still "
                    + "running); its analysis covers only the runs committed so far. Run it again to finish it.");
        }
    }

    static void print(Analysis.Summary a, String dir) {
        String byRegime = a.cellsByRegime().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(java.util.stream.Collectors.joining(", "));
        System.out.printf(java.util.Locale.ROOT, "initsweep: analyzed %s, %s: %s%n", Quantities.plural(a.runs(), "run"),
                Quantities.plural(a.cells(), "cell"),
                byRegime.isEmpty() ? "none" : byRegime);
        if (!a.agreement().isEmpty()) {
            System.out.println("initsweep: theory vs measurement at the deepest depth: the multiplier where each rate crosses 0,"
                    + " measured and predicted at that depth (m_c: infinite depth, chi1 = 1); err: mean |measured -"
                    + " predicted| backward rate and |ln Var(a) / predicted|, nats; in band: share of layers' Var(a) inside"
                    + " theory's finite-width band (about 95% where it holds); -: none (no crossing between the swept m, one"
                    + " m giving none, or no prediction)");
            List<String[]> rows = new ArrayList<>();
            for (org.apache.spark.sql.Row r : a.agreement()) {
                rows.add(new String[] {r.<String>getAs("activation"), r.<String>getAs("init"),
                    org.initsweep.analysis.ChartGroup.of(r).shapeText(),
                    org.initsweep.analysis.NumberText.of(r.<Double>getAs("sigma_b2")),
                    r.<String>getAs("dataset"), String.valueOf(r.<Integer>getAs("depth")),
                    fmt(r, "measured_critical_multiplier"), fmt(r, "predicted_backward_critical_multiplier"),
                    fmt(r, "measured_forward_critical_multiplier"), fmt(r, "predicted_forward_critical_multiplier"),
                    fmt(r, "predicted_critical_multiplier"),
                    fmt(r, "backward_rate_error") + "/" + fmt(r, "var_a_log_error"), percent(r, "var_a_within_band")});
            }
            ConsoleTable.lines(List.of(ConsoleTable.Column.text("activation"), ConsoleTable.Column.text("init"),
                    ConsoleTable.Column.text("width"), new ConsoleTable.Column("sigma_b2", true, true),
                    new ConsoleTable.Column("dataset", false, true), ConsoleTable.Column.number("depth"),
                    ConsoleTable.Column.number("bwd meas"), ConsoleTable.Column.number("bwd pred"),
                    ConsoleTable.Column.number("fwd meas"), ConsoleTable.Column.number("fwd pred"),
                    ConsoleTable.Column.number("m_c"), ConsoleTable.Column.number("err rate/lnVa"),
                    ConsoleTable.Column.number("in band")), rows).forEach(System.out::println);
        }
        a.trainability().forEach(System.out::println);
        long pngs = a.charts().stream().filter(c -> c.endsWith(".png")).count();
        if (pngs == 0) {
            System.out.printf(java.util.Locale.ROOT, "initsweep: wrote %s/regions, %s/growth and %s/agreement (no charts)%n", dir,
                    dir, dir);
        } else {
            System.out.printf(java.util.Locale.ROOT, "initsweep: wrote %s/regions, %s/growth, %s/agreement and %d charts in"
                    + " %s/charts%n", dir, dir, dir, pngs, dir);
        }
        a.charts().stream().filter(c -> c.endsWith(".html")).forEach(r -> System.out.println("initsweep: report " + r));
    }

    private static String percent(org.apache.spark.sql.Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? "-" : String.format(java.util.Locale.ROOT, "%.0f%%", 100 * r.getDouble(i));
    }

    private static String fmt(org.apache.spark.sql.Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? "-" : String.format(java.util.Locale.ROOT, "%.3f", r.getDouble(i));
    }
}
