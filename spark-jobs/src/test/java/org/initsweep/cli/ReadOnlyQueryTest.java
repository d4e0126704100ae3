package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.execution.SparkSqlParser;
import org.junit.jupiter.api.Test;

/** {@link ReadOnlyQuery}: what Spark's parser makes of a statement decides, whatever its text looks like. */
class ReadOnlyQueryTest {

    private static final SparkSqlParser PARSER = new SparkSqlParser();

    private static String refusal(String sql) {
        return ReadOnlyQuery.refusal(PARSER.parsePlan(sql));
    }

    @Test
    void queriesAndDescribingCommandsRead() {
        for (String q : new String[] {
                "SELECT * FROM runs", "WITH x AS (SELECT count(*) AS n FROM runs) SELECT n FROM x", "FROM runs SELECT *",
                "VALUES (1), (2)", "TABLE runs", "(SELECT 1) UNION ALL (SELECT 2)",
                "SELECT * FROM runs WHERE depth IN (SELECT max(depth) FROM runs)", "SHOW TABLES", "SHOW COLUMNS IN runs",
                "DESCRIBE runs", "DESC FUNCTION upper", "EXPLAIN INSERT INTO runs SELECT * FROM runs",
                "EXPLAIN CODEGEN SELECT TRANSFORM(1) USING 'cat' AS (x)"}) {
            assertNull(refusal(q), q);
        }
    }

    @Test
    void insertsAnywhereWrite() {
        assertEquals("writes (INSERT INTO)", refusal("WITH x AS (SELECT 1) INSERT INTO runs SELECT * FROM runs"));
        assertEquals("writes (INSERT INTO)", refusal("FROM runs INSERT INTO a SELECT * INSERT INTO b SELECT *"));
        assertEquals("writes (INSERT OVERWRITE DIRECTORY)",
                refusal("WITH x AS (SELECT 1 AS a) INSERT OVERWRITE DIRECTORY '/tmp/v' USING parquet SELECT * FROM x"));
    }

    @Test
    void commentsCannotHideAStatement() {
        // Spark nests /* */ comments and continues a -- comment over a backslash-newline, and ends one at \r:
        // each of these is an insert to the parser, whatever word a pattern sees first
        assertEquals("writes (INSERT OVERWRITE DIRECTORY)",
                refusal("/* /* */ SHOW */ INSERT OVERWRITE DIRECTORY '/tmp/v' USING csv SELECT 1 AS a"));
        assertEquals("writes (INSERT INTO)", refusal(" -- note \\\nEXPLAIN\nINSERT INTO runs SELECT * FROM runs"));
        assertEquals("writes (INSERT OVERWRITE DIRECTORY)",
                refusal(" --\rINSERT OVERWRITE DIRECTORY '/tmp/v' USING csv SELECT 2 AS a /*\nDESC */"));
        assertEquals("runs a command (CreateTableAsSelect)",
                refusal("/*/**/ DESC */ CREATE TABLE t USING parquet LOCATION '/tmp/v2' AS SELECT * FROM runs"));
    }

    @Test
    void scriptsAndJavaCallsAreRefused() {
        String shell = "runs a shell command (TRANSFORM … USING)";
        assertEquals(shell, refusal("SELECT TRANSFORM(id) USING 'rm -f /tmp/v/keep.txt; cat' AS (x) FROM range(1)"));
        assertEquals(shell, refusal("FROM runs MAP run_id USING 'touch /tmp/v/m; cat' AS (x)"));
        assertEquals(shell, refusal("FROM (SELECT 1 AS a) t REDUCE a USING 'cat' AS (x)"));
        assertEquals("calls Java methods (reflect)",
                refusal("SELECT reflect('org.apache.hadoop.fs.FileUtil', 'symLink', '/etc/passwd', '/tmp/v/link')"));
        assertEquals("calls Java methods (java_method)",
                refusal("SELECT upper(JAVA_METHOD('java.lang.System', 'getenv', 'HOME')) FROM runs"));
        assertEquals("calls Java methods (try_reflect)",
                refusal("SELECT * FROM runs WHERE 1 IN (SELECT try_reflect('a', 'b'))"));
        assertEquals("calls Java methods (reflect)",
                refusal("WITH x AS (SELECT reflect('a', 'b') AS r) SELECT * FROM x"));
    }

    @Test
    void anotherStatementInsideIsRefused() {
        assertEquals("runs another statement (EXECUTE IMMEDIATE)", refusal("EXECUTE IMMEDIATE 'SELECT 1'"));
        assertEquals("runs another statement (EXECUTE IMMEDIATE)",
                refusal("/* /* */ SELECT */ EXECUTE IMMEDIATE \"INSERT OVERWRITE DIRECTORY '/tmp/v' USING text SELECT 'x'\""));
    }

    @Test
    void theFirstWordIsReadAsSparksLexerReadsIt() {
        assertEquals("SELECT", ReadOnlyQuery.firstWord("/* a /* b */ c */ SELECT 1"), "nested block comments");
        assertEquals("SELECT", ReadOnlyQuery.firstWord("\u00a0SELECT 1"), "a no-break space is a space");
        assertEquals("INSERT", ReadOnlyQuery.firstWord(" -- note\r\n  insert into t values (1)"));
        assertEquals("", ReadOnlyQuery.firstWord("(SELECT 1) UNION ALL (SELECT 2)"));
        // long prefixes: a loop, not a backtracking pattern (which overflowed the stack at ~2,000)
        assertEquals("SELECT", ReadOnlyQuery.firstWord(" ".repeat(100_000) + "SELECT 1"));
        assertEquals("SELECT", ReadOnlyQuery.firstWord("-- c\n".repeat(3_000) + "SELECT 1"));
        assertTrue(ReadOnlyQuery.blank("-- only a comment"));
        assertTrue(ReadOnlyQuery.blank(" /* only /* nested */ */ "));
        assertFalse(ReadOnlyQuery.blank("/* c */ SELECT 1"));
    }

    @Test
    void otherCommandsAreRefused() {
        assertEquals("runs a command (DropTable)", refusal("DROP TABLE runs"));
        assertEquals("runs a command (SetCommand)", refusal("SET spark.sql.runSQLOnFiles=true"));
    }
}
