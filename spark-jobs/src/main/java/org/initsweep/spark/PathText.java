package org.initsweep.spark;

import org.apache.hadoop.fs.Path;

/** A path as a user wrote it in messages: a local one without Hadoop's {@code file:} scheme, others whole. */
public final class PathText {

    private PathText() {
    }

    /** {@code /tmp/x} for {@code file:/tmp/x}; {@code hdfs://nn/x} as it is. */
    public static String of(Path p) {
        return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
    }
}
