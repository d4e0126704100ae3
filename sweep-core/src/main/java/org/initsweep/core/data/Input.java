package org.initsweep.core.data;

/**
 * One file a reader reads: which spec field named it, the path as the user wrote it (for messages and
 * provenance) and how to open it.
 *
 * @param role   spec field, e.g. {@code images} or {@code test_path}; see {@link DataFile#role()}
 * @param path   path as written, named in every error message
 * @param source opens the bytes
 */
public record Input(String role, String path, StreamSource source) {

    /** An input opened through {@code opener}. */
    public static Input of(String role, String path, PathOpener opener) {
        return new Input(role, path, () -> opener.open(path));
    }
}
