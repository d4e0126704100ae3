package org.initsweep.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An analysis is stale exactly when the committed chunks differ from those it read; no stamp, no verdict. */
class AnalysisStampTest {

    @Test
    void staleExactlyWhenChunksWereCommittedOrRemovedSince(@TempDir Path tmp) throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(tmp.toUri());
        Path chunks = Files.createDirectories(tmp.resolve(".chunks"));
        Files.writeString(chunks.resolve("c00000100001"), "");
        Files.writeString(chunks.resolve("c00000100000"), "");
        Files.writeString(chunks.resolve(".c00000100002.tmp"), ""); // a manifest being written: no commit yet
        assertEquals(List.of("c00000100000", "c00000100001"), AnalysisStamp.chunks(fs, dir));

        assertEquals(OptionalLong.empty(), AnalysisStamp.staleSince(fs, dir), "never analyzed: nothing to say");
        AnalysisStamp.write(fs, dir, AnalysisStamp.chunks(fs, dir), 12);
        assertEquals("runs 12\nc00000100000\nc00000100001\n", Files.readString(tmp.resolve(".analyzed")));
        assertEquals(OptionalLong.empty(), AnalysisStamp.staleSince(fs, dir), "current");

        Files.writeString(chunks.resolve("c0000aa00000"), ""); // a resume committed another chunk
        assertEquals(OptionalLong.of(12), AnalysisStamp.staleSince(fs, dir));
        Files.delete(chunks.resolve("c0000aa00000"));
        Files.delete(chunks.resolve("c00000100001")); // a damaged chunk removed by a resume's audit
        assertEquals(OptionalLong.of(12), AnalysisStamp.staleSince(fs, dir));

        AnalysisStamp.clear(fs, dir); // an analysis under way, or killed
        assertFalse(Files.exists(tmp.resolve(".analyzed")));
        assertEquals(OptionalLong.empty(), AnalysisStamp.staleSince(fs, dir));
        Files.writeString(tmp.resolve(".analyzed"), "something else\n");
        assertEquals(OptionalLong.empty(), AnalysisStamp.staleSince(fs, dir), "not a stamp this class wrote");
    }

    @Test
    void theWarningSaysHowManyRunsTheAnalysisCoversAndWhatUpdatesIt() {
        assertEquals("the analysis in results/x (its tables growth, regions and the rest, charts and report) covers 120"
                + " of the 540 runs committed now: `initsweep analyze results/x` brings it up to date",
                AnalysisStamp.warning("results/x", 120, 540, true));
        assertEquals("the analysis in results/x (its tables growth, regions and the rest, charts and report) was made"
                + " before runs were recomputed: `initsweep analyze results/x` brings it up to date",
                AnalysisStamp.warning("results/x", 540, 540, true));
        assertEquals("the analysis in results/x (its tables growth, regions and the rest) covers 120 of the 540 runs"
                + " committed now: `initsweep analyze results/x` brings it up to date",
                AnalysisStamp.warning("results/x", 120, 540, false), "analyze --no-charts drew neither");
    }

    @Test
    void theWarningNamesChartsAndReportOnlyWhereTheAnalysisDrewThem(@TempDir Path tmp) throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(tmp.toUri());
        Files.writeString(Files.createDirectories(tmp.resolve(".chunks")).resolve("c00000100000"), "");
        AnalysisStamp.write(fs, dir, List.of(), 0); // the analysis read no chunk: stale now
        String tables = AnalysisStamp.warningIfStale(fs, dir, "d", () -> OptionalLong.of(4)).orElseThrow();
        Files.createDirectories(tmp.resolve("charts"));
        String drawn = AnalysisStamp.warningIfStale(fs, dir, "d", () -> OptionalLong.of(4)).orElseThrow();
        assertEquals(List.of("the analysis in d (its tables growth, regions and the rest) covers 0",
                "the analysis in d (its tables growth, regions and the rest, charts and report) covers 0"),
                List.of(tables.substring(0, tables.indexOf(" of the")), drawn.substring(0, drawn.indexOf(" of the"))));
    }
}
