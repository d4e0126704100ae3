package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.sql.SparkSession;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SparkContext stopped under a command (a master that gave the application up, a kill) is what the
 * command's failure is said as, whatever Spark's failure reads, and only then.
 */
class StoppedContextTest {

    private static final String LINE = "initsweep: Spark stopped this application before the command finished";

    @AfterEach
    void noSituationLeft() {
        Main.during(Situation.NONE);
    }

    private static String said(Exception failure) {
        StringWriter said = new StringWriter();
        assertEquals(Main.FAILURE, Main.report(new PrintWriter(said, true), failure, false), said.toString());
        return said.toString();
    }

    @Test
    void aContextFoundStoppedWhenTheCommandEndsIsTheCauseWhateverTheFailureReads() {
        Main.during(Situation.NONE);
        SparkSession spark = TestSpark.session("local[1]");
        spark.stop();
        StoppedContext.end(spark, false);
        assertTrue(Main.situation().contextStopped());
        for (Exception failure : List.of(
                new SparkException("Job 41 cancelled because SparkContext was shut down"),
                new SparkException("Exception thrown in awaitResult: "),
                new SparkException("Job aborted",
                        new IllegalStateException("Cannot call methods on a stopped SparkContext.")),
                // a read that failed because Spark stopped, said as an unreadable table (bad input, exit 2)
                new org.initsweep.core.UserInputException("cannot read table runs at /tmp/out/runs: Cannot call"
                        + " methods on a stopped SparkContext."))) {
            assertTrue(said(failure).startsWith(LINE), failure.getMessage());
        }
    }

    @Test
    void aContextTheCommandEndsItselfLeavesTheFailureInitsweepsOwn() {
        Main.during(Situation.NONE);
        StoppedContext.end(TestSpark.session("local[1]"), false);
        assertFalse(Main.situation().contextStopped());
        assertTrue(said(new SparkException("Exception thrown in awaitResult: ")).startsWith(
                "initsweep: internal error: SparkException: Exception thrown in awaitResult:"));
    }

    @Test
    void aSweepWhoseContextIsStoppedUnderItSaysSoAndExitsOne(@TempDir Path tmp) throws Exception {
        Thread stopper = new Thread(() -> {
            try {
                while (true) {
                    var session = SparkSession.getDefaultSession();
                    if (session.isDefined() && !session.get().sparkContext().isStopped()) {
                        Thread.sleep(1500); // into the sweep's jobs
                        session.get().sparkContext().stop();
                        return;
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stopper");
        stopper.setDaemon(true);
        stopper.start();
        CliTest.Result r = CliTest.cli("run", CliTest.tinySpec().toString(), "--out", tmp.resolve("out").toString());
        stopper.join();
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith(LINE), r.err());
    }
}
