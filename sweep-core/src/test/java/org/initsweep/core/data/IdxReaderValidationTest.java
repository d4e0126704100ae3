package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import org.initsweep.core.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed IDX files: one line naming the file and the byte offset. */
class IdxReaderValidationTest {

    private static final byte[] PIXELS = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final byte[] IMAGES = IdxFiles.images(2, 2, 2, PIXELS);
    private static final byte[] LABELS = IdxFiles.labels((byte) 0, (byte) 1);

    private static String error(byte[] images, byte[] labels) {
        return assertThrows(UserInputException.class, () -> IdxReader.read(IdxFiles.input("images", "img.idx", images),
                IdxFiles.input("labels", "lab.idx", labels))).getMessage();
    }

    @Test
    void missingFile(@TempDir Path tmp) {
        String missing = tmp.resolve("nope.gz").toString();
        UserInputException e = assertThrows(UserInputException.class, () -> IdxReader.read(
                Input.of("images", missing, PathOpener.local()), IdxFiles.input("labels", "lab.idx", LABELS)));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void wrongMagicNumbers() {
        assertEquals("img.idx: byte offset 0: magic number 2049 is that of a label file; expected 2051 (0x00000803:"
                + " unsigned bytes, 3 dimensions) for IDX images", error(LABELS, LABELS));
        assertEquals("lab.idx: byte offset 0: magic number 2051 is that of an image file; expected 2049 (0x00000801:"
                + " unsigned bytes, 1 dimension) for IDX labels", error(IMAGES, IMAGES));
        byte[] floats = IdxFiles.idx(0x00000D03, new int[] {2, 2, 2}, new byte[32]);
        assertEquals("img.idx: byte offset 0: magic number 3331 (0x00000d03) is IDX float32 data in 3 dimensions;"
                + " expected 2051 (0x00000803: unsigned bytes, 3 dimensions) for IDX images", error(floats, LABELS));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals("img.idx: byte offset 0: not an IDX file: magic number 0x89504e47; expected 2051 (0x00000803:"
                + " unsigned bytes, 3 dimensions) for IDX images", error(png, LABELS));
    }

    @Test
    void zeroOrNegativeSizes() {
        assertEquals("img.idx: byte offset 8: the row count must be ≥ 1, got 0",
                error(IdxFiles.images(2, 0, 2, new byte[0]), LABELS));
        assertEquals("img.idx: byte offset 4: the image count must be ≥ 1, got -3",
                error(IdxFiles.images(-3, 2, 2, new byte[0]), LABELS));
        assertEquals("lab.idx: byte offset 4: the label count must be ≥ 1, got 0", error(IMAGES, IdxFiles.labels()));
        assertEquals("img.idx: byte offset 4: 100000 images of 200 × 200 pixels are 4000000000 values, more than one"
                + " array holds (2147483639)", error(IdxFiles.images(100000, 200, 200, new byte[0]), LABELS));
    }

    @Test
    void truncatedFilesNameTheOffsetWhereTheyEnd() {
        assertEquals("img.idx: byte offset 21: truncated: the header declares 24 bytes",
                error(Arrays.copyOf(IMAGES, 21), LABELS));
        assertEquals("img.idx: byte offset 12: truncated: the header of an IDX image file has 16 bytes",
                error(Arrays.copyOf(IMAGES, 12), LABELS));
        assertEquals("img.idx: byte offset 2: truncated: the header of an IDX image file has 16 bytes",
                error(Arrays.copyOf(IMAGES, 2), LABELS));
        assertEquals("lab.idx: byte offset 9: truncated: the header declares 10 bytes", error(IMAGES, Arrays.copyOf(LABELS, 9)));
        assertEquals("img.idx: empty file", error(new byte[0], LABELS));
        // a gzip file cut inside the deflate stream: the offset is in the gunzipped data
        byte[] big = IdxFiles.images(1000, 4, 4, pseudoRandom(16000));
        byte[] gz = IdxFiles.gzip(big);
        String m = error(Arrays.copyOf(gz, gz.length / 2), IdxFiles.labels(new byte[1000]));
        assertEquals(true, m.matches("img\\.idx: byte offset \\d+ of the gunzipped data: truncated \\(.*\\)"), m);
    }

    @Test
    void countsThatDifferAndBytesBeyondTheData() {
        assertEquals("img.idx: 2 images, but lab.idx holds 3 labels", error(IMAGES, IdxFiles.labels((byte) 0, (byte) 1, (byte) 1)));
        byte[] longer = Arrays.copyOf(IMAGES, IMAGES.length + 5);
        assertEquals("img.idx: byte offset 24: more bytes follow the 2 images its header declares", error(longer, LABELS));
    }

    @Test
    void aCorruptGzipTrailerIsCaught() {
        byte[] gz = IdxFiles.gzip(IMAGES);
        gz[gz.length - 6] ^= 0x55; // inside the CRC-32 of the trailer
        String m = error(gz, LABELS);
        assertEquals(true, m.startsWith("img.idx: byte offset 24 of the gunzipped data: not a valid gzip file ("), m);
    }

    private static byte[] pseudoRandom(int n) {
        byte[] b = new byte[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }
}
