package org.initsweep.cli;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.initsweep.core.Quantities;

/**
 * Says that the output's device is full, from the operating system's ENOSPC or EDQUOT (or HDFS's space
 * quota) anywhere in a failure: a Spark task's write, or Hadoop's {@code FSError} on the driver.
 * Nothing is lost: chunks and analysis outputs appear whole or not at all, so the same command carries
 * on once space is freed.
 */
final class DiskFull {

    private static final String FREE = "free some space";

    /** What the operating system (ENOSPC, EDQUOT, EFBIG) and HDFS say, how this class says it, and what to do. */
    private static final String[][] SIGNS = {{"No space left on device", "no space left on ", FREE},
        {"Disk quota exceeded", "disk quota exceeded on ", FREE},
        {"DiskSpace quota", "disk space quota exceeded on ", FREE},
        {"File too large", "a file grew past the largest this process may write (ulimit -f) on ",
            "raise that limit"}};

    private DiskFull() {
    }

    /**
     * @param directory the directory the command writes (null if unknown)
     * @return one line naming the device (for a local directory: its file store and free bytes) and the
     *         directory, or empty when the failure is not a full disk
     */
    static Optional<String> describe(Throwable failure, String directory) {
        String[] sign = null;
        for (Throwable t = failure; t != null && sign == null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            for (String[] s : SIGNS) {
                if (m.contains(s[0])) {
                    sign = s;
                    break;
                }
            }
        }
        if (sign == null) {
            return Optional.empty();
        }
        String where = directory == null ? "the output's device" : device(directory);
        return Optional.of(sign[1] + where + ": " + sign[2]
                + ", then run the same command again (it carries on from what was committed)");
    }

    /** "DIR (device tmpfs, 12 KiB free)" for a local directory; "DIR" otherwise. */
    private static String device(String directory) {
        java.net.URI uri = new org.apache.hadoop.fs.Path(directory).toUri();
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return directory;
        }
        Path p = Path.of(uri.getPath()).toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            FileStore store = Files.getFileStore(p);
            return directory + " (device " + store.name() + ", "
                    + Quantities.bytes(store.getUsableSpace()) + " free)";
        } catch (java.io.IOException | RuntimeException e) {
            return directory;
        }
    }
}
