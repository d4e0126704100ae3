package org.initsweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.initsweep.spark.fs.LocalPaths;

/**
 * One writer per output directory: a lock file {@value #FILE} holding the writer's host, pid, start
 * time and a random token.
 *
 * <p>The lock never exists half-written: its text is written to a file beside it, which is then
 * published under the lock's name by an operation that fails if the lock exists — a hard link on a
 * local disk, a rename on HDFS (whose rename never replaces a file). A lock that is empty or
 * unparsable (left by older builds killed mid-write), or whose owner is a dead process on this host,
 * is stale and taken over. Taking over is serialised by a takeover marker published the same way: only
 * the starter that published the marker re-reads the lock and, if it is still the same stale text,
 * deletes it; every other starter starts over and finds either the stale lock or the new owner's. So
 * of any number of starters exactly one holds the lock. The one window left is a starter killed while
 * holding the marker: a marker whose owner is dead on this host is removed like a stale lock.
 *
 * <p>On object stores (s3a) rename is a copy and the lock is advisory only (docs/cluster.md).
 */
public final class OutputLock implements AutoCloseable {

    static final String FILE = ".initsweep.lock";
    static final String TAKEOVER = ".initsweep.lock.takeover";

    private final FileSystem fs;
    private final Path file;
    private final String owner;
    private final Runnable atExit;

    private OutputLock(FileSystem fs, Path file, String owner) {
        this.fs = fs;
        this.file = file;
        this.owner = owner;
        // An interrupted writer (Ctrl-C, a scheduler's SIGTERM) leaves through the shutdown hooks, not
        // through close(), and a lock it left would hold off a resume from any other host (only a dead
        // process on this host counts as stale). Hadoop runs this after Spark's hooks have stopped the
        // jobs and before it closes the file systems. Only kill -9 or a lost host leaves the lock.
        this.atExit = this::releaseAtExit;
        ShutdownHookManager.get().addShutdownHook(atExit, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
    }

    private void releaseAtExit() {
        try {
            if (owner.equals(read(fs, file))) {
                delete();
            }
        } catch (IOException | RuntimeException e) {
            // the JVM is exiting either way; a lock left behind names its owner for the next writer
        }
    }

    /**
     * @throws OutputExistsException if a live writer holds the directory
     * @throws IOException           if the directory cannot be written
     */
    public static OutputLock acquire(FileSystem fs, Path dir) throws IOException, OutputExistsException {
        fs.mkdirs(dir);
        Path file = new Path(dir, FILE);
        Path marker = new Path(dir, TAKEOVER);
        String me = host() + " " + ProcessHandle.current().pid() + " " + Instant.now() + " " + UUID.randomUUID();
        // Every turn either publishes, refuses, or removes one stale file that was there: bounded by the
        // number of starters racing, not by time.
        for (int attempt = 0; attempt < 64; attempt++) {
            if (publish(fs, dir, file, me)) {
                return new OutputLock(fs, file, me);
            }
            String owner = read(fs, file);
            if (owner == null) {
                continue; // released between our publish and read
            }
            if (!stale(owner)) {
                throw new OutputExistsException(PathText.of(dir) + " is being written by another initsweep run ("
                        + describe(owner) + "); wait for it, or delete " + PathText.of(file) + " if that process is gone",
                        true);
            }
            if (publish(fs, dir, marker, me)) {
                try {
                    if (owner.equals(read(fs, file))) {
                        fs.delete(file, false);
                    }
                } finally {
                    fs.delete(marker, false);
                }
            } else {
                String markerOwner = read(fs, marker);
                if (markerOwner != null && stale(markerOwner)) {
                    fs.delete(marker, false);
                } else {
                    Thread.onSpinWait();
                }
            }
        }
        throw new OutputExistsException("could not lock " + PathText.of(dir) + ": other initsweep runs keep taking it over", true);
    }

    /**
     * Whether a live initsweep process holds the lock of {@code dir} (a sweep or an analysis is writing it).
     *
     * @throws IOException if the file system cannot be read
     */
    public static boolean held(FileSystem fs, Path dir) throws IOException {
        Path lock = new Path(dir, FILE);
        if (!fs.exists(lock)) {
            return false;
        }
        try {
            return !stale(read(fs, lock));
        } catch (java.io.FileNotFoundException e) {
            return false; // released while we looked
        }
    }

    /** Whether the lock text names no live process: empty, unparsable, or a dead process on this host. */
    static boolean stale(String owner) {
        String[] parts = owner.strip().split(" ");
        if (parts.length < 3) {
            return true;
        }
        long pid;
        try {
            pid = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return true;
        }
        return parts[0].equals(host()) && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String describe(String owner) {
        String[] parts = owner.strip().split(" ");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : owner.strip();
    }

    /**
     * Writes {@code text} beside {@code target} and publishes it under {@code target}'s name unless
     * that exists. Returns whether this call published it.
     */
    private static boolean publish(FileSystem fs, Path dir, Path target, String text) throws IOException {
        Path tmp = new Path(dir, "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        if (LocalPaths.isLocal(fs)) {
            java.nio.file.Path t = LocalPaths.of(fs, tmp);
            Files.write(t, text.getBytes(StandardCharsets.UTF_8));
            try {
                Files.createLink(LocalPaths.of(fs, target), t);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(t);
            }
        }
        try (OutputStream os = fs.create(tmp, false)) {
            os.write(text.getBytes(StandardCharsets.UTF_8));
        }
        boolean moved = false;
        try {
            moved = fs.rename(tmp, target);
            return moved;
        } finally {
            if (!moved) {
                fs.delete(tmp, false);
            }
        }
    }


    /** The file's text, or null if it does not exist. */
    private static String read(FileSystem fs, Path file) throws IOException {
        if (LocalPaths.isLocal(fs)) {
            try {
                return Files.readString(LocalPaths.of(fs, file), StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                return null;
            } catch (java.nio.charset.MalformedInputException e) {
                return "";
            }
        }
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.FileNotFoundException e) {
            return null;
        } catch (java.io.EOFException | org.apache.hadoop.fs.ChecksumException e) {
            return ""; // a torn lock of an older build: stale
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            ShutdownHookManager.get().removeShutdownHook(atExit);
        } catch (IllegalStateException shuttingDown) {
            // closed by the main thread while the hooks run: either one deletes the lock
        }
        delete();
    }

    private void delete() throws IOException {
        fs.delete(file, false);
        if (LocalPaths.isLocal(fs)) {
            // an old build's checksum beside the lock would make the next reader doubt a good lock
            Files.deleteIfExists(LocalPaths.of(fs, new Path(file.getParent(), "." + FILE + ".crc")));
        }
    }
}
