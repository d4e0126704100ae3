package org.initsweep.core.data;

import java.io.Serializable;

/**
 * Provenance of one input of a dataset: what was read, from where, and a digest of its bytes, so a
 * sweep can record what it trained on and a resume can refuse changed data.
 *
 * @param role   the spec field that named it ({@code images}, {@code labels}, {@code test_images},
 *               {@code test_labels}, {@code path}, {@code test_path}) or {@code builtin} for a dataset shipped
 *               in the jar
 * @param path   the path as the user wrote it (or the resolved path of a data-directory file)
 * @param bytes  bytes read from storage (compressed size for a gzip file)
 * @param sha256 SHA-256 of those bytes, 64 lowercase hex digits; for a directory of Parquet files, the
 *               SHA-256 of its listing (see the Spark job's Parquet reader)
 */
public record DataFile(String role, String path, long bytes, String sha256) implements Serializable {

    private static final long serialVersionUID = 1L;
}
