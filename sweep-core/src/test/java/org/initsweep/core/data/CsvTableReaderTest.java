package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV tables: header, label anywhere, RFC 4180 quoting, line endings, class mapping, provenance. */
class CsvTableReaderTest {

    static ReadResult read(String csv, String label) {
        return CsvTableReader.read(IdxFiles.input("path", "t.csv", csv.getBytes(StandardCharsets.UTF_8)), label, "t",
                MemoryBudget.UNLIMITED);
    }

    @Test
    void readsFeaturesInColumnOrderAndMapsLabelsInSortedOrder() {
        String csv = "x1,species,x2\n1.5,5,-2\n0,-1,3e2\n-0.25,2,7\n4,5,0.1\n";
        ReadResult r = read(csv, "species");
        LabeledData d = r.data();
        assertEquals(4, d.samples());
        assertEquals(2, d.features());
        assertEquals(List.of("x1", "x2"), d.featureNames());
        assertArrayEquals(new float[] {1.5f, -2f, 0f, 300f, -0.25f, 7f, 4f, 0.1f}, d.x());
        assertArrayEquals(new long[] {-1, 2, 5}, d.classValues());
        assertArrayEquals(new int[] {2, 0, 1, 2}, d.y());
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(new DataFile("path", "t.csv", bytes.length, SharedDatasets.sha256(bytes))), r.files());
    }

    @Test
    void quotedFieldsCrLfBomBlankLinesAndAMissingFinalNewline() {
        String csv = "\uFEFF\"a, the first\",\"b \"\"quoted\"\"\",\"lab\nel\"\r\n\r\n"
                + "\"1\",2,0\r\n"
                + "3, 4 ,\"1\"\r\n"
                + "\n"
                + "5,6,1";
        LabeledData d = read(csv, "lab\nel").data();
        assertEquals(List.of("a, the first", "b \"quoted\""), d.featureNames());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, d.x());
        assertArrayEquals(new int[] {0, 1, 1}, d.y());
    }

    @Test
    void integralDecimalLabelsAreIntegers() {
        LabeledData d = read("f,y\n1,3.0\n2,1e0\n3,-2.00\n", "y").data();
        assertArrayEquals(new long[] {-2, 1, 3}, d.classValues());
        assertArrayEquals(new int[] {2, 1, 0}, d.y());
    }

    @Test
    void labelsBeyond2To53AreReadExactly() {
        // 2^53 and 2^53 + 1 are one double: read as doubles they would be one class
        LabeledData d = read("f,y\n1,0\n2,9007199254740992\n3,9007199254740993\n4,9223372036854775807\n"
                + "5,-9223372036854775808\n", "y").data();
        assertArrayEquals(new long[] {Long.MIN_VALUE, 0, 9007199254740992L, 9007199254740993L, Long.MAX_VALUE},
                d.classValues());
        assertArrayEquals(new int[] {1, 2, 3, 4, 0}, d.y());
    }

    @Test
    void gzipTablesAreDetected() {
        String csv = "f,label\n1,0\n2,1\n";
        byte[] gz = IdxFiles.gzip(csv.getBytes(StandardCharsets.UTF_8));
        ReadResult r = CsvTableReader.read(IdxFiles.input("path", "t.csv.gz", gz), "label", "t", MemoryBudget.UNLIMITED);
        assertArrayEquals(new float[] {1, 2}, r.data().x());
        assertEquals(SharedDatasets.sha256(gz), r.files().get(0).sha256());
        assertEquals(gz.length, r.files().get(0).bytes());
    }

    @Test
    void manyRowsSpanStorageBlocksAndBuffers() {
        // 3 features: 349,525 rows per 4 MiB block; 400,000 rows cross one block boundary and many 64 KiB buffers
        int rows = 400_000;
        StringBuilder sb = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(-i).append(',').append(i % 7).append(".5,").append(i % 3).append('\n');
        }
        LabeledData d = read(sb.toString(), "label").data();
        assertEquals(rows, d.samples());
        for (int i = 0; i < rows; i += 997) {
            assertEquals(i, d.x()[3 * i]);
            assertEquals(-i, d.x()[3 * i + 1]);
            assertEquals(i % 7 + 0.5f, d.x()[3 * i + 2]);
            assertEquals(i % 3, d.y()[i]);
        }
        assertEquals(rows - 1, d.x()[3 * (rows - 1)]);
    }

    @Test
    void theSizeEstimateIsExactForASmallTableAndCloseForALargeOne() {
        String small = "a,b,label\n1,2,0\n3,4,1\n5,6,0\n";
        byte[] sb = small.getBytes(StandardCharsets.UTF_8);
        assertEquals(LabeledData.bytes(3, 2), CsvTableReader.estimateBytes(IdxFiles.input("path", "s.csv", sb), sb.length));
        StringBuilder big = new StringBuilder("a,b,label\n");
        int rows = 200_000; // about 3 MiB: the estimate sees the first MiB
        for (int i = 0; i < rows; i++) {
            big.append(i % 1000).append(',').append(i % 977).append(',').append(i % 2).append('\n');
        }
        byte[] bb = big.toString().getBytes(StandardCharsets.UTF_8);
        long estimate = CsvTableReader.estimateBytes(IdxFiles.input("path", "b.csv", bb), bb.length);
        double exact = LabeledData.bytes(rows, 2);
        assertTrue(Math.abs(estimate / exact - 1) < 0.05, estimate + " vs " + exact);
        byte[] gz = IdxFiles.gzip(bb);
        long gzEstimate = CsvTableReader.estimateBytes(IdxFiles.input("path", "b.csv.gz", gz), gz.length);
        assertTrue(Math.abs(gzEstimate / exact - 1) < 0.25, gzEstimate + " vs " + exact);
    }
}
