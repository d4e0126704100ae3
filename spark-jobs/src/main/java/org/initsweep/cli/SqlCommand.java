package org.initsweep.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.ResultViews;
import org.initsweep.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code initsweep sql DIR QUERY}: Spark SQL over a sweep's tables. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a Spark SQL query over the views of the sweep in DIR and print the result: runs, "
                + "layers, epochs; growth, regions, agreement once analyzed; trainability, trainability_bound once "
                + "analyzed, where runs have an accuracy on the judged split (test, or train by \"target_split\"); "
                + "histograms, boundaries, jacobian (and isometry once analyzed) when the spec asks for them;"
                + " compare (init schemes on paired runs) once analyzed, when the sweep has two inits or more.")
final class SqlCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", converter = Directory.Hadoop.class, description = "Output directory of a sweep.")
    String dir;

    @Parameters(index = "1", paramLabel = "QUERY", description = "A Spark SQL query.")
    String query;

    @Option(names = "--limit", paramLabel = "N", description = "Rows to print (default: 100).")
    int limit = 100;

    @Option(names = "--csv", description = "Print CSV with a header instead of a table.")
    boolean csv;

    @Mixin
    CommonOptions common;

    /** First words of statements that write or run commands: named before Spark starts (the plan decides). */
    private static final java.util.Set<String> WRITES = java.util.Set.of("INSERT", "CREATE", "DROP", "ALTER", "DELETE",
            "UPDATE", "MERGE", "TRUNCATE", "LOAD", "SET", "RESET", "ADD", "CACHE", "UNCACHE", "CLEAR", "REFRESH",
            "MSCK", "REPAIR", "USE", "EXECUTE", "CALL", "DECLARE", "ANALYZE", "REPLACE", "COMMENT");

    @Override
    public Integer call() throws Exception {
        Main.during(new Situation(Situation.NONE.ifInterrupted(), "ask for fewer or smaller rows (LIMIT, --limit)", null)
                .reading(dir));
        if (limit < 1) {
            throw new org.initsweep.core.UserInputException("--limit must be ≥ 1, got " + limit);
        }
        String first = ReadOnlyQuery.firstWord(query);
        if (ReadOnlyQuery.blank(query)) {
            throw refused("got an empty query");
        }
        if (WRITES.contains(first)) {
            throw refused("got " + first);
        }
        SparkSession spark = SparkSessions.create("initsweep sql", common.master);
        try {
            warnIfStale(spark, org.initsweep.spark.OutputStore.existing(dir, spark.sparkContext().hadoopConfiguration()));
            ReadOnlyQuery.lockDown(spark);
            for (int attempt = 1; ; attempt++) {
                try {
                    query(spark);
                    return 0;
                } catch (Exception e) {
                    if (attempt == RETRIES || !changedUnderneath(spark, e)) {
                        throw e;
                    }
                    Thread.sleep(100L << attempt); // 0.2 s … 1.6 s: a table is replaced in one rename
                }
            }
        } finally {
            StoppedContext.end(spark, common.debug);
        }
    }

    /** One line on stderr when runs were committed since the directory's analysis was made. */
    private void warnIfStale(SparkSession spark, org.apache.hadoop.fs.FileSystem fs) throws java.io.IOException {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
        org.apache.hadoop.fs.Path runs = new org.apache.hadoop.fs.Path(root, org.initsweep.core.trace.Tables.RUNS);
        org.initsweep.analysis.io.AnalysisStamp.warningIfStale(fs, root, dir, () -> {
            try {
                return fs.exists(runs) ? java.util.OptionalLong.of(spark.read().parquet(runs.toString()).count())
                        : java.util.OptionalLong.empty();
            } catch (Exception e) {
                return java.util.OptionalLong.empty(); // an unreadable runs/ is the query's to report
            }
        }).ifPresent(Main::warn);
    }

    /** Spark's message for a name that is no view: {@code [TABLE_OR_VIEW_NOT_FOUND] The table or view `x` …}. */
    private static final java.util.regex.Pattern MISSING_VIEW =
            java.util.regex.Pattern.compile("^\\[TABLE_OR_VIEW_NOT_FOUND\\] The table or view `([^`]*)`(\\.`)?");

    /** Spark's file sources, whose {@code format.`path`} reads a file where a table name stands. */
    private static final java.util.Set<String> FILE_SOURCES =
            java.util.Set.of("parquet", "csv", "json", "orc", "text", "avro", "binaryfile", "xml");

    /**
     * Statements Spark reads as a table's name where a query nests them ({@code FROM (DESCRIBE runs)} is the
     * table {@code DESCRIBE} aliased {@code runs}), each with a statement of its kind that works alone.
     */
    private static final java.util.Map<String, String> STATEMENTS = java.util.Map.of("describe", "DESCRIBE runs",
            "desc", "DESC runs", "show", "SHOW TABLES", "explain", "EXPLAIN SELECT * FROM runs");

    /** Attempts of a query whose tables an analysis replaced while it read them. */
    private static final int RETRIES = 5;

    /**
     * Whether the query failed because a writer replaced a table under it: a file read had been removed,
     * or an analysis table was missing for the instant between removing the old one and renaming the new
     * one in while a sweep or analysis holds the directory's lock.
     */
    private boolean changedUnderneath(SparkSession spark, Exception e) throws java.io.IOException {
        if (ResultViews.changedWhileRead(e)) {
            return true;
        }
        boolean missingView = false;
        for (Throwable t = e; t != null && !missingView; t = t.getCause()) {
            missingView = String.valueOf(t.getMessage()).contains("TABLE_OR_VIEW_NOT_FOUND");
        }
        if (!missingView) {
            return false;
        }
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
        return org.initsweep.spark.OutputLock.held(root.getFileSystem(spark.sparkContext().hadoopConfiguration()), root);
    }

    /** Registers the views as they are now, runs the query and prints its result (nothing if it fails). */
    private void query(SparkSession spark) throws Exception {
        List<String> views = ResultViews.register(spark, dir);
        Dataset<Row> result;
        try {
            org.apache.spark.sql.catalyst.plans.logical.LogicalPlan plan;
            try {
                plan = spark.sessionState().sqlParser().parsePlan(query);
            } catch (StackOverflowError e) {
                throw new org.initsweep.core.UserInputException("bad query: nested too deeply to parse");
            }
            String refusal = ReadOnlyQuery.refusal(plan);
            if (refusal != null) {
                throw refused("this one " + refusal);
            }
            result = spark.sql(query);
        } catch (Exception e) {
            // Scala declares no checked exceptions: AnalysisException (and its ParseException) arrive undeclared.
            if (e instanceof AnalysisException) {
                String msg = e.getMessage() == null ? "" : e.getMessage().lines().map(String::strip)
                        .filter(l -> !l.isEmpty()).findFirst().orElse("");
                java.util.regex.Matcher missing = MISSING_VIEW.matcher(msg);
                if (missing.find()) {
                    if (missing.group(2) != null
                            && FILE_SOURCES.contains(missing.group(1).toLowerCase(java.util.Locale.ROOT))) {
                        throw new org.initsweep.core.UserInputException("bad query: " + missing.group(1)
                                + ".`path` reads files by path, which sql does not: query the views of " + dir + " ("
                                + String.join(", ", views) + ")", e);
                    }
                    String alone = STATEMENTS.get(missing.group(1).toLowerCase(java.util.Locale.ROOT));
                    if (alone != null) {
                        throw new org.initsweep.core.UserInputException("bad query: " + missing.group(1) + " is a"
                                + " statement of its own, not a table: give it alone (`" + alone + "`), not inside"
                                + " another query", e);
                    }
                    throw new org.initsweep.core.UserInputException("bad query: no table or view `" + missing.group(1) + "` in "
                            + dir + org.initsweep.core.spec.JsonText.didYouMean(missing.group(1), views) + "; its views: "
                            + String.join(", ", views), e);
                }
                throw new org.initsweep.core.UserInputException("bad query: " + msg);
            }
            throw e;
        }
        try {
            print(result);
        } catch (Exception e) {
            String failed = queryDataError(e);
            if (failed != null) {
                throw new org.initsweep.core.UserInputException("query failed: " + failed);
            }
            throw e;
        }
    }

    /**
     * The first line of an error the query's own expressions raised on the data, or null: Spark errors of
     * SQLSTATE class 22 (data exception: division by zero, a cast of 'a' to INT, an overflow), class 54
     * (a limit the query reached: an array of 3·10⁹ elements) and P0001 (raise_error), found anywhere in the
     * cause chain (an executor's error arrives wrapped in the job's).
     */
    static String queryDataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.spark.SparkThrowable s && s.getSqlState() != null
                    && (s.getSqlState().startsWith("22") || s.getSqlState().startsWith("54")
                            || s.getSqlState().equals("P0001"))) {
                return String.valueOf(t.getMessage()).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                        .orElse("");
            }
        }
        return null;
    }

    private void print(Dataset<Row> result) {
        if (csv) {
            java.util.List<Row> rows = result.takeAsList(limit + 1); // all read before anything is printed
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                System.err.printf(java.util.Locale.ROOT, "initsweep: the first %d rows; --limit N prints more%n", limit);
            }
            System.out.println(String.join(",", result.columns()));
            for (Row r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(r.isNullAt(i) ? "" : csvField(String.valueOf(r.get(i))));
                }
                System.out.println(line);
            }
        } else {
            result.show(limit, false);
        }
    }

    private static org.initsweep.core.UserInputException refused(String why) {
        return new org.initsweep.core.UserInputException("sql runs read-only queries (" + ReadOnlyQuery.ALLOWED + "); " + why);
    }

    /** A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, quote or line break. */
    static String csvField(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}