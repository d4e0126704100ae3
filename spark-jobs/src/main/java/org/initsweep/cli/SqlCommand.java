package org.initsweep.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.initsweep.analysis.ResultViews;
import org.initsweep.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scala.jdk.javaapi.CollectionConverters;

/** {@code initsweep sql DIR QUERY}: Spark SQL over a sweep's tables. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a Spark SQL query over the views runs, layers, epochs (and growth, regions "
                + "once analyzed) of the sweep in DIR and print the result.")
final class SqlCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Output directory of a sweep.")
    String dir;

    @Parameters(index = "1", paramLabel = "QUERY", description = "A Spark SQL query.")
    String query;

    @Option(names = "--limit", paramLabel = "N", description = "Rows to print (default: 100).")
    int limit = 100;

    @Option(names = "--csv", description = "Print CSV with a header instead of a table.")
    boolean csv;

    @Mixin
    CommonOptions common;

    /** First keywords of statements that only read: the tables are results, not scratch space. */
    private static final java.util.Set<String> READ_ONLY = java.util.Set.of("SELECT", "WITH", "SHOW", "DESCRIBE",
            "DESC", "EXPLAIN", "VALUES", "TABLE", "FROM");
    /** Of those, the ones Spark parses to a command that reads only (its plan is not a query). */
    private static final java.util.Set<String> READ_ONLY_COMMANDS = java.util.Set.of("SHOW", "DESCRIBE", "DESC",
            "EXPLAIN");

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be ≥ 1, got " + limit);
        }
        String first = query.replaceAll("(?s)^(\\s|--[^\n]*\n|/\\*.*?\\*/)*", "").split("[\\s(]", 2)[0]
                .toUpperCase(java.util.Locale.ROOT);
        if (!READ_ONLY.contains(first)) {
            throw new IllegalArgumentException("sql runs read-only queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN); got "
                    + (first.isEmpty() ? "an empty query" : first));
        }
        SparkSession spark = SparkSessions.create("initsweep sql", common.master);
        try {
            ResultViews.register(spark, dir);
            Dataset<Row> result;
            try {
                if (!READ_ONLY_COMMANDS.contains(first)) {
                    // "WITH … INSERT …" and "FROM t INSERT …" start like queries: look at what Spark parses.
                    String write = firstWrite(spark.sessionState().sqlParser().parsePlan(query));
                    if (write != null) {
                        throw new IllegalArgumentException("sql runs read-only queries (SELECT, WITH, SHOW, DESCRIBE,"
                                + " EXPLAIN); this one writes (" + write + ")");
                    }
                }
                result = spark.sql(query);
            } catch (Exception e) {
                // Scala declares no checked exceptions: AnalysisException (and its ParseException) arrive undeclared.
                if (e instanceof AnalysisException) {
                    String msg = e.getMessage() == null ? "" : e.getMessage().lines().map(String::strip)
                            .filter(l -> !l.isEmpty()).findFirst().orElse("");
                    throw new IllegalArgumentException("bad query: " + msg);
                }
                throw e;
            }
            if (csv) {
                System.out.println(String.join(",", result.columns()));
                for (Row r : result.takeAsList(limit)) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < r.length(); i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        line.append(r.isNullAt(i) ? "" : r.get(i));
                    }
                    System.out.println(line);
                }
            } else {
                result.show(limit, false);
            }
        } finally {
            spark.stop();
        }
        return 0;
    }

    /**
     * The first node of a parsed plan that writes or runs a command — an insert into a table or a
     * directory, or any other Spark command — named for the user, or null for a pure query. CTE
     * definitions ({@code innerChildren}) are searched too.
     */
    static String firstWrite(LogicalPlan plan) {
        if (plan instanceof InsertIntoStatement) {
            return "INSERT INTO";
        }
        if (plan instanceof InsertIntoDir) {
            return "INSERT OVERWRITE DIRECTORY";
        }
        if (plan instanceof org.apache.spark.sql.catalyst.plans.logical.Command) {
            return plan.nodeName();
        }
        for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
            String w = firstWrite(child);
            if (w != null) {
                return w;
            }
        }
        for (Object inner : CollectionConverters.asJava(plan.innerChildren())) {
            String w = inner instanceof LogicalPlan p ? firstWrite(p) : null;
            if (w != null) {
                return w;
            }
        }
        return null;
    }
}
