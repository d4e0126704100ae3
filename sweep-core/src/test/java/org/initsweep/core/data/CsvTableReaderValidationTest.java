package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.initsweep.core.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed CSV tables: one line naming the file, line and column. */
class CsvTableReaderValidationTest {

    private static String error(String csv) {
        return error(csv, "label", MemoryBudget.UNLIMITED);
    }

    private static String error(String csv, String label, MemoryBudget budget) {
        return assertThrows(UserInputException.class, () -> CsvTableReader.read(
                IdxFiles.input("path", "t.csv", csv.getBytes(StandardCharsets.UTF_8)), label, "mine", budget)).getMessage();
    }

    @Test
    void raggedRows() {
        assertEquals("t.csv: line 3: 2 fields, but the header has 3 (ragged row)", error("a,b,label\n1,2,0\n1,2\n"));
        assertEquals("t.csv: line 2: 4 fields, but the header has 3 (ragged row)", error("a,b,label\n1,2,0,9\n"));
        // a quoted line break keeps counting lines
        assertEquals("t.csv: line 4: 1 field, but the header has 3 (ragged row)", error("\"a\nb\",c,label\n1,2,0\n7\n"));
    }

    @Test
    void badFeatureCells() {
        assertEquals("t.csv: line 2, column 2 (\"b\"): not a number: \"abc\"", error("a,b,label\n1,abc,0\n"));
        assertEquals("t.csv: line 3, column 1 (\"a\"): NaN is not allowed (features must be finite numbers)",
                error("a,b,label\n1,2,0\nNaN,2,1\n"));
        assertEquals("t.csv: line 2, column 2 (\"b\"): -inf is not allowed (features must be finite numbers)",
                error("a,b,label\n1,-inf,0\n"));
        assertEquals("t.csv: line 2, column 1 (\"a\"): empty cell (features must be finite numbers)", error("a,b,label\n,2,0\n"));
        assertEquals("t.csv: line 2, column 2 (\"b\"): 1e39 is beyond the float32 range (±3.4e38)", error("a,b,label\n1,1e39,0\n"));
        assertEquals("t.csv: line 2, column 2 (\"b\"): -1e400 is beyond the float32 range (±3.4e38)",
                error("a,b,label\n1,-1e400,0\n"));
        // past the double's range too: said as written, not as the Infinity it parses to
        assertEquals("t.csv: line 2, column 1 (\"a\"): 1e400 is beyond the float32 range (±3.4e38)",
                error("a,b,label\n1e400,1,0\n"));
    }

    @Test
    void badLabels() {
        assertEquals("t.csv: line 2, column 3 (\"label\"): the label must be an integer, got \"2.5\"", error("a,b,label\n1,2,2.5\n"));
        assertEquals("t.csv: line 3, column 3 (\"label\"): the label must be an integer, got \"cat\"",
                error("a,b,label\n1,2,1\n1,2,cat\n"));
        assertEquals("t.csv: line 2, column 3 (\"label\"): empty label", error("a,b,label\n1,2,\n"));
        assertEquals("t.csv: line 2, column 3 (\"label\"): the label 9223372036854775808 is beyond the 64-bit integer"
                + " range", error("a,b,label\n1,2,9223372036854775808\n"));
        assertEquals("t.csv: line 2, column 3 (\"label\"): the label 1e20 is beyond 2^53: write it as a plain integer,"
                + " whose digits give it exactly", error("a,b,label\n1,2,1e20\n"));
        StringBuilder many = new StringBuilder("f,label\n");
        for (int i = 0; i < 1001; i++) {
            many.append(i).append(',').append(i * 10).append('\n');
        }
        assertEquals("t.csv: the label column \"label\" holds 1001 distinct values; at most 1000 classes are supported"
                + " (is it a class label?)", error(many.toString()));
    }

    @Test
    void headerProblems() {
        assertEquals("t.csv: no label column \"label\" (did you mean \"Label\"?); columns: a, Label (the dataset's"
                + " \"label\" field names it)", error("a,Label\n1,0\n"));
        assertEquals("t.csv: no label column \"y\"; columns: a, b, label (the dataset's \"label\" field names it)",
                error("a,b,label\n1,2,0\n", "y", MemoryBudget.UNLIMITED));
        // a long header: the first eight and the last two, where a label column often stands
        assertEquals("t.csv: no label column \"klass\"; columns: f0, f1, f2, f3, f4, f5, f6, f7, …, f9, cls (11 in all)"
                + " (the dataset's \"label\" field names it)", error("f0,f1,f2,f3,f4,f5,f6,f7,f8,f9,cls\n"
                + "0,0,0,0,0,0,0,0,0,0,1\n", "klass", MemoryBudget.UNLIMITED));
        assertEquals("t.csv: line 1: columns 1 and 3 are both named \"a\"", error("a,b,a,label\n1,2,3,0\n"));
        assertEquals("t.csv: no feature columns besides the label column \"label\"", error("label\n1\n"));
        assertEquals("t.csv: empty (a header row naming the columns is expected)", error(""));
        assertEquals("t.csv: empty (a header row naming the columns is expected)", error("\n\n"));
        assertEquals("t.csv: no data rows", error("a,label\n"));
    }

    @Test
    void malformedQuotes() {
        assertEquals("t.csv: line 2: a quoted field is never closed", error("a,label\n\"1,0\n2,1\n"));
        assertEquals("t.csv: line 2: a character follows the closing quote of a field (a quote inside a quoted field is"
                + " written \"\")", error("a,label\n\"1\"x,0\n"));
    }

    @Test
    void aTruncatedGzipTableNamesTheLineWhereItBroke() {
        StringBuilder sb = new StringBuilder("a,label\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            sb.append(r.nextDouble()).append(',').append(i % 2).append('\n');
        }
        byte[] gz = IdxFiles.gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
        String m = assertThrows(UserInputException.class, () -> CsvTableReader.read(IdxFiles.input("path", "t.csv.gz", cut),
                "label", "mine", MemoryBudget.UNLIMITED)).getMessage();
        assertEquals(true, m.matches("t\\.csv\\.gz: line \\d+: truncated \\(.*\\)"), m);
    }

    @Test
    void aSmallGzipTableCutShortIsSaidWithItsLineAfterTheSizeEstimate() {
        // cut within the estimate's sample: the estimate leaves the damage to read(), which names the line
        StringBuilder sb = new StringBuilder("a,label\n");
        for (int i = 0; i < 300; i++) {
            sb.append(i * 0.5).append(',').append(i % 2).append('\n');
        }
        byte[] gz = IdxFiles.gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length - 20);
        assertTrue(CsvTableReader.estimateBytes(IdxFiles.input("path", "t.csv.gz", cut), cut.length) > 0);
        String m = assertThrows(UserInputException.class, () -> CsvTableReader.read(IdxFiles.input("path", "t.csv.gz", cut),
                "label", "mine", MemoryBudget.UNLIMITED)).getMessage();
        assertTrue(m.matches("t\\.csv\\.gz: line \\d+: truncated \\(.*\\)"), m);
    }

    @Test
    void missingFile(@TempDir Path tmp) {
        String p = tmp.resolve("none.csv").toString();
        UserInputException e = assertThrows(UserInputException.class, () -> CsvTableReader.read(
                Input.of("path", p, PathOpener.local()), "label", "mine", MemoryBudget.UNLIMITED));
        assertEquals(p + ": no such file", e.getMessage());
        UserInputException dir = assertThrows(UserInputException.class, () -> CsvTableReader.read(
                Input.of("path", tmp.toString(), PathOpener.local()), "label", "mine", MemoryBudget.UNLIMITED));
        assertEquals(tmp + ": is a directory, not a file", dir.getMessage());
    }

    @Test
    void aFifoIsRefusedInsteadOfWaitedOnForever(@TempDir Path tmp) throws Exception {
        Path fifo = tmp.resolve("data.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        UserInputException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(UserInputException.class, () -> CsvTableReader.read(
                        Input.of("path", fifo.toString(), PathOpener.local()), "label", "mine", MemoryBudget.UNLIMITED)));
        assertEquals(fifo + ": is not a regular file (a FIFO, device or socket); give a file", e.getMessage());
    }

    @Test
    void aTableBeyondTheBudgetIsRefusedWhileReading() {
        StringBuilder sb = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append(i).append(",1,0\n");
        }
        // 10,000 rows × 3 floats = 117.2 KiB; a 64 KiB budget holds 5,461 rows and stops the read at the next
        String m = error(sb.toString(), "label", new MemoryBudget(64 << 10, "the test's share"));
        assertEquals("dataset mine needs more memory than the test's share of 64.0 KiB (reading stopped at 64.0 KiB)", m);
    }
}
