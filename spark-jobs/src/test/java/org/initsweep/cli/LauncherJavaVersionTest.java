package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/initsweep}'s Java check, against a stand-in {@code java} that reports a version: Spark 4.0
 * runs on 17 and 21, and its Hadoop cannot log in on 23 and later ({@code getSubject is not supported}).
 * The check comes before any build, so nothing else runs.
 */
class LauncherJavaVersionTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource({
        "16, 'initsweep: Java 17 or 21 is needed, found 16 at {java}'",
        "25, 'initsweep: Java 17 or 21 is needed (Spark 4.0 runs on 17 and 21; its Hadoop cannot start on Java 23 "
                + "and later), found 25 at {java}; set JAVA_HOME'",
    })
    void refusesJavaSparkCannotRunOn(int version, String expected) throws Exception {
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("bin/initsweep").toString(), "validate", "conf/tiny.json")
                .directory(ROOT.toFile());
        pb.environment().put("JAVA_HOME", home.toString());
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(1, p.waitFor());
        assertEquals(expected.replace("{java}", java.toString()), err);
    }
}
