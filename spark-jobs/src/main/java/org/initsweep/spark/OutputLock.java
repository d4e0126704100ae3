package org.initsweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer per output directory: a lock file created atomically ({@link FileSystem#createNewFile})
 * holding the writer's host, pid and start time. A lock left by a dead process on this host is
 * taken over; any other is refused with a message that names its owner.
 */
public final class OutputLock implements AutoCloseable {

    static final String FILE = ".initsweep.lock";

    private final FileSystem fs;
    private final Path file;

    private OutputLock(FileSystem fs, Path file) {
        this.fs = fs;
        this.file = file;
    }

    /**
     * @throws OutputExistsException if a live writer holds the directory
     */
    public static OutputLock acquire(FileSystem fs, Path dir) throws IOException, OutputExistsException {
        fs.mkdirs(dir);
        Path file = new Path(dir, FILE);
        String me = host() + " " + ProcessHandle.current().pid() + " " + Instant.now();
        for (int attempt = 0; attempt < 2; attempt++) {
            if (fs.createNewFile(file)) {
                try (OutputStream os = fs.create(file, true)) {
                    os.write(me.getBytes(StandardCharsets.UTF_8));
                }
                return new OutputLock(fs, file);
            }
            String owner = read(fs, file);
            String[] parts = owner.split(" ");
            boolean deadHere = parts.length >= 2 && parts[0].equals(host()) && !alive(parts[1]);
            if (!deadHere) {
                throw new OutputExistsException(dir + " is being written by another initsweep run (" + owner.strip()
                        + "); wait for it, or delete " + file + " if that process is gone", true);
            }
            fs.delete(file, false);
        }
        throw new OutputExistsException("could not lock " + dir, true);
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.FileNotFoundException e) {
            return "";
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
        fs.delete(file, false);
    }
}
