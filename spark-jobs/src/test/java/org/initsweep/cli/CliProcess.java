package org.initsweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in a JVM of its own, as {@code bin/initsweep} starts it: for what only a process shows (its
 * exit code when Spark would exit the JVM, its shutdown hook on SIGTERM).
 */
final class CliProcess {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Process process;
    private final Path stderr;

    private CliProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    /** Starts {@code initsweep args…} with the given heap; stdout and stderr go to files in {@code dir}. */
    static CliProcess start(Path dir, String xmx, String... args) throws java.io.IOException {
        return start(List.of(), dir, xmx, args);
    }

    /** As {@link #start(Path, String, String...)}, the JVM started by {@code prefix} ({@code setpriv …}). */
    static CliProcess start(List<String> prefix, Path dir, String xmx, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + ROOT.resolve("bin/jvm.options"), "-Xmx" + xmx,
                "-cp", System.getProperty("java.class.path"), "org.initsweep.cli.Main"));
        command.addAll(List.of(args));
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return new CliProcess(pb.start(), err);
    }

    Process process() {
        return process;
    }

    /** Waits for the exit (at most {@code minutes}) and returns its code; kills the process on timeout. */
    int waitFor(int minutes) throws InterruptedException, java.io.IOException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the CLI did not finish within " + minutes + " min: " + stderr());
        }
        return process.exitValue();
    }

    /** Its stderr without the JVM's notice about the incubating Vector API (bin/initsweep drops it too). */
    String stderr() throws java.io.IOException {
        return Files.readString(stderr).lines().filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
