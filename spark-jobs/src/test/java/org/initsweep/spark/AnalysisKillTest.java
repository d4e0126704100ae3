package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.analysis.ResultViews;
import org.initsweep.core.regime.SignalGrowth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis killed at many points ({@link KilledFileSystem}: after its k-th change to the file
 * system, for k spread over a whole analysis): readers then see every analysis table complete or
 * absent, never half-written, and the next analysis completes with the same tables, charts and report.
 */
class AnalysisKillTest {

    private static final String[] TABLES = {"growth", "regions", "agreement"};

    @Test
    void aKillAtAnyPointLeavesCompleteOrNoTablesAndTheNextAnalysisFinishes(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session("local[1]");
        try {
            String out = tmp.resolve("k").toString();
            SweepJob.run(spark, TestSpark.spec("""
                    {"name": "k", "depths": [3, 6], "widths": [16], "activations": ["tanh"],
                     "inits": ["scaled_normal"], "multipliers": [0.5, 1, 2], "seeds": [1],
                     "samples": 64, "epochs": 2}
                    """), out, SweepJob.Options.defaults());
            var conf = spark.sparkContext().hadoopConfiguration();
            conf.set("fs.file.impl", KilledFileSystem.class.getName());
            conf.setBoolean("fs.file.impl.disable.cache", true);

            KilledFileSystem.killAfter(Integer.MAX_VALUE);
            Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true);
            List<org.apache.hadoop.fs.Path> changed = KilledFileSystem.changed();
            int changes = changed.size();
            Map<String, List<String>> reference = contents(spark, out);
            assertTrue(changes > 20, "an analysis makes many changes: " + changes);
            int tables = 0;
            while (tables < changed.size() && !changed.get(tables).toString().contains("/charts")) {
                tables++;
            }
            assertTrue(tables > 4 && tables < changes - 4, "the tables' changes, then the charts': " + changed);

            // The first change, the last, one amid the tables' and one amid the charts' and the report's (an
            // analysis of this sweep makes about 40 changes); half of the kills after the outputs were deleted.
            List<Integer> killPoints = List.of(1, tables / 2, tables + (changes - tables) / 2, changes - 1);
            for (int i = 0; i < killPoints.size(); i++) {
                int k = killPoints.get(i);
                if (i % 2 == 0) { // as in the report: the analysis' outputs deleted, then analyze killed
                    KilledFileSystem.killAfter(Integer.MAX_VALUE);
                    for (String t : new String[] {"growth", "regions", "agreement", "charts", "report"}) {
                        TestFiles.deleteTree(Path.of(out, t));
                    }
                }
                KilledFileSystem.killAfter(k);
                assertThrows(Exception.class, () -> Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true),
                        "killed after change " + k);

                KilledFileSystem.killAfter(Integer.MAX_VALUE);
                List<String> seen = ResultViews.register(spark, out);
                for (String t : TABLES) {
                    if (seen.contains(t)) {
                        assertEquals(reference.get(t), rows(spark, t), t + " after a kill at change " + k);
                    }
                }
                Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true);
                assertEquals(reference, contents(spark, out), "the analysis after a kill at change " + k);
                assertEquals(List.of(), leftovers(Path.of(out)), "nothing left over after a kill at change " + k);
            }
        } finally {
            KilledFileSystem.killAfter(Integer.MAX_VALUE);
            spark.stop();
        }
    }

    /** Every analysis table's rows, and the names of the charts and the report. */
    private static Map<String, List<String>> contents(SparkSession spark, String out) throws Exception {
        ResultViews.register(spark, out);
        Map<String, List<String>> c = new TreeMap<>();
        for (String t : TABLES) {
            c.put(t, rows(spark, t));
        }
        c.put("charts", names(Path.of(out, "charts")));
        c.put("report", names(Path.of(out, "report")));
        return c;
    }

    private static List<String> rows(SparkSession spark, String table) {
        return spark.table(table).collectAsList().stream().map(Object::toString).sorted().toList();
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList();
        }
    }

    private static List<String> leftovers(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).filter(n -> n.endsWith(".tmp")).sorted().toList();
        }
    }
}
