package org.initsweep.cli;

import static org.initsweep.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output directories that cannot hold a sweep are refused in one line, exit 2, before anything is written. */
class OutputPlaceTest {

    @Test
    void anOutInsideASweepOrBelowAFileIsRefusedAndTheSweepStaysReadable(@TempDir Path tmp) throws Exception {
        Path done = tmp.resolve("done");
        assertEquals(0, cli("run", CliTest.tinySpec().toString(), "--out", done.toString(), "--no-analyze").code());
        List<Path> before = listing(done);
        for (String inside : new String[] {"runs", "layers", "layers/activation=tanh/deeper", "new-folder"}) {
            CliTest.Result r = cli("run", CliTest.tinySpec().toString(), "--out", done.resolve(inside).toString(),
                    "--no-analyze");
            assertEquals(2, r.code(), r.err());
            assertEquals(List.of("initsweep: --out " + done.resolve(inside) + " is inside the sweep in " + done
                    + "; give a directory outside it"), r.err().lines().toList());
        }
        assertEquals(before, listing(done), "nothing written into the sweep");
        assertEquals(0, cli("sql", done.toString(), "SELECT count(*) FROM runs").code());

        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        CliTest.Result below = cli("run", CliTest.tinySpec().toString(), "--out", file.resolve("out").toString());
        assertEquals(2, below.code(), below.err());
        assertEquals(List.of("initsweep: --out " + file.resolve("out") + " is below " + file
                + ", which is a file; give a directory"), below.err().lines().toList());
    }

    @Test
    void anOutBesideTheUsersOwnSpecJsonIsNoSweepsInside(@TempDir Path tmp) throws Exception {
        // the natural layout of an experiment: exp/spec.json, results in exp/out
        Path spec = tmp.resolve("exp").resolve("spec.json");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, Files.readString(CliTest.tinySpec()));
        Path out = spec.resolveSibling("out");
        CliTest.Result r = cli("run", spec.toString(), "--out", out.toString(), "--no-analyze");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isDirectory(out.resolve("runs")));
        assertEquals(Files.readString(CliTest.tinySpec()), Files.readString(spec), "the user's spec untouched");
    }

    @Test
    void anOutThatCannotBeCreatedExitsTwo() {
        // Tests may run as root, for whom chmod does not deny: sysfs refuses new folders even to root.
        Path ro = Path.of("/sys/initsweep-out-probe");
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys")) && !Files.exists(ro));
        CliTest.Result r = cli("run", CliTest.tinySpec().toString(), "--out", ro.toString(), "--no-analyze");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("initsweep: --out " + ro + " cannot be"), r.err());
        assertFalse(Files.exists(ro));
    }

    @Test
    void anObjectStoreOutIsRefusedWhenItsCommitWouldBeUnsafeOrItsFileSystemIsMissing() {
        CliTest.Result missing = cli("run", CliTest.tinySpec().toString(), "--out", "s3a://bucket/sweeps/tiny");
        assertEquals(2, missing.code(), missing.err());
        assertEquals(List.of("initsweep: --out s3a://bucket/sweeps/tiny: no file system for s3a:// on the classpath"
                + " (s3a needs hadoop-aws and the AWS SDK, docs/cluster.md)"), missing.err().lines().toList());
        System.setProperty("spark.speculation", "true");
        try {
            CliTest.Result speculative = cli("run", CliTest.tinySpec().toString(), "--out", "s3a://bucket/sweeps/tiny");
            assertEquals(2, speculative.code(), speculative.err());
            assertEquals(1, speculative.err().lines().count(), speculative.err());
            assertTrue(speculative.err().contains("spark.speculation=true"), speculative.err());
        } finally {
            System.clearProperty("spark.speculation");
        }
    }

    private static List<Path> listing(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }
}
