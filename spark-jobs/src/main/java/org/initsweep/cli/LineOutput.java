package org.initsweep.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard output written a whole line at a time. The JVM's {@code System.out} flushes every piece a
 * {@code printf} formats (its {@code PrintStream} flushes on each write), so a line printed while Spark logs
 * to stderr reached a shared file in fragments, a log line in the middle ({@code bin/initsweep run … > log
 * 2>&1}: "540 runs (70 diverged) in 09:00:18 INFO SweepJob: …"). Here bytes wait until a line ends, and the
 * line goes out in one write.
 */
final class LineOutput extends BufferedOutputStream {

    private LineOutput(OutputStream out) {
        super(out, 1 << 14);
    }

    /** A print stream over the process's standard output, in the encoding {@code System.out} uses. */
    static PrintStream stdout() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        Charset charset;
        try {
            charset = name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            charset = Charset.defaultCharset();
        }
        return over(new FileOutputStream(FileDescriptor.out), charset);
    }

    /** A print stream that writes to {@code out} once per completed line (and on flush). */
    static PrintStream over(OutputStream out, Charset charset) {
        return new PrintStream(new LineOutput(out), false, charset);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        super.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int lastNewline = -1;
        for (int i = off + len - 1; i >= off; i--) {
            if (b[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            super.write(b, off, len);
            return;
        }
        // up to the line's end in one write, the rest kept for the next line
        super.write(b, off, lastNewline + 1 - off);
        flush();
        super.write(b, lastNewline + 1, off + len - lastNewline - 1);
    }
}
