package org.initsweep.cli;

import static org.initsweep.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs committed after the analysis (here a damaged chunk that a resume with --no-analyze recomputes) are
 * said by the run and by every query until an analysis catches up.
 */
class StaleAnalysisTest {

    @Test
    void runsCommittedAfterTheAnalysisAreSaidUntilItIsRedone(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        CliTest.Result first = cli("run", CliTest.tinySpec().toString(), "--out", out.toString(), "--chunk-runs", "6");
        assertEquals(0, first.code(), first.err());
        CliTest.Result fresh = cli("sql", out.toString(), "SELECT count(*) FROM growth");
        assertEquals(0, fresh.code(), fresh.err());
        assertFalse(fresh.err().contains("warning"), fresh.err());

        // the second chunk's runs/ file lost: the resume's audit drops the chunk and trains its 6 runs again
        Path manifests = out.resolve(".chunks");
        Path second;
        try (var list = Files.list(manifests)) {
            second = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList().get(1);
        }
        String runsFile = Files.readAllLines(second).stream().filter(l -> l.startsWith("runs/")).findFirst()
                .orElseThrow().split("\t")[0];
        Files.delete(out.resolve(runsFile));
        CliTest.Result resumed = cli("run", CliTest.tinySpec().toString(), "--out", out.toString(), "--chunk-runs", "6",
                "--no-analyze");
        assertEquals(0, resumed.code(), resumed.err());
        String said = "the analysis in " + out + " (its tables growth, regions and the rest, charts and report) was made"
                + " before runs were recomputed: `initsweep analyze " + out + "` brings it up to date";
        assertTrue(resumed.err().contains("initsweep: warning: " + said), resumed.err());
        CliTest.Result stale = cli("sql", out.toString(), "SELECT count(*) FROM growth");
        assertEquals(0, stale.code(), stale.err());
        assertTrue(stale.err().contains("initsweep: warning: " + said), stale.err());

        assertEquals(0, cli("analyze", out.toString(), "--no-charts").code());
        CliTest.Result again = cli("sql", out.toString(), "SELECT count(*) FROM growth");
        assertFalse(again.err().contains("warning"), again.err());

        // a folder of the analysis's that cannot be written: said before anything is touched (as root, only
        // without the capability to override file permissions is a read-only folder read-only)
        Path regions = out.resolve("regions");
        Files.setPosixFilePermissions(regions, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path logs = Files.createDirectories(tmp.resolve("logs"));
            List<String> withoutOverride = List.of("setpriv", "--inh-caps=-all",
                    "--bounding-set=-dac_override,-dac_read_search");
            CliProcess p = CliProcess.start(withoutOverride, logs, "1g", "analyze", out.toString(), "--no-charts");
            assertEquals(2, p.waitFor(3), p.stderr());
            assertEquals("initsweep: " + regions + " cannot be written (permission denied): analyze replaces it;"
                    + " sql reads the directory without writing",
                    p.stderr().strip());
            assertTrue(Files.exists(out.resolve(".analyzed")), "the analysis stamp kept");
        } finally {
            Files.setPosixFilePermissions(regions, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
