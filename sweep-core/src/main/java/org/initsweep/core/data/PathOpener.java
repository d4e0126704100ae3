package org.initsweep.core.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the files a dataset names. sweep-core reads local paths ({@link #local()}); the Spark job
 * implements this with Hadoop's FileSystem, so a path may also be {@code hdfs://…}, {@code s3a://…} or
 * any other file system Hadoop is configured for.
 */
public interface PathOpener {

    /** Why a path that is no regular file (a FIFO, device or socket) is refused: reading a FIFO would wait forever. */
    String NOT_REGULAR_FILE = "is not a regular file (a FIFO, device or socket); give a file";


    /**
     * @param path a path as the user wrote it
     * @return its bytes from the start; the caller closes the stream
     * @throws java.io.FileNotFoundException or {@link java.nio.file.NoSuchFileException} when it does not exist
     * @throws IOException when it cannot be opened (a directory, no permission, …)
     */
    InputStream open(String path) throws IOException;

    /**
     * @param path a path as the user wrote it
     * @return its length in bytes
     * @throws java.io.FileNotFoundException or {@link java.nio.file.NoSuchFileException} when it does not exist
     * @throws IOException when it cannot be examined
     */
    long size(String path) throws IOException;

    /** Local files: plain paths (relative to the working directory) and {@code file:} URIs. */
    static PathOpener local() {
        return LocalPathOpener.INSTANCE;
    }
}
