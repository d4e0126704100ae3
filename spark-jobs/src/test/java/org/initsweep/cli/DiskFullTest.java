package org.initsweep.cli;

import static org.initsweep.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.initsweep.spark.FullFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk is one line naming the directory and its device, exit 1, and the directory stays
 * resumable: once space is freed the same command finishes with every run once. The device is
 * {@link FullFileSystem}, which fails as Hadoop's local file system does on ENOSPC.
 */
class DiskFullTest {

    @AfterEach
    void normalDisk() {
        System.clearProperty("spark.hadoop.fs.file.impl");
        System.clearProperty("spark.hadoop.fs.file.impl.disable.cache");
        FullFileSystem.capacity(Long.MAX_VALUE);
    }

    private static void onFullFileSystem() {
        System.setProperty("spark.hadoop.fs.file.impl", FullFileSystem.class.getName());
        System.setProperty("spark.hadoop.fs.file.impl.disable.cache", "true");
    }

    @Test
    void theLineNamesTheDirectoryItsDeviceAndWhatToDo(@TempDir Path tmp) throws IOException {
        Main.during(Situation.NONE.writing(tmp.toString()));
        StringWriter out = new StringWriter();
        var task = new org.apache.spark.SparkException("[TASK_WRITE_FAILED] Task failed while writing rows to "
                + tmp + "/.staging/c1/layers.", new IOException("No space left on device"));
        int code = Main.report(new PrintWriter(out, true), task, false);
        assertEquals(Main.FAILURE, code);
        String line = out.toString().strip();
        assertEquals(1, line.lines().count(), line);
        String store = Files.getFileStore(tmp).name();
        assertTrue(line.startsWith("initsweep: no space left on " + tmp + " (device " + store + ", "), line);
        assertTrue(line.endsWith("free some space, then run the same command again (it carries on from what was"
                + " committed)"), line);
        // EFBIG under `ulimit -f`: the same line's kind, not an internal error
        StringWriter big = new StringWriter();
        assertEquals(Main.FAILURE, Main.report(new PrintWriter(big, true), new org.apache.spark.SparkException(
                "Job aborted", new IOException("File too large")), false));
        assertTrue(big.toString().strip().startsWith("initsweep: a file grew past the largest this process may write"
                + " (ulimit -f) on " + tmp + " (device "), big.toString());
        assertTrue(big.toString().strip().endsWith(": raise that limit, then run the same command again (it carries on"
                + " from what was committed)"), big.toString());
    }

    @Test
    void aSweepAndAnAnalysisThatFillTheDiskResumeOnceSpaceIsFree(@TempDir Path tmp) throws Exception {
        String spec = CliTest.tinySpec().toString();
        onFullFileSystem();
        assertEquals(0, cli("run", spec, "--out", tmp.resolve("sweep-only").toString(), "--no-analyze").code());
        long sweep = FullFileSystem.written();
        FullFileSystem.capacity(Long.MAX_VALUE);
        assertEquals(0, cli("run", spec, "--out", tmp.resolve("whole").toString()).code());
        long whole = FullFileSystem.written();
        assertTrue(sweep > 10_000 && whole > sweep, sweep + " bytes for the sweep, " + whole + " with its analysis");

        for (long capacity : new long[] {sweep / 3, sweep + (whole - sweep) / 2}) {
            String out = tmp.resolve("full-at-" + capacity).toString();
            FullFileSystem.capacity(capacity);
            CliTest.Result full = cli("run", spec, "--out", out);
            assertEquals(1, full.code(), full.err());
            assertEquals(1, full.err().strip().lines().count(), full.err());
            assertTrue(full.err().startsWith("initsweep: no space left on " + out + " (device "), full.err());

            FullFileSystem.capacity(Long.MAX_VALUE); // space freed
            CliTest.Result resumed = cli("run", spec, "--out", out);
            assertEquals(0, resumed.code(), resumed.err());
            assertEquals(List.of("12,12"), cli("sql", out, "--csv",
                    "SELECT count(*), count(DISTINCT run_id) FROM runs").out().lines().skip(1).toList());
            assertTrue(Files.exists(Path.of(out, "report", "index.html")), "the analysis finished");
        }
    }
}
