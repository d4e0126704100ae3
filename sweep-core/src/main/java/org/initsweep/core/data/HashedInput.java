package org.initsweep.core.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * A file opened for reading with its SHA-256 and length computed over the bytes as stored, and gzip
 * detected by its magic bytes (1f 8b) and undone. {@link #finish()} reads whatever the parser left
 * (a gzip trailer, trailing bytes), so the digest always covers the whole file.
 */
final class HashedInput implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final Digesting raw;
    /** The content: the file itself, or its gunzipped bytes. */
    final InputStream data;
    /** Whether the file is gzip-compressed. */
    final boolean gzip;

    private HashedInput(Digesting raw, InputStream data, boolean gzip) {
        this.raw = raw;
        this.data = data;
        this.gzip = gzip;
    }

    /** Opens the file; a gzip file is detected by its first two bytes. */
    static HashedInput open(StreamSource source) throws IOException {
        Digesting raw = new Digesting(source.open());
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new HashedInput(raw, new Gunzip(buffered), true);
            }
            return new HashedInput(raw, buffered, false);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** " of the gunzipped data" for a gzip file, else "": said after a byte offset. */
    String offsetSuffix() {
        return gzip ? " of the gunzipped data" : "";
    }

    /**
     * Stored bytes behind the content read so far: exact for a plain file's position given by the
     * caller, the compressed bytes inflated so far for a gzip file (for size estimates).
     */
    long storedBytesFor(long contentBytes) {
        return gzip ? ((Gunzip) data).compressedRead() : contentBytes;
    }

    /** Exposes how much compressed input the inflater has consumed. */
    private static final class Gunzip extends GZIPInputStream {
        Gunzip(InputStream in) throws IOException {
            super(in, BUFFER);
        }

        long compressedRead() {
            return inf.getBytesRead();
        }
    }

    /** Reads the rest of the stored file and returns its provenance. */
    DataFile finish(String role, String path) throws IOException {
        raw.transferTo(OutputStream.nullOutputStream());
        return new DataFile(role, path, raw.count, HexFormat.of().formatHex(raw.digest.digest()));
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    /** Counts and digests every byte read through it. */
    private static final class Digesting extends FilterInputStream {
        final MessageDigest digest = sha256();
        long count;

        Digesting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Every byte must pass through the digest, so skipping reads.
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            long done = 0;
            while (done < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
