package org.initsweep.spark.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.UserInputException;
import org.initsweep.core.data.PathOpener;

/**
 * Opens dataset paths through Hadoop's FileSystem with the session's Hadoop configuration: a plain path
 * (relative to the working directory) or any URI Hadoop has a file system for ({@code file:},
 * {@code hdfs://}, {@code s3a://}, …). A missing path throws {@link java.io.FileNotFoundException}, as
 * {@link PathOpener} asks; a directory is refused.
 */
public final class HadoopPathOpener implements PathOpener {

    private final Configuration conf;

    /** @param conf Hadoop configuration (credentials, file system implementations) */
    public HadoopPathOpener(Configuration conf) {
        this.conf = conf;
    }

    /** An opener with the session's Hadoop configuration. */
    public static HadoopPathOpener of(SparkSession spark) {
        return new HadoopPathOpener(spark.sparkContext().hadoopConfiguration());
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path p = path(path);
        FileSystem fs = p.getFileSystem(conf);
        FileStatus status = status(fs, p, path);
        if (status.isDirectory()) {
            throw new FileSystemException(path, null, "is a directory, not a file");
        }
        if (org.initsweep.spark.fs.LocalPaths.isLocal(fs)) {
            // read by NIO: Hadoop's checksum file system cannot name the .crc of a file with a ':' in its name
            java.nio.file.Path local = org.initsweep.spark.fs.LocalPaths.of(fs, p);
            if (!java.nio.file.Files.isRegularFile(local)) {
                throw new FileSystemException(path, null, NOT_REGULAR_FILE);
            }
            return java.nio.file.Files.newInputStream(local);
        }
        return fs.open(p);
    }

    @Override
    public long size(String path) throws IOException {
        Path p = path(path);
        return status(p.getFileSystem(conf), p, path).getLen();
    }

    /** Its status; a path of another host than the file system's ({@code file://elsewhere/…}) said as such. */
    private static FileStatus status(FileSystem fs, Path p, String path) throws IOException {
        try {
            return fs.getFileStatus(p);
        } catch (IllegalArgumentException e) { // Hadoop's "Wrong FS: file://localhost/…, expected: file:///"
            throw new UserInputException(path + ": not a path of file system " + fs.getUri() + " ("
                    + org.initsweep.core.MessageLines.firstLine(e.getMessage()) + ")", e);
        }
    }

    static Path path(String path) {
        try {
            return new Path(path);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(path + ": not a valid path or URI (" + e.getMessage() + ")", e);
        }
    }
}
