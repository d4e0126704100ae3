package org.initsweep.spark.fs;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Hadoop paths of the local file system as {@code java.nio} paths, for what NIO does better (links, access). */
public final class LocalPaths {

    private LocalPaths() {
    }

    /** Whether the file system is the local one ({@code file:}). */
    public static boolean isLocal(FileSystem fs) {
        return "file".equals(fs.getUri().getScheme());
    }

    /**
     * The NIO path of a path of the local file system: the decoded one, since {@code Path.of(URI)} refuses
     * the raw non-ASCII letters of Hadoop's URI ("Bad escape").
     */
    public static java.nio.file.Path of(FileSystem fs, Path p) {
        return java.nio.file.Path.of(fs.makeQualified(p).toUri().getPath());
    }
}
