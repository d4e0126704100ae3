package org.initsweep.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Small text files a user may edit by hand, such as a sweep's {@code spec.json}. */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * The whole file as UTF-8. On a checksummed file system (the local one) the bytes are read past
     * Hadoop's checksum file ({@code .name.crc}), which an edit by hand leaves stale: the text is parsed
     * and validated by its reader anyway, and the stale checksum would otherwise fail the read of a file
     * the user meant to change.
     *
     * @throws IOException if the file cannot be read
     */
    public static String read(FileSystem fs, Path file) throws IOException {
        FileSystem raw = fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
        try (InputStream in = raw.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
