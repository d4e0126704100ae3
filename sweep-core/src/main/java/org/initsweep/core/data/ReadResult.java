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

    /** The files of a training read, then of its test read: a dataset's provenance. */
    static List<DataFile> concat(ReadResult train, ReadResult test) {
        List<DataFile> all = new java.util.ArrayList<>(train.files());
        all.addAll(test.files());
        return all;
    }
}
