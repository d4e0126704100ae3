package org.initsweep.cli;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ScriptTransformation;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Whether a statement, as Spark's parser reads it, only reads: the guard of {@code initsweep sql},
 * whose tables are results, not scratch space. Decided on the parsed plan, never on the text
 * (comments nest and continue in Spark's lexer in ways a pattern does not follow).
 *
 * <p>Allowed: queries, and the commands that only describe ({@code SHOW …}, {@code DESCRIBE …},
 * {@code EXPLAIN …}, which plans without running). Refused: inserts into tables or directories, any
 * other command, {@code EXECUTE IMMEDIATE} and {@code CALL} (run another statement),
 * {@code TRANSFORM}/{@code MAP}/{@code REDUCE … USING} (runs a shell command), and
 * {@code reflect}/{@code java_method}/{@code try_reflect} (call any static Java method) — anywhere
 * in the plan, CTE definitions and subqueries included. Since a function can also be named by an
 * expression ({@code IDENTIFIER('ref' || 'lect')(…)}), {@link #lockDown} removes those three from
 * the session as well, with the XML parsers that open a schema path. A guard against accidents,
 * not a sandbox: the query runs with the user's own permissions.
 */
final class ReadOnlyQuery {

    /** The statements allowed, for messages. */
    static final String ALLOWED = "SELECT, WITH, FROM, VALUES, TABLE, SHOW, DESCRIBE, EXPLAIN";

    private static final Set<String> JAVA_CALLS = Set.of("reflect", "java_method", "try_reflect");
    /**
     * Functions removed from a user query's session: the Java calls, and XML parsing, whose
     * {@code rowValidationXSDPath} option opens any file or URL.
     */
    private static final Set<String> DROPPED = Stream.concat(JAVA_CALLS.stream(),
            Stream.of("from_xml", "schema_of_xml")).collect(Collectors.toUnmodifiableSet());

    private ReadOnlyQuery() {
    }

    /**
     * Prepares a session for user queries: only its views are readable (no SQL on files), and the
     * functions that call Java methods or open paths ({@code from_xml}, {@code schema_of_xml}) are
     * gone from its registry, however a query names them.
     */
    static void lockDown(SparkSession spark) {
        spark.conf().set("spark.sql.runSQLOnFiles", "false");
        for (String f : DROPPED) {
            spark.sessionState().functionRegistry().dropFunction(FunctionIdentifier.apply(f));
        }
    }

    /**
     * The first word of a statement, after whitespace and comments as Spark's lexer reads them
     * (nested block comments included), upper-cased; "" if there is none. For messages only.
     */
    static String firstWord(String sql) {
        int i = start(sql);
        int from = i;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(from, i).toUpperCase(Locale.ROOT);
    }

    /** Whether a statement is only whitespace and comments. */
    static boolean blank(String sql) {
        return start(sql) == sql.length();
    }

    /** Index of the first character after leading whitespace and comments (iterative: no stack to overflow). */
    private static int start(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                    i++;
                }
            } else if (sql.startsWith("/*", i)) {
                int depth = 0;
                do {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                } while (depth > 0 && i < n);
            } else {
                break;
            }
        }
        return Math.min(i, n);
    }

    /**
     * Why {@code plan} is not read-only — e.g. {@code "writes (INSERT INTO)"} — or null if it is.
     *
     * @param plan a statement as {@code sessionState().sqlParser().parsePlan} returns it
     */
    static String refusal(LogicalPlan plan) {
        if (plan instanceof Command) {
            String name = plan.getClass().getSimpleName();
            return name.startsWith("Show") || name.startsWith("Describe") || name.equals("ExplainCommand") ? null
                    : "runs a command (" + plan.nodeName() + ")";
        }
        return inTree(plan);
    }

    private static String inTree(LogicalPlan plan) {
        if (plan instanceof InsertIntoStatement) {
            return "writes (INSERT INTO)";
        }
        if (plan instanceof InsertIntoDir) {
            return "writes (INSERT OVERWRITE DIRECTORY)";
        }
        if (plan instanceof ScriptTransformation) {
            return "runs a shell command (TRANSFORM … USING)";
        }
        if (plan.nodeName().equals("ExecuteImmediateQuery")) {
            return "runs another statement (EXECUTE IMMEDIATE)";
        }
        if (plan.nodeName().equals("Call")) {
            return "runs a procedure (CALL)";
        }
        if (plan instanceof Command) {
            return "runs a command (" + plan.nodeName() + ")";
        }
        for (Expression e : CollectionConverters.asJava(plan.expressions())) {
            String call = javaCall(e);
            if (call != null) {
                return "calls Java methods (" + call + ")";
            }
        }
        for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
            String r = inTree(child);
            if (r != null) {
                return r;
            }
        }
        // CTE definitions and subqueries
        for (Object inner : CollectionConverters.asJava(plan.innerChildren())) {
            String r = inner instanceof LogicalPlan p ? inTree(p) : null;
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static String javaCall(Expression e) {
        if (e instanceof UnresolvedFunction f) {
            String name = CollectionConverters.asJava(f.nameParts()).get(f.nameParts().size() - 1)
                    .toLowerCase(Locale.ROOT);
            if (JAVA_CALLS.contains(name)) {
                return name;
            }
        }
        for (Expression child : CollectionConverters.asJava(e.children())) {
            String c = javaCall(child);
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
