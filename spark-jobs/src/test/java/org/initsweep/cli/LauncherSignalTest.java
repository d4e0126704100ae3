package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/initsweep}'s stderr filter, around a stand-in for the JVM that says its last words on
 * SIGTERM, with SIGTERM sent to the whole process group (as a supervisor or {@code kill -- -PGID} does):
 * the filter outlives the signal and relays them, and still drops the JVM's incubator-module notice.
 *
 * <p>The group's stderr goes to a file, read once no process of the group is left: the filter is a
 * grandchild that may write after the shell has exited, and a {@link Process}'s stderr pipe keeps only
 * what had arrived when the shell exited.
 */
class LauncherSignalTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void aSigtermToTheProcessGroupStillRelaysTheLastWords(@TempDir Path dir) throws Exception {
        String launcher = Files.readString(ROOT.resolve("bin/initsweep"));
        int from = launcher.indexOf("drop_vector_notice() {");
        String filter = launcher.substring(from, launcher.indexOf("\n}\n", from) + 3);
        String jvm = "( trap 'echo \"initsweep: interrupted.\" >&2; exit 143' TERM;"
                + " echo 'WARNING: Using incubator modules: jdk.incubator.vector' >&2; echo started >&2;"
                + " while :; do sleep 0.05; done )";
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder("setsid", "bash", "-c", filter + jvm + " 2> >(drop_vector_notice >&2)")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        long group = p.pid();
        // relayed, so the filter is past its trap and the notice: the first line it passes on
        awaitOrFail(() -> read(stderr).contains("started\n"), "the stand-in started");
        assertEquals("started\n", read(stderr), "the notice is dropped");
        assertEquals(0, signal("-TERM", group), "the process group exists");
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the shell ends on SIGTERM");
        awaitOrFail(() -> signal("-0", group) != 0, "every process of the group ends");
        String rest = read(stderr).substring("started\n".length());
        assertTrue(rest.contains("initsweep: interrupted."), "the last words were lost: [" + rest + "]");
    }

    private static int signal(String signal, long group) {
        try {
            return new ProcessBuilder("kill", signal, "--", "-" + group)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new AssertionError("kill could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static void awaitOrFail(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(20);
        }
    }
}
