package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.ResultViews;
import org.initsweep.analysis.trainability.TrainabilityAnalysis;
import org.initsweep.core.spec.SpecWriter;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.trace.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep judged against target 0.5, re-judged against 0.75 and killed ({@link KilledFileSystem}) after
 * each change the re-judging makes: {@code trainability/} and {@code trainability_bound/} never disagree on
 * the target (the bound may be missing), and the next analysis writes both.
 */
class TrainabilityKillTest {

    private static final String[] TABLES = {Tables.TRAINABILITY, Tables.TRAINABILITY_BOUND};

    private static final String SPEC = """
            {"name": "k", "depths": [2, 4], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"],
             "multipliers": [1, 4], "seeds": [1], "samples": 64, "epochs": 2, "target_split": "train",
             "target_accuracy": %s}""";

    @Test
    void theTwoTablesNeverDisagreeOnTheTarget(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session("local[1]");
        try {
            String out = tmp.resolve("k").toString();
            SweepSpec low = TestSpark.spec(SPEC.formatted("0.5"));
            SweepSpec high = TestSpark.spec(SPEC.formatted("0.75"));
            SweepJob.run(spark, low, out, SweepJob.Options.defaults());
            var conf = spark.sparkContext().hadoopConfiguration();
            conf.set("fs.file.impl", KilledFileSystem.class.getName());
            conf.setBoolean("fs.file.impl.disable.cache", true);

            KilledFileSystem.killAfter(Integer.MAX_VALUE);
            judge(spark, out, low);
            Path judgedLow = tmp.resolve("judged-low");
            for (String t : TABLES) {
                TestFiles.copyTree(Path.of(out, t), judgedLow.resolve(t));
            }
            // killed at its first change, its second, … until a re-judging is left to finish
            boolean finished = false;
            int k = 0;
            while (!finished) {
                k++;
                assertTrue(k < 200, "a re-judging that never finishes");
                // back to the tables judged against 0.5, as a copy (judging again would take as long as the kill)
                for (String t : TABLES) {
                    TestFiles.deleteTree(Path.of(out, t));
                    TestFiles.copyTree(judgedLow.resolve(t), Path.of(out, t));
                }
                if (k == 1) {
                    assertEquals(List.of(0.5), targets(spark, out, Tables.TRAINABILITY));
                    assertEquals(List.of(0.5), targets(spark, out, Tables.TRAINABILITY_BOUND));
                }

                writeSpec(out, high);
                KilledFileSystem.killAfter(k);
                try {
                    TrainabilityAnalysis.run(spark, out);
                    finished = true;
                } catch (Exception killed) {
                    // the injected kill: what the readers see next is the point
                }
                KilledFileSystem.killAfter(Integer.MAX_VALUE);
                List<Double> cells = targets(spark, out, Tables.TRAINABILITY);
                List<Double> bound = targets(spark, out, Tables.TRAINABILITY_BOUND);
                assertTrue(bound.isEmpty() || bound.equals(cells), "killed at change " + k + ": cells " + cells
                        + ", bound " + bound);
            }
            assertTrue(k > 4, "two tables are written: " + (k - 1) + " changes");
            judge(spark, out, high);
            assertEquals(List.of(0.75), targets(spark, out, Tables.TRAINABILITY));
            assertEquals(List.of(0.75), targets(spark, out, Tables.TRAINABILITY_BOUND));
        } finally {
            KilledFileSystem.killAfter(Integer.MAX_VALUE);
            spark.stop();
        }
    }

    /** The analysis of the sweep at {@code out} with {@code spec}'s target. */
    private static void judge(SparkSession spark, String out, SweepSpec spec) throws Exception {
        writeSpec(out, spec);
        ResultViews.register(spark, out);
        TrainabilityAnalysis.run(spark, out);
    }

    /** spec.json with {@code spec}'s target, as a user would edit it (the analysis reads past the stale checksum). */
    private static void writeSpec(String out, SweepSpec spec) throws Exception {
        Files.writeString(Path.of(out, Tables.SPEC_FILE), SpecWriter.toJson(spec));
    }

    /** The distinct targets of a table as its files hold them now; empty when it is missing. */
    private static List<Double> targets(SparkSession spark, String out, String table) throws Exception {
        if (!ResultViews.register(spark, out, table).contains(table)) {
            return List.of();
        }
        return spark.sql("SELECT DISTINCT target_accuracy FROM " + table).collectAsList().stream()
                .map(r -> r.getDouble(0)).toList();
    }
}
