package org.initsweep.core.data;

import java.io.IOException;
import java.io.InputStream;

/** Opens a fresh stream over one file's bytes each time it is called; the caller closes it. */
@FunctionalInterface
public interface StreamSource {

    /**
     * @return the bytes from the start
     * @throws java.io.FileNotFoundException or {@link java.nio.file.NoSuchFileException} when the file is missing
     * @throws IOException when it cannot be opened
     */
    InputStream open() throws IOException;
}
