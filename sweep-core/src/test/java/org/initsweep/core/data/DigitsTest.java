package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The shipped digits: the scikit-learn file byte for byte, parsed into 1,797 × 64 with 10 classes. */
class DigitsTest {

    @Test
    void theResourceIsTheSharedFileAndParsesToItsRows() throws Exception {
        byte[] shared = SharedDatasets.bytes(SharedDatasets.file(SharedDatasets.DIGITS));
        ReadResult r = Digits.read();
        assertEquals(List.of(new DataFile("builtin", "builtin:digits", shared.length, SharedDatasets.sha256(shared))), r.files());
        assertEquals(Digits.SHA256, r.files().get(0).sha256());
        LabeledData d = r.data();
        assertEquals(1797, d.samples());
        assertEquals(64, d.features());
        assertEquals("pixel_0_0", d.featureNames().get(0));
        assertEquals("pixel_7_7", d.featureNames().get(63));
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, d.classValues());
        // class counts from shared/datasets/README.md
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, d.classCounts());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(shared)), StandardCharsets.US_ASCII))) {
            int row = 0;
            for (String line; (line = in.readLine()) != null; row++) {
                String[] cells = line.split(",");
                assertEquals(65, cells.length);
                for (int j = 0; j < 64; j++) {
                    assertEquals(Float.parseFloat(cells[j]), d.x()[row * 64 + j], "row " + row + " pixel " + j);
                }
                assertEquals(Integer.parseInt(cells[64]), d.classValues()[d.y()[row]], "row " + row + " label");
            }
            assertEquals(1797, row);
        }
        assertEquals(1797L * 65 * 4, Digits.bytes());
    }
}
