package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the charts and the report ask of the runs, answered on the driver: the deepest runs of each group, K per
 * dataset, settings, statuses, test splits, and the order {@code ORDER BY multiplier, seed, run_id} gives.
 */
class RunIndexTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark("local[1]", 1);

    private static final ChartGroup TANH = new ChartGroup("tanh", "lecun_normal", 8, null, 0.0, "gaussian");
    private static final ChartGroup RELU = new ChartGroup("relu", "he_normal", 8, null, 0.0, "digits");
    private static final TrainingSetting SGD = new TrainingSetting("sgd", 0.1);
    private static final TrainingSetting ADAM = new TrainingSetting("adam", 0.001);

    private static RunIndex.Run run(String id, ChartGroup g, int depth, Double m, TrainingSetting s, long seed,
            String status, int epochs, int classes, Integer test) {
        return new RunIndex.Run(id, g, depth, m, s, seed, status, epochs, classes, test);
    }

    /** tanh: depths 3 and 6 (the depth-6 runs untrained); relu: depth 4 only; two settings, two datasets. */
    private static final RunIndex INDEX = new RunIndex(List.of(
            run("a", TANH, 3, 1.0, SGD, 1, "ok", 5, 2, 0),
            run("b", TANH, 3, 1.0, ADAM, 1, "diverged", 5, 2, 0),
            run("c", TANH, 6, 1.0, SGD, 1, "ok", 0, 2, 0),
            run("d", TANH, 6, 2.0, SGD, 1, "ok", 0, 2, 0),
            run("e", RELU, 4, 2.0, SGD, 2, "ok", 5, 10, 40),
            run("f", RELU, 4, 2.0, SGD, 1, null, 5, 10, 40)));

    @Test
    void theDeepestRunsOfEachGroupAmongThoseAsked() {
        // in SQL's ORDER BY multiplier, seed, run_id, whatever order the index was built in: f (seed 1) before e
        assertEquals(List.of("c", "d", "f", "e"), INDEX.deepest(r -> true).stream().map(RunIndex.Run::runId).toList());
        // trained runs set the depth: tanh's deepest trained depth is 3
        assertEquals(List.of("a", "b", "f", "e"),
                INDEX.deepest(r -> r.epochs() > 0).stream().map(RunIndex.Run::runId).toList());
        // and every run at that depth is taken, as the join with the deepest depth took them
        RunIndex mixed = new RunIndex(List.of(run("v", TANH, 6, 1.0, SGD, 1, "ok", 0, 2, 0),
                run("u", TANH, 3, 1.0, SGD, 2, "ok", 0, 2, 0), run("t", TANH, 3, 1.0, SGD, 1, "ok", 5, 2, 0)));
        assertEquals(List.of("t", "u"), mixed.deepest(r -> r.epochs() > 0).stream().map(RunIndex.Run::runId).toList());
    }

    @Test
    void classesSettingsStatusesAndTestSplits() {
        assertEquals(Map.of("gaussian", 2, "digits", 10), INDEX.classes());
        assertEquals(List.of(ADAM, SGD), INDEX.settings().get(TANH), "sorted: adam before sgd");
        assertEquals(List.of(SGD), INDEX.settings().get(RELU));
        Map<String, Long> status = INDEX.byStatus();
        assertEquals(java.util.Arrays.asList(null, "diverged", "ok"), new java.util.ArrayList<>(status.keySet()));
        assertEquals(List.of(1L, 1L, 4L), List.copyOf(status.values()));
        assertEquals(List.of("digits", "gaussian"), List.copyOf(INDEX.testSplits().keySet()), "in name order");
        assertEquals(Map.of("digits", true, "gaussian", false), INDEX.testSplits());
        assertEquals(2, INDEX.inits());
        assertEquals(6, INDEX.count());
        assertTrue(INDEX.variesSetting());
        assertFalse(INDEX.variesSigmaB2());
        assertTrue(RunIndex.ORDER.compare(run("x", TANH, 3, null, SGD, 9, "ok", 1, 2, 0),
                run("y", TANH, 3, 0.5, SGD, 1, "ok", 1, 2, 0)) < 0, "a fixed scheme (no m) first, as SQL's nulls");
    }

    @Test
    void readsTheViewInSqlsOrderAndDefaultsWhatAnOlderEngineDidNotRecord() {
        SPARK.session().sql("""
                SELECT run_id, activation, init, CAST(8 AS INT) AS width, CAST(NULL AS STRING) AS profile,
                       0.0D AS sigma_b2, 'gaussian' AS dataset, CAST(3 AS INT) AS depth, multiplier, 'sgd' AS optimizer,
                       0.1D AS learning_rate, CAST(seed AS BIGINT) AS seed, 'ok' AS status, CAST(2 AS INT) AS epochs
                FROM VALUES ('r3', 'tanh', 'lecun_normal', 2.0D, 1), ('r2', 'tanh', 'lecun_normal', 1.0D, 2),
                            ('r1', 'tanh', 'lecun_normal', 1.0D, 1), ('r0', 'tanh', 'zero', CAST(NULL AS DOUBLE), 5)
                AS t(run_id, activation, init, multiplier, seed)
                """).createOrReplaceTempView("runs");
        RunIndex read = RunIndex.read(SPARK.session());
        assertEquals(List.of("r0", "r1", "r2", "r3"), read.runs().stream().map(RunIndex.Run::runId).toList());
        assertEquals(Map.of("gaussian", 2), read.classes(), "no classes column: two classes, as engines before K");
        assertNull(read.runs().get(0).testSamples());
        assertEquals(Map.of("gaussian", false), read.testSplits());
        assertTrue(read.runs().get(1).group() == read.runs().get(2).group(), "one instance per group");
    }

    @Test
    void runsWithRowsAreFoundFromTheirFirstRowsInTheUnfilteredView() {
        // every bin of layers 1 and 2 for r1 and r2 at two epochs; r9's rows are in the unfiltered view only
        SPARK.session().sql("""
                SELECT run_id, CAST(e AS INT) AS epoch, CAST(l AS INT) AS layer, CAST(b AS INT) AS bin
                FROM VALUES ('r1'), ('r2'), ('r9') AS t(run_id)
                LATERAL VIEW explode(array(0, 3)) e AS e LATERAL VIEW explode(array(1, 2)) l AS l
                LATERAL VIEW explode(sequence(0, 39)) b AS b""").createOrReplaceTempView("histograms_all");
        SPARK.session().sql("SELECT * FROM histograms_all WHERE run_id <> 'r9'").createOrReplaceTempView("histograms");
        try {
            assertEquals("histograms_all", RunIndex.view(SPARK.session(), "histograms"));
            assertEquals(java.util.Set.of("r1", "r2", "r9"), RunIndex.idsWithRows(SPARK.session(), "histograms"));
            SPARK.session().catalog().dropTempView("histograms_all");
            assertEquals("histograms", RunIndex.view(SPARK.session(), "histograms"));
            assertEquals(java.util.Set.of("r1", "r2"), RunIndex.idsWithRows(SPARK.session(), "histograms"));
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> RunIndex.idsWithRows(SPARK.session(), "layers"));
        } finally {
            SPARK.session().catalog().dropTempView("histograms");
            SPARK.session().catalog().dropTempView("histograms_all");
        }
    }
}
