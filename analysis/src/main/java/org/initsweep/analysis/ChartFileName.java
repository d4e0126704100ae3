package org.initsweep.analysis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A chart's PNG file name from its descriptive stem, short enough for every file system: a stem of at most
 * {@value #MAX_STEM} bytes is kept; a longer one (a width profile of many layers, a long dataset name) keeps its
 * first {@value #KEPT} bytes and ends in 12 hexadecimal digits of its SHA-256, so that two long stems still name
 * two files. Names are 255 bytes at most on ext4, XFS and HDFS; Hadoop's local file system writes a checksum
 * file {@code .NAME.png.crc} beside each, 9 bytes longer.
 */
public final class ChartFileName {

    /** The longest stem kept whole, in bytes (stems are ASCII: {@link ChartGroup#sanitize}). */
    static final int MAX_STEM = 200;
    private static final int KEPT = MAX_STEM - 13;

    private ChartFileName() {
    }

    /**
     * The PNG of {@code stem} in {@code dir}.
     *
     * @param dir  the folder
     * @param stem the name without {@code .png}
     * @return {@code dir/stem.png}, the stem shortened as the class comment says
     */
    public static Path png(Path dir, String stem) {
        return dir.resolve(fit(stem) + ".png");
    }

    /** {@code stem}, or its first {@value #KEPT} bytes, {@code _} and 12 hex digits of its SHA-256. */
    static String fit(String stem) {
        byte[] bytes = stem.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_STEM) {
            return stem;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format(java.util.Locale.ROOT, "%02x", h[i]));
            }
            return new String(bytes, 0, KEPT, StandardCharsets.US_ASCII) + "_" + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
