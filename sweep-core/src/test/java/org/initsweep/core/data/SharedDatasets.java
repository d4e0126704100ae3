package org.initsweep.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * The read-only real datasets tests may use ({@code shared/datasets/} beside the project, README there):
 * found by walking up from the working directory, so it works from the project root, a module and a
 * git worktree alike.
 */
public final class SharedDatasets {

    private SharedDatasets() {
    }

    public static final String TRAIN_IMAGES = "mnist10k-train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "mnist10k-train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "mnist10k-test-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "mnist10k-test-labels-idx1-ubyte.gz";
    public static final String DIGITS = "optdigits-8x8.csv.gz";

    /** The folder. */
    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isRegularFile(candidate.resolve(TRAIN_IMAGES))) {
                return candidate;
            }
        }
        throw new AssertionError("shared/datasets/ not found above " + Path.of("").toAbsolutePath());
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] gunzip(Path gz) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
