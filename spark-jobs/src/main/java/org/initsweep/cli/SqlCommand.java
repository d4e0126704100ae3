package org.initsweep.cli;

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

    /** First keywords of statements that may only read (the parsed plan decides: {@link ReadOnlyQuery}). */
    private static final java.util.Set<String> READ_ONLY = java.util.Set.of("SELECT", "WITH", "SHOW", "DESCRIBE",
            "DESC", "EXPLAIN", "VALUES", "TABLE", "FROM");

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be ≥ 1, got " + limit);
        }
        // A first look at the text, to name a plain INSERT or DROP before Spark starts; the parsed
        // plan decides below (comments can hide a statement from any pattern).
        String text = query.replaceAll("(?s)^(\\s|--[^\n]*\n|/\\*.*?\\*/)*", "");
        String first = text.split("[\\s(]", 2)[0].toUpperCase(java.util.Locale.ROOT);
        if (!READ_ONLY.contains(first) && !text.startsWith("(")) {
            throw new IllegalArgumentException("sql runs read-only queries (" + ReadOnlyQuery.ALLOWED + "); got "
                    + (first.isEmpty() ? "an empty query" : first));
        }
        SparkSession spark = SparkSessions.create("initsweep sql", common.master);
        try {
            // Only the sweep's views: no `SELECT … FROM parquet.`/any/path``.
            spark.conf().set("spark.sql.runSQLOnFiles", "false");
            ResultViews.register(spark, dir);
            Dataset<Row> result;
            try {
                String refusal = ReadOnlyQuery.refusal(spark.sessionState().sqlParser().parsePlan(query));
                if (refusal != null) {
                    throw new IllegalArgumentException("sql runs read-only queries (" + ReadOnlyQuery.ALLOWED
                            + "); this one " + refusal);
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
}
