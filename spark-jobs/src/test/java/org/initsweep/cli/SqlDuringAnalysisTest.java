package org.initsweep.cli;

import static org.initsweep.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.initsweep.spark.OutputLock;
import org.initsweep.spark.ReplacedFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sql} while an analysis rewrites the directory: the analysis replaces a table (delete, then
 * rename the new one in) at many points of the query — while its views are registered, while its files
 * are read, with and without an instant in which the table is missing — and the query answers as if
 * it had run before or after, never with "table not found" or advice to delete a file.
 */
class SqlDuringAnalysisTest {

    private static final String QUERY = "SELECT r.regime, count(*) AS cells, sum(u.final_loss) > 0 AS losses "
            + "FROM regions r JOIN runs u USING (activation, depth, width) GROUP BY r.regime ORDER BY r.regime";

    @AfterEach
    void normalFileSystem() {
        ReplacedFileSystem.off();
        System.clearProperty("spark.hadoop.fs.file.impl");
        System.clearProperty("spark.hadoop.fs.file.impl.disable.cache");
    }

    @Test
    void aTableReplacedAtAnyPointOfAQueryIsReadWhole(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("tiny");
        assertEquals(0, cli("run", CliTest.tinySpec().toString(), "--out", out.toString()).code());
        CliTest.Result before = cli("sql", out.toString(), "--csv", QUERY);
        assertEquals(0, before.code(), before.err());
        assertTrue(before.out().lines().count() > 1, before.out());

        System.setProperty("spark.hadoop.fs.file.impl", ReplacedFileSystem.class.getName());
        System.setProperty("spark.hadoop.fs.file.impl.disable.cache", "true");
        org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        int reached = 0;
        // an analysis is under way: it holds the directory's lock
        try (OutputLock lock = OutputLock.acquire(fs, new org.apache.hadoop.fs.Path(out.toString()))) {
            for (long gap : new long[] {0, 700}) {
                for (int n = 1; n <= 3; n++) {
                    Path next = copyWithNewNames(out.resolve("regions"), tmp.resolve("next-" + gap + "-" + n));
                    ReplacedFileSystem.replaceAt(out.resolve("regions"), next, n, gap);
                    CliTest.Result during = cli("sql", out.toString(), "--csv", QUERY);
                    assertEquals(0, during.code(), "replaced at opening " + n + ", gap " + gap + " ms: " + during.err());
                    assertEquals(before.out(), during.out(), "replaced at opening " + n + ", gap " + gap + " ms");
                    reached += ReplacedFileSystem.replaced() ? 1 : 0;
                    ReplacedFileSystem.off();
                    while (!Files.exists(out.resolve("regions"))) { // a replacement still in its gap
                        Thread.sleep(50);
                    }
                }
            }
        }
        assertTrue(reached >= 4, "the replacement happened during " + reached + " of 6 queries");
    }

    /** A copy of a table whose Parquet files have other names, as a new analysis writes them. */
    private static Path copyWithNewNames(Path table, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(table)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
            for (int i = 0; i < files.size(); i++) {
                Files.copy(files.get(i), to.resolve("part-0000" + i + "-" + to.getFileName() + ".snappy.parquet"));
            }
        }
        return to;
    }
}
