package org.initsweep.core.data;

import java.util.regex.Pattern;

/**
 * A file a dataset downloads, with its published checksums.
 *
 * @param name   file name on the mirrors and in the cache, e.g. {@code train-images-idx3-ubyte.gz}
 * @param bytes  published length, or −1 if none is published
 * @param sha256 published SHA-256, 64 lowercase hex digits
 * @param md5    published MD5, 32 lowercase hex digits, or null if none is published
 */
public record RemoteFile(String name, long bytes, String sha256, String md5) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    /** @throws IllegalArgumentException if a checksum is malformed or the name is not a plain file name */
    public RemoteFile {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        if (md5 != null && !MD5.matcher(md5).matches()) {
            throw new IllegalArgumentException("not an MD5: " + md5);
        }
    }

    /** The name without a {@code .gz} suffix: how the file is called once gunzipped. */
    public String plainName() {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
