package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/initsweep}'s stderr filter, around a stand-in for the JVM that says its last words on
 * SIGTERM, with SIGTERM sent to the whole process group (as a supervisor or {@code kill -- -PGID} does):
 * the filter outlives the signal and relays them, and still drops the JVM's incubator-module notice.
 */
class LauncherSignalTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void aSigtermToTheProcessGroupStillRelaysTheLastWords() throws Exception {
        String launcher = Files.readString(ROOT.resolve("bin/initsweep"));
        int from = launcher.indexOf("drop_vector_notice() {");
        String filter = launcher.substring(from, launcher.indexOf("\n}\n", from) + 3);
        String jvm = "( trap 'echo \"initsweep: interrupted.\" >&2; exit 143' TERM;"
                + " echo 'WARNING: Using incubator modules: jdk.incubator.vector' >&2; echo started >&2;"
                + " while :; do sleep 0.05; done )";
        Process p = new ProcessBuilder("setsid", "bash", "-c", filter + jvm + " 2> >(drop_vector_notice >&2)").start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        // relayed, so the filter is past its trap and the notice: the first line it passes on
        assertEquals("started", err.readLine(), "the notice is dropped");
        Process kill = new ProcessBuilder("kill", "-TERM", "--", "-" + p.pid()).start();
        assertEquals(0, kill.waitFor(), "the process group exists");
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        StringBuilder rest = new StringBuilder();
        for (String line; (line = err.readLine()) != null; ) {
            rest.append(line).append('\n');
        }
        assertTrue(rest.toString().contains("initsweep: interrupted."), "the last words were lost: [" + rest + "]");
    }
}
