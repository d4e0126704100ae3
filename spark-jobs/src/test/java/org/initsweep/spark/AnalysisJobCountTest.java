package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.core.regime.SignalGrowth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The number of Spark jobs an analysis of {@code conf/tiny.json} (12 runs, charts and report) starts. Its time is
 * set by its queries, not its rows: each costs jobs (a stage per shuffle, a footer read per table read) and a
 * plan whose generated code the JIT compiles, about a quarter to half a second each. Reading the one-row-per-run
 * and one-row-per-cell tables to the driver once ({@code RunIndex}, the collected regions) and the deepest runs'
 * rows by id took the count from 66 to 23 and the analysis from 20 s to 12 s (first analysis in a JVM). A new
 * query is a deliberate choice: raise the bound with it, or derive its answer from what is already read.
 */
class AnalysisJobCountTest {

    /** Jobs of the analysis of a fresh sweep and of analyzing it again (23 each when written). */
    private static final int BOUND = 30;

    @Test
    void theTinyAnalysisStartsFewSparkJobs(@TempDir Path tmp) throws Exception {
        List<List<String>> analyses = jobsOfAnalyses(tmp.resolve("tiny"), Files.readString(TestSpark.conf("tiny.json")),
                2, (spark, s) -> assertTrue(s.runs() == 12 && !s.charts().isEmpty(), s.toString()));
        String counts = "first analysis: " + analyses.get(0).size() + " Spark jobs, analyzed again: "
                + analyses.get(1).size();
        for (List<String> jobs : analyses) {
            assertTrue(jobs.size() <= BOUND, "more than " + BOUND + ": " + counts + " " + jobs);
        }
    }

    /** Jobs of analyzing a sweep that compares three inits (a fixed scheme among them) with a test split. */
    private static final int COMPARING_BOUND = 84;

    /**
     * 10 runs (lecun_normal and he_normal at m 1 and 2, and zero, which has no m; 2 seeds each) on moons with a
     * test split, histograms and decision boundaries: {@code compare/}, {@code trainability/} and every chart and
     * report section are written. 80 jobs when written; 88 while the report's histogram and boundary sections
     * found each group's deepest runs in SQL, and before that the compare table's charts sorted and counted in
     * queries and the analysis tables' views read their files' footers.
     */
    @Test
    void aSweepComparingInitsStartsFewSparkJobs(@TempDir Path tmp) throws Exception {
        List<String> jobs = jobsOfAnalyses(tmp.resolve("inits"), """
                {"name": "inits", "depths": [2], "widths": [8], "activations": ["tanh"],
                 "inits": ["lecun_normal", "he_normal", "zero"], "multipliers": [1, 2], "datasets": ["moons"],
                 "seeds": [1, 2], "samples": 32, "epochs": 2, "learning_rate": 0.1, "test_fraction": 0.25,
                 "record_epochs": [0, 2], "histograms": true, "boundaries": true}""", 1, (spark, s) -> {
                    assertTrue(s.runs() == 10 && s.charts().stream().anyMatch(c -> c.contains("compare_paired_")),
                            s.toString());
                    assertTrue(spark.catalog().tableExists("compare") && spark.catalog().tableExists("trainability"));
                }).get(0);
        assertTrue(jobs.size() <= COMPARING_BOUND, jobs.size() + " Spark jobs, more than " + COMPARING_BOUND + ": "
                + jobs);
    }

    /**
     * Sweeps {@code spec} into {@code out} in {@code local[2]}, then analyzes it {@code times} times (charts and
     * report), checking each summary.
     *
     * @return the names of each analysis's Spark jobs
     */
    private static List<List<String>> jobsOfAnalyses(Path out, String spec, int times,
            java.util.function.BiConsumer<SparkSession, Analysis.Summary> check) throws Exception {
        SparkSession spark = TestSpark.session("local[2]");
        try {
            SweepJob.run(spark, TestSpark.spec(spec), out.toString(), SweepJob.Options.defaults());
            List<String> jobs = jobsOf(spark);
            List<List<String>> analyses = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                jobs.clear();
                check.accept(spark, Analysis.run(spark, out.toString(), SignalGrowth.DEFAULT_DECADES, true));
                waitForListener(spark);
                analyses.add(List.copyOf(jobs));
            }
            return analyses;
        } finally {
            spark.stop();
        }
    }

    /** The names of the Spark jobs {@code spark} starts from now on (each job's first stage's). */
    private static List<String> jobsOf(SparkSession spark) {
        List<String> jobs = Collections.synchronizedList(new ArrayList<>());
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart job) {
                jobs.add(job.stageInfos().head().name());
            }
        });
        return jobs;
    }

    /** The listener bus delivers events after the job: wait until it has delivered those posted so far. */
    private static void waitForListener(SparkSession spark) throws java.util.concurrent.TimeoutException {
        spark.sparkContext().listenerBus().waitUntilEmpty();
    }
}
