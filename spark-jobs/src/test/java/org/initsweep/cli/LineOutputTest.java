package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Standard output reaches the file one whole line per write, so that stderr's lines fall between lines only. */
class LineOutputTest {

    /** Records what each write call to the file descriptor would carry. */
    private static final class Writes extends OutputStream {
        final List<String> calls = new ArrayList<>();

        @Override
        public void write(int b) {
            calls.add(String.valueOf((char) b));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            calls.add(new String(b, off, len, StandardCharsets.UTF_8));
        }
    }

    private static void summary(PrintStream out) {
        out.printf(Locale.ROOT, "initsweep: %s (%d diverged) in %.1f s%n", "540 runs", 70, 59.553);
    }

    @Test
    void aFormattedLineIsOneWrite() {
        Writes fd = new Writes();
        PrintStream out = LineOutput.over(fd, StandardCharsets.UTF_8);
        summary(out);
        assertEquals(List.of("initsweep: 540 runs (70 diverged) in 59.6 s" + System.lineSeparator()), fd.calls);
        out.println("σ_b² = 0.05");
        out.print("a\nb");
        assertEquals(List.of("σ_b² = 0.05" + System.lineSeparator(), "a\n"), fd.calls.subList(1, fd.calls.size()));
        out.flush();
        assertEquals("b", fd.calls.get(fd.calls.size() - 1), "a line not yet ended goes out on flush");
    }

    @Test
    void theJvmsOwnStdoutWritesTheSameLineInPieces() {
        // System.out as the JVM makes it: autoflush over a 128-byte buffer, flushed at every piece printf writes
        Writes fd = new Writes();
        summary(new PrintStream(new BufferedOutputStream(fd, 128), true, StandardCharsets.UTF_8));
        assertTrue(fd.calls.size() > 1, fd.calls.toString());
        assertEquals("initsweep: 540 runs (70 diverged) in 59.6 s" + System.lineSeparator(), String.join("", fd.calls));
    }
}
