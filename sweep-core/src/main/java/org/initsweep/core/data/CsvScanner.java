package org.initsweep.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits comma-separated bytes into fields as RFC 4180 defines them: records end at LF, CRLF or a lone
 * CR; a field in double quotes may hold commas, line breaks and doubled quotes ({@code ""} for one
 * {@code "}). Also accepted: a UTF-8 byte-order mark at the start, a last record without a line break,
 * and blank lines between records (skipped). Works on bytes: the field separators are ASCII, so UTF-8
 * text passes through intact and numbers are parsed without decoding.
 *
 * <p>After {@link #readField()} the field's bytes are {@code field[0, length)}.
 */
final class CsvScanner {

    /** A field longer than this is refused: most likely a quote that is never closed. */
    static final int MAX_FIELD = 1 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;

    byte[] field = new byte[64];
    int length;
    /** Whether the last field was quoted. */
    boolean quoted;

    /** Line of the next byte, 1-based. */
    private long line = 1;
    /** Line on which the current record started. */
    long recordLine = 1;

    CsvScanner(InputStream in) throws IOException {
        this.in = in;
        fill();
        if (lim - pos >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    /** Thrown for a malformed quoted field; the caller adds the file name. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;

        Malformed(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int r = in.read(buf, 0, buf.length);
        while (r == 0) {
            r = in.read(buf, 0, buf.length);
        }
        if (r < 0) {
            eof = true;
            pos = lim = 0;
            return false;
        }
        pos = 0;
        lim = r;
        return true;
    }

    /** -1 at the end of input. */
    private int peek() throws IOException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos] & 0xFF;
    }

    /**
     * Skips blank lines; at the start of a record, says whether the input is exhausted.
     * Call before the first field of every record.
     */
    boolean atEnd() throws IOException {
        while (true) {
            int c = peek();
            if (c == '\n') {
                pos++;
                line++;
            } else if (c == '\r') {
                pos++;
                if (peek() == '\n') {
                    pos++;
                }
                line++;
            } else {
                recordLine = line;
                return c < 0;
            }
        }
    }

    /**
     * Reads one field.
     *
     * @return true if it was the last of its record (a line break or the end of input followed it)
     */
    boolean readField() throws IOException, Malformed {
        length = 0;
        quoted = false;
        int c = peek();
        if (c == '"') {
            quoted = true;
            long startLine = line;
            pos++;
            while (true) {
                c = peek();
                if (c < 0) {
                    throw new Malformed(startLine, "a quoted field is never closed");
                }
                pos++;
                if (c == '"') {
                    if (peek() == '"') {
                        pos++;
                        append('"', startLine);
                        continue;
                    }
                    break;
                }
                if (c == '\n' || (c == '\r' && peek() != '\n')) {
                    line++;
                }
                append(c, startLine);
            }
            c = peek();
            if (c == ',') {
                pos++;
                return false;
            }
            if (c < 0 || c == '\n' || c == '\r') {
                endRecord(c);
                return true;
            }
            throw new Malformed(line, "a character follows the closing quote of a field (a quote inside a quoted"
                    + " field is written \"\")");
        }
        while (true) {
            // Fast scan of the buffer up to the next separator.
            int p = pos;
            while (p < lim) {
                byte b = buf[p];
                if (b == ',' || b == '\n' || b == '\r') {
                    break;
                }
                p++;
            }
            appendRange(pos, p);
            pos = p;
            if (p < lim) {
                byte b = buf[p];
                if (b == ',') {
                    pos++;
                    return false;
                }
                endRecord(b);
                return true;
            }
            if (!fill()) {
                return true;
            }
        }
    }

    private void endRecord(int c) throws IOException {
        if (c == '\n') {
            pos++;
            line++;
        } else if (c == '\r') {
            pos++;
            if (peek() == '\n') {
                pos++;
            }
            line++;
        }
    }

    private void append(int c, long startLine) throws Malformed {
        if (length == field.length) {
            grow(length + 1, startLine);
        }
        field[length++] = (byte) c;
    }

    private void appendRange(int from, int to) throws Malformed {
        int n = to - from;
        if (n == 0) {
            return;
        }
        if (length + n > field.length) {
            grow(length + n, recordLine);
        }
        System.arraycopy(buf, from, field, length, n);
        length += n;
    }

    private void grow(int needed, long startLine) throws Malformed {
        if (needed > MAX_FIELD) {
            throw new Malformed(startLine, "a field longer than " + MAX_FIELD + " bytes (a quote never closed?)");
        }
        field = Arrays.copyOf(field, Math.min(MAX_FIELD, Math.max(needed, 2 * field.length)));
    }

    /** The current field as text (UTF-8). */
    String text() {
        return new String(field, 0, length, StandardCharsets.UTF_8);
    }
}
