package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(err.contains("initsweep: interrupted."), err);
        assertFalse(err.contains("resume") || err.contains("chunk"), err);
    }

    @Test
    void eachCommandSaysWhatAnInterruptLeavesAndTheNextCommandDoesNotInheritIt(@TempDir Path tmp) {
        CliTest.cli("run", tmp.resolve("missing.json").toString());
        assertTrue(Main.situation().ifInterrupted().endsWith("run the same command again to resume."), Main.situation().ifInterrupted());
        assertTrue(Main.situation().ifInterrupted().contains("(a chunk is about a minute of work; --chunk-runs sets it)"));
        CliTest.cli("run", tmp.resolve("missing.json").toString(), "--chunk-runs", "2");
        assertTrue(Main.situation().ifInterrupted().contains("(a chunk is 2 runs, from --chunk-runs)"),
                Main.situation().ifInterrupted());
        CliTest.cli("analyze", tmp.resolve("missing").toString());
        assertTrue(Main.situation().ifInterrupted().endsWith("run the same command again to finish it."), Main.situation().ifInterrupted());
        CliTest.cli("sql", tmp.resolve("missing").toString(), "SELECT 1");
        assertEquals("initsweep: interrupted.", Main.situation().ifInterrupted());
    }
}
