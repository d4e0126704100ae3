package org.initsweep.core.data;

import java.util.List;

/**
 * What a reader returns: the data and the provenance of every file read for them.
 *
 * @param data  the examples
 * @param files one entry per file read, in reading order
 */
public record ReadResult(LabeledData data, List<DataFile> files) {

    /** Copies the list. */
    public ReadResult {
        files = List.copyOf(files);
    }
}
