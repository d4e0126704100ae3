package org.initsweep.cli;

import static org.initsweep.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numerical faults and broken output: results, not crashes; clear one-line errors. */
class FaultsTest {

    @Test
    void aSweepWhereEveryRunDivergesStillCompletesAndReports(@TempDir Path tmp) throws Exception {
        // N(0, 1) weights on width 256 overflow float32 by layer ~32 at initialization already.
        Path spec = tmp.resolve("boom.json");
        Files.writeString(spec, """
                {"name": "boom", "depths": [40], "widths": [256], "activations": ["linear", "relu"],
                 "inits": ["standard_normal"], "seeds": [1, 2], "samples": 32, "epochs": 3}
                """);
        Path out = tmp.resolve("out");
        CliTest.Result r = cli("run", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 runs (4 diverged)"), r.out());
        CliTest.Result q = cli("sql", out.toString(), "--csv",
                "SELECT r.status, g.regime, count(*) AS n FROM runs r JOIN regions g USING (activation, depth, width) "
                        + "GROUP BY r.status, g.regime");
        assertEquals(List.of("status,regime,n", "diverged,exploding,4"), q.out().lines().toList());
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertTrue(charts.anyMatch(p -> p.getFileName().toString().startsWith("regime_linear")));
        }
    }

    @Test
    void aBrokenParquetFileIsNamedInOneLine(@TempDir Path tmp) throws Exception {
        Path out = CliTest.tinySweep(tmp.resolve("tiny"));
        Path victim;
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            victim = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(victim);
        Files.write(victim, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.deleteIfExists(victim.resolveSibling("." + victim.getFileName() + ".crc"));
        CliTest.Result r = cli("sql", out.toString(), "SELECT count(*) FROM runs");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(victim.getFileName().toString()), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }
}
