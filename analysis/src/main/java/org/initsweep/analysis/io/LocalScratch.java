package org.initsweep.analysis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A folder on the driver's local disk (under {@code java.io.tmpdir}) for charts drawn before they are
 * published, removed with what it holds when it is closed — after the publishing, or on a failure — and by a
 * shutdown hook when the JVM ends with it open (an interrupt: Ctrl-C, SIGTERM). Only a SIGKILL leaves one.
 */
public final class LocalScratch implements AutoCloseable {

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(LocalScratch::deleteTree),
                "initsweep-scratch-cleanup"));
    }

    private final Path dir;

    private LocalScratch(Path dir) {
        this.dir = dir;
    }

    /**
     * A new, empty folder named {@code prefix} and a random suffix.
     *
     * @throws IOException if it cannot be made
     */
    public static LocalScratch create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        OPEN.add(dir);
        return new LocalScratch(dir);
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** Removes the folder and everything in it; what cannot be removed is left (a best effort, as at exit). */
    @Override
    public void close() {
        deleteTree(dir);
        OPEN.remove(dir);
    }

    /** Whether the folder is still to be removed at exit (for tests). */
    static boolean isOpen(Path dir) {
        return OPEN.contains(dir);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the system's temporary-file cleaning
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // a file removed meanwhile, or an unreadable folder: nothing more to do
        }
    }
}
