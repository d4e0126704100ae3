package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C or SIGTERM says what it means for the command that was interrupted, and only that. */
class InterruptMessageTest {

    @Test
    void anInterruptedQueryDoesNotTalkAboutResumingASweep(@TempDir Path tmp) throws Exception {
        Path out = CliTest.tinySweep(tmp.resolve("tiny"));
        // a query that runs for minutes
        CliProcess sql = CliProcess.start(tmp, "1g", "sql", out.toString(), "--master", "local[1]",
                "SELECT count(*) FROM runs CROSS JOIN range(1000000000000)");
        Thread.sleep(8000); // well into the query (the JVM and Spark start in about 3 s)
        assertTrue(sql.process().isAlive(), sql.stderr());
        sql.process().destroy(); // SIGTERM: the shutdown hook runs, as on Ctrl-C
        sql.waitFor(2);
        String err = sql.stderr();
        // the query printed nothing before: the line is stderr's first, with no blank line above it in a file
        assertTrue(err.startsWith("initsweep: interrupted."), err);
        assertFalse(err.contains("resume") || err.contains("chunk"), err);
    }

    @Test
    void anInterruptedSweepTakesItsLockWithIt(@TempDir Path tmp) throws Exception {
        // Only a dead process on this host makes a lock stale: one left by an interrupted driver would hold
        // off the resume a README reader runs next from any other host (cluster deploy mode, YARN).
        Path spec = tmp.resolve("long.json");
        Files.writeString(spec, Files.readString(CliTest.tinySpec()).replace("\"epochs\": 3", "\"epochs\": 1000000"));
        Path out = tmp.resolve("out");
        CliProcess run = CliProcess.start(tmp, "1g", "run", spec.toString(), "--out", out.toString(),
                "--master", "local[1]", "--no-analyze");
        Path lock = out.resolve(".initsweep.lock");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(lock) && run.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(lock) && run.process().isAlive(), "the sweep holds its lock: " + run.stderr());
        Thread.sleep(2000); // into the training
        run.process().destroy(); // SIGTERM, as a scheduler or Ctrl-C
        run.waitFor(2);
        assertTrue(run.stderr().contains("initsweep: interrupted"), run.stderr());
        assertEquals(143, run.process().exitValue(), "128 + SIGTERM, as the README says");
        assertFalse(Files.exists(lock), "the lock is released on the way out");
    }

    @Test
    void eachCommandSaysWhatAnInterruptLeavesAndTheNextCommandDoesNotInheritIt(@TempDir Path tmp) {
        CliTest.cli("run", tmp.resolve("missing.json").toString());
        // before the sweep starts nothing of this attempt is committed, and there may be nothing earlier
        assertEquals("initsweep: interrupted before the sweep started: no run of this attempt was committed (runs an"
                + " earlier attempt committed are kept); run the same command again to start or resume.",
                Main.situation().ifInterrupted());
        CliTest.cli("run", tmp.resolve("missing.json").toString(), "--overwrite");
        assertEquals("initsweep: interrupted before the sweep started: no run of this attempt was committed, and"
                + " --overwrite may already have deleted the directory's earlier results; run the command again to start"
                + " afresh.", Main.situation().ifInterrupted(), "not 'kept': --overwrite deletes them before the sweep starts");
        CliTest.cli("analyze", tmp.resolve("missing").toString());
        assertTrue(Main.situation().ifInterrupted().endsWith("run the same command again to finish it."), Main.situation().ifInterrupted());
        CliTest.cli("sql", tmp.resolve("missing").toString(), "SELECT 1");
        assertEquals("initsweep: interrupted.", Main.situation().ifInterrupted());
    }

    @Test
    void onceTheSweepStartsTheLineSaysHowManyRunsAreKept() {
        assertEquals("initsweep: interrupted before the first chunk was committed (a chunk is about a minute of work;"
                + " --chunk-runs sets it): no run is kept; the same command starts the sweep again.",
                RunCommand.interrupted(0, 0, 540, false));
        assertEquals("initsweep: interrupted. 240 of 540 runs are committed and kept (a chunk is 120 runs, from"
                + " --chunk-runs): run the same command again to resume.", RunCommand.interrupted(120, 240, 540, false));
        assertEquals("initsweep: interrupted. 540 of 540 runs are committed and kept; run the same command again to"
                + " finish.", RunCommand.interrupted(0, 540, 540, false));
        // after --overwrite the same command would delete them again
        assertEquals("initsweep: interrupted. 240 of 540 runs are committed and kept (a chunk is 120 runs, from"
                + " --chunk-runs): run the command again without --overwrite to resume.",
                RunCommand.interrupted(120, 240, 540, true));
    }

    @Test
    void duringTheAnalysisOfARunTheLineSaysTheAnalysisIsRedone(@TempDir Path tmp) {
        Path out = tmp.resolve("tiny");
        CliTest.Result r = CliTest.cli("run", CliTest.tinySpec().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("initsweep: interrupted during the analysis. All 12 runs are kept; the analysis writes each table,"
                + " chart and report whole or not at all: run the same command again to finish it.",
                Main.situation().ifInterrupted());
    }

    @Test
    void aFinishedSweepLeavesTheLineOfAllItsRunsCommitted(@TempDir Path tmp) throws Exception {
        CliTest.tinySweep(tmp.resolve("tiny"));
        assertEquals(RunCommand.interrupted(0, 12, 12, false), Main.situation().ifInterrupted(),
                "the sweep told the command of its commits, the last of all 12 runs");
    }
}
