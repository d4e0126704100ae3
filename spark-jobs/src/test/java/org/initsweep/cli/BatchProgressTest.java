package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose stderr is a file (nohup, a scheduler, a cluster-mode driver) draws no progress line;
 * its log says how far it is once per committed chunk instead.
 */
class BatchProgressTest {

    @TempDir
    static Path tmp;

    /** The tiny sweep in three chunks of 4 runs, stderr a file; the tests share it (one JVM start fewer). */
    private static String[] args;
    private static String firstErr;

    @BeforeAll
    static void sweepInChunksOfFour() throws Exception {
        args = new String[] {"run", CliTest.tinySpec().toString(), "--out", tmp.resolve("tiny").toString(),
            "--master", "local[1]", "--chunk-runs", "4", "--no-analyze"};
        CliProcess first = CliProcess.start(tmp, "1g", args);
        assertEquals(0, first.waitFor(3), first.stderr());
        firstErr = first.stderr();
    }

    @Test
    void aLogGetsOneLinePerCommittedChunk() {
        String err = firstErr;
        // three chunks of 4 runs: a line after each but the last, which the closing summary reports
        List<String> lines = err.lines().filter(l -> l.contains("Sweep 'tiny': ") && l.contains("runs trained")).toList();
        assertEquals(2, lines.size(), err);
        assertTrue(lines.get(0).contains("Sweep 'tiny': 4/12 runs trained (33%)"), lines.get(0));
        assertTrue(lines.get(1).contains("Sweep 'tiny': 8/12 runs trained (67%)"), lines.get(1));
        assertFalse(err.contains("\r"), "no line drawn for a terminal");
    }

    @Test
    void aResumeLogsNoLineForChunksThatWereAlreadyThere() throws Exception {
        Path out = tmp.resolve("tiny");
        // a driver killed before the last chunk's runs/ file landed: 8 of 12 runs committed
        List<Path> runFiles;
        try (var files = Files.list(out.resolve("runs"))) {
            runFiles = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        assertEquals(3, runFiles.size());
        Path last = runFiles.get(2);
        Files.delete(last);
        Files.deleteIfExists(last.resolveSibling("." + last.getFileName() + ".crc"));

        CliProcess resumed = CliProcess.start(tmp, "1g", args);
        assertEquals(0, resumed.waitFor(3), resumed.stderr());
        String err = resumed.stderr();
        assertTrue(err.contains("resuming, 8 of 12 runs already"), err);
        // the two chunks already there are skipped without a line each; the one computed is the last
        List<String> lines = err.lines().filter(l -> l.contains("Sweep 'tiny': ") && l.contains("runs trained")).toList();
        assertEquals(List.of(), lines, err);
    }
}
