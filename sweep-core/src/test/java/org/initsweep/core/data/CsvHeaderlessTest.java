package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.initsweep.core.UserInputException;
import org.junit.jupiter.api.Test;

/**
 * CSV tables without a header row ({@code "header": false}): columns named {@code _c0}, {@code _c1}, … as
 * Spark's CSV reader names them, every line an example, and the refusals that point a table read the
 * other way to the field.
 */
class CsvHeaderlessTest {

    private static Input input(String csv) {
        return IdxFiles.input("path", "t.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static ReadResult read(String csv, boolean header, String label) {
        return CsvTableReader.read(input(csv), header, label, "t", MemoryBudget.UNLIMITED);
    }

    private static String error(String csv, boolean header, String label) {
        return assertThrows(UserInputException.class, () -> read(csv, header, label)).getMessage();
    }

    @Test
    void everyLineIsAnExampleAndColumnsAreNamedAsSparkNamesThem() {
        LabeledData d = read("1.5,5,-2\n0,-1,3e2\n-0.25,2,7\n", false, "_c1").data();
        assertEquals(3, d.samples());
        assertEquals(List.of("_c0", "_c2"), d.featureNames());
        assertArrayEquals(new float[] {1.5f, -2f, 0f, 300f, -0.25f, 7f}, d.x());
        assertArrayEquals(new long[] {-1, 2, 5}, d.classValues());
        assertArrayEquals(new int[] {2, 0, 1}, d.y());
    }

    @Test
    void theSharedOptdigitsFileReadsAsTheBuiltInDigits() {
        String path = SharedDatasets.file(SharedDatasets.DIGITS).toString();
        DatasetSource.TableFile source = new DatasetSource.TableFile("optdigits", DatasetSource.TableFormat.CSV, path,
                "_c64", null, false);
        DatasetLoader loader = new DatasetLoader(PathOpener.local(), null, null);
        assertEquals(LabeledData.bytes(1797, 64), loader.estimateBytes(source), "every line counted, none taken as names");
        LoadedDataset loaded = loader.load(source, MemoryBudget.UNLIMITED);
        LabeledData d = loaded.train();
        assertNull(loaded.test());
        assertEquals(IntStream.range(0, 64).mapToObj(c -> "_c" + c).toList(), d.featureNames());
        // the same scikit-learn table as the jar's digits, read by its own headerless path
        LabeledData builtin = Digits.read().data();
        assertArrayEquals(builtin.x(), d.x());
        assertArrayEquals(builtin.y(), d.y());
        int[] counts = new int[10];
        for (int y : d.y()) {
            counts[y]++;
        }
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts, "the shared README's counts");
    }

    @Test
    void theEstimateCountsTheFirstLineAsAnExample() {
        byte[] b = "1,2,0\n3,4,1\n5,6,0\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(LabeledData.bytes(3, 2), CsvTableReader.estimateBytes(IdxFiles.input("path", "s.csv", b), b.length, false));
        assertEquals(LabeledData.bytes(2, 2), CsvTableReader.estimateBytes(IdxFiles.input("path", "s.csv", b), b.length, true));
    }

    @Test
    void refusalsWithoutAHeaderRow() {
        assertEquals("t.csv: no label column \"label\"; columns: _c0, _c1, _c2 (the dataset's \"label\" field names it;"
                + " without a header row the columns are named by position from _c0, e.g. \"label\": \"_c2\" for the last)",
                error("1,2,0\n3,4,1\n", false, "label"));
        assertEquals("t.csv: line 3: 2 fields, but the first row has 3 (ragged row)", error("1,2,0\n3,4,1\n5,6\n", false, "_c2"));
        assertEquals("t.csv: empty (no data rows)", error("", false, "_c0"));
        assertEquals("t.csv: line 2, column 3 (\"_c2\"): the label must be an integer, got \"x\"",
                error("1,2,0\n3,4,x\n", false, "_c2"));
    }

    @Test
    void aFirstLineOfNumbersReadAsAHeaderPointsToTheField() {
        assertEquals("t.csv: line 1: columns 1 and 2 are both named \"0\" (the first line is read as the header; a table"
                + " without one needs \"header\": false)", error("0,0,5,1\n0,1,2,3\n", true, "label"));
        assertEquals("t.csv: no label column \"label\"; columns: 0, 1, 5, 1.5 (the dataset's \"label\" field names it; the"
                + " first line holds numbers, not names: a table without a header row needs \"header\": false)",
                error("0,1,5,1.5\n0,1,2,3\n", true, "label"));
        // names are names: no hint
        assertEquals("t.csv: line 1: columns 1 and 2 are both named \"a\"", error("a,a,label\n1,2,0\n", true, "label"));
        assertEquals("t.csv: no label column \"y\"; columns: a, b, label (the dataset's \"label\" field names it)",
                error("a,b,label\n1,2,0\n", true, "y"));
    }
}
