package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX images and labels: values, shapes, classes and provenance, gzip or plain. */
class IdxReaderTest {

    @Test
    void readsAHandBuiltPairExactly() {
        // 3 images of 2 × 3 pixels; labels 7, 2, 7 → classes {2, 7}
        byte[] pixels = {0, 1, 2, 3, 4, 5, 10, 20, 30, 40, 50, (byte) 255, (byte) 128, 0, 0, 0, 0, 9};
        byte[] images = IdxFiles.images(3, 2, 3, pixels);
        byte[] labels = IdxFiles.labels((byte) 7, (byte) 2, (byte) 7);
        ReadResult r = IdxReader.read(IdxFiles.input("images", "img", images), IdxFiles.input("labels", "lab", labels));
        LabeledData d = r.data();
        assertEquals(3, d.samples());
        assertEquals(6, d.features());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 255, 128, 0, 0, 0, 0, 9}, d.x());
        assertArrayEquals(new long[] {2, 7}, d.classValues());
        assertArrayEquals(new int[] {1, 0, 1}, d.y());
        assertEquals(List.of(), d.featureNames());
        assertEquals(List.of(new DataFile("images", "img", images.length, SharedDatasets.sha256(images)),
                new DataFile("labels", "lab", labels.length, SharedDatasets.sha256(labels))), r.files());
    }

    @Test
    void gzipIsDetectedByItsMagicBytesAndTheDigestCoversTheStoredBytes() {
        byte[] pixels = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] images = IdxFiles.gzip(IdxFiles.images(2, 2, 2, pixels));
        byte[] labels = IdxFiles.labels((byte) 0, (byte) 1);
        ReadResult r = IdxReader.read(IdxFiles.input("images", "no-gz-suffix", images), IdxFiles.input("labels", "l", labels));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, r.data().x());
        assertEquals(SharedDatasets.sha256(images), r.files().get(0).sha256());
        assertEquals(images.length, r.files().get(0).bytes());
    }

    @Test
    void theMnistSubsetMatchesItsBytesClassCountsAndPublishedDigests() {
        Path images = SharedDatasets.file(SharedDatasets.TRAIN_IMAGES);
        Path labels = SharedDatasets.file(SharedDatasets.TRAIN_LABELS);
        ReadResult r = IdxReader.read(Input.of("images", images.toString(), PathOpener.local()),
                Input.of("labels", labels.toString(), PathOpener.local()));
        LabeledData d = r.data();
        assertEquals(8000, d.samples());
        assertEquals(784, d.features());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, d.classValues());
        // class counts from shared/datasets/README.md
        assertArrayEquals(new int[] {793, 910, 794, 825, 778, 706, 831, 865, 737, 761}, d.classCounts());
        byte[] rawImages = SharedDatasets.gunzip(images);
        byte[] rawLabels = SharedDatasets.gunzip(labels);
        for (int i = 0; i < d.x().length; i++) {
            if (d.x()[i] != (rawImages[16 + i] & 0xFF)) {
                throw new AssertionError("pixel " + i);
            }
        }
        for (int i = 0; i < d.samples(); i++) {
            assertEquals(rawLabels[8 + i], d.y()[i], "label " + i);
        }
        // SHA-256s from shared/datasets/README.md
        assertEquals("f516b4fbe6e8d689f3a7105fd865de131a9a88577021d7b867732df864b3af99", r.files().get(0).sha256());
        assertEquals("822751488e4cc58b224b7435be06f368f8e0b8cceaf64ec1be75a2c1c522e859", r.files().get(1).sha256());
        assertEquals(SharedDatasets.bytes(images).length, r.files().get(0).bytes());
    }

    @Test
    void plainFilesGiveTheSameDataWithTheDigestOfTheirOwnBytes(@TempDir Path tmp) throws Exception {
        Path images = tmp.resolve("test-images-idx3-ubyte");
        Path labels = tmp.resolve("test-labels-idx1-ubyte");
        Files.write(images, SharedDatasets.gunzip(SharedDatasets.file(SharedDatasets.TEST_IMAGES)));
        Files.write(labels, SharedDatasets.gunzip(SharedDatasets.file(SharedDatasets.TEST_LABELS)));
        ReadResult plain = IdxReader.read(Input.of("test_images", images.toString(), PathOpener.local()),
                Input.of("test_labels", labels.toString(), PathOpener.local()));
        ReadResult gz = IdxReader.read(
                Input.of("test_images", SharedDatasets.file(SharedDatasets.TEST_IMAGES).toString(), PathOpener.local()),
                Input.of("test_labels", SharedDatasets.file(SharedDatasets.TEST_LABELS).toString(), PathOpener.local()));
        assertArrayEquals(gz.data().x(), plain.data().x());
        assertArrayEquals(gz.data().y(), plain.data().y());
        assertArrayEquals(new int[] {208, 217, 197, 207, 202, 157, 183, 205, 207, 217}, plain.data().classCounts());
        assertEquals(SharedDatasets.sha256(Files.readAllBytes(images)), plain.files().get(0).sha256());
        assertEquals(Files.size(images), plain.files().get(0).bytes());
        assertTrue(plain.files().get(0).path().endsWith("test-images-idx3-ubyte"));
    }

    @Test
    void theHeaderAloneGivesTheSizeInMemory() {
        IdxReader.ImagesHeader h = IdxReader.imagesHeader(
                Input.of("images", SharedDatasets.file(SharedDatasets.TRAIN_IMAGES).toString(), PathOpener.local()));
        assertEquals(new IdxReader.ImagesHeader(8000, 28, 28), h);
        assertEquals(8000L * 785 * 4, h.dataBytes());
    }
}
