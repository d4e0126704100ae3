package org.initsweep.core.data;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A dataset read for a sweep, with what it was read from.
 *
 * @param name  the dataset's name in the spec ({@code digits}, {@code mnist}, or the user's name)
 * @param train the training examples, as read (not yet split, subset or preprocessed)
 * @param test  the test examples of a dataset with its own test files, with the classes of
 *              {@code train}; null when the dataset has none (the caller splits by {@code test_fraction})
 * @param files every file read, in order
 */
public record LoadedDataset(String name, LabeledData train, LabeledData test, List<DataFile> files)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the list. */
    public LoadedDataset {
        Objects.requireNonNull(train, "train");
        files = List.copyOf(files);
    }

    /** Whether the dataset came with its own test examples. */
    public boolean hasTest() {
        return test != null;
    }

    /** Bytes of train and test in memory. */
    public long bytes() {
        return train.bytes() + (test == null ? 0 : test.bytes());
    }

    /**
     * One digest for the whole dataset: SHA-256 of the UTF-8 lines {@code role + " " + sha256 + "\n"} of
     * {@link #files()} in order. It changes when any file's bytes change, not when a file moves.
     */
    public String sha256() {
        MessageDigest d = HashedInput.sha256();
        for (DataFile f : files) {
            d.update((f.role() + " " + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
