package org.initsweep.spark.fs;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * Hadoop's checksummed local file system ({@code file:}) over {@link NioRawLocalFileSystem}: the same
 * files, {@code .crc} checksums and permissions, set through {@code java.nio} rather than a
 * {@code chmod} process.
 *
 * <p>Without Hadoop's native library (not shipped with Spark's jars) every file the local file
 * system creates and every directory it makes starts {@code chmod} — for a file, once more for its
 * checksum. A sweep's chunk writes a few dozen (Parquet parts, checksums, the committer's
 * {@code _temporary} folders, {@code _SUCCESS}, manifests), each ≈ 10 ms of process start-up on a
 * 2-core machine: ≈ 0.45 s a chunk, a fifth of a 520-run local sweep. {@link
 * org.initsweep.spark.SparkSessions} installs this class as {@code fs.file.impl} in local mode
 * unless the user sets another.
 */
public class NioLocalFileSystem extends LocalFileSystem {

    /** Called by Hadoop's {@code FileSystem} factory ({@code fs.file.impl}). */
    public NioLocalFileSystem() {
        super(new NioRawLocalFileSystem());
    }
}
