package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.initsweep.core.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST from the data directory: reading, checksums on read, hand-placed gunzipped files, what is missing. */
class MnistStoreTest {

    @Test
    void readsTrainAndTestWithProvenanceAndVerifiedStates(@TempDir Path tmp) {
        Path dir = tmp.resolve("mnist");
        MnistFixture.place(dir);
        MnistStore store = MnistFixture.store(dir);
        assertEquals(List.of(MnistStore.State.VERIFIED, MnistStore.State.VERIFIED, MnistStore.State.VERIFIED,
                MnistStore.State.VERIFIED), store.status().stream().map(MnistStore.FileStatus::state).toList());
        LoadedDataset d = store.load(MemoryBudget.UNLIMITED);
        assertEquals("mnist", d.name());
        assertEquals(8000, d.train().samples());
        assertEquals(2000, d.test().samples());
        assertEquals(784, d.test().features());
        assertArrayEquals(new int[] {208, 217, 197, 207, 202, 157, 183, 205, 207, 217}, d.test().classCounts());
        assertEquals(List.of("images", "labels", "test_images", "test_labels"), d.files().stream().map(DataFile::role).toList());
        for (int i = 0; i < 4; i++) {
            DataFile f = d.files().get(i);
            assertEquals(dir.resolve(Mnist.FILES.get(i).name()).toString(), f.path());
            assertEquals(store.files().get(i).sha256(), f.sha256());
        }
        assertEquals((8000L + 2000) * 785 * 4, d.bytes());
        assertEquals(d.bytes(), store.estimateBytes());
    }

    @Test
    void missingFilesGetOneLineSayingWhatWhereAndHow(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("mnist");
        MnistFixture.place(dir);
        Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        MnistStore store = MnistFixture.store(dir);
        assertEquals(MnistStore.State.MISSING, store.status().get(0).state());
        UserInputException e = assertThrows(UserInputException.class, () -> store.load(MemoryBudget.UNLIMITED));
        assertEquals("dataset mnist: train-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz are not in " + dir
                + "; run `initsweep data fetch mnist`, or download train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
                + " t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz from http://mirror.example/mnist/ and put"
                + " them in " + dir + " (--data-dir or INITSWEEP_DATA choose the data directory)", e.getMessage());
    }

    @Test
    void aChangedGzipFileIsRefusedOnRead(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("mnist");
        MnistFixture.place(dir);
        // labels of another valid IDX file: structurally fine, but not the published bytes
        Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] other = IdxFiles.gzip(SharedDatasets.gunzip(labels));
        Files.write(labels, other);
        MnistStore store = MnistFixture.store(dir);
        MnistStore.FileStatus s = store.status().get(3);
        assertEquals(MnistStore.State.CORRUPT, s.state());
        UserInputException e = assertThrows(UserInputException.class, () -> store.load(MemoryBudget.UNLIMITED));
        String published = store.files().get(3).sha256();
        assertEquals(labels + ": differs from " + store.reference() + " (" + (other.length == store.files().get(3).bytes()
                ? "SHA-256 " + SharedDatasets.sha256(other) + ", expected " + published
                : String.format(java.util.Locale.ROOT, "%,d bytes, expected %,d", other.length, store.files().get(3).bytes()))
                + "); delete it and run `initsweep data fetch mnist`"
                + (store.published() ? " (a subset of your own: -Dinitsweep.mnist.checksums names its SHA-256s)" : ""),
                e.getMessage());
    }

    @Test
    void gunzippedFilesPlacedByHandAreReadUnverified(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("mnist");
        MnistFixture.place(dir);
        LoadedDataset gz = MnistFixture.store(dir).load(MemoryBudget.UNLIMITED);
        Path images = dir.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), SharedDatasets.gunzip(images));
        Files.delete(images);
        MnistStore store = MnistFixture.store(dir);
        assertEquals(MnistStore.State.UNVERIFIED, store.status().get(2).state());
        LoadedDataset plain = store.load(MemoryBudget.UNLIMITED);
        assertArrayEquals(gz.test().x(), plain.test().x());
        assertTrue(plain.files().get(2).path().endsWith("t10k-images-idx3-ubyte"));
    }

    @Test
    void theBudgetIsCheckedFromTheHeadersBeforeReading(@TempDir Path tmp) {
        Path dir = tmp.resolve("mnist");
        MnistFixture.place(dir);
        UserInputException e = assertThrows(UserInputException.class,
                () -> MnistFixture.store(dir).load(new MemoryBudget(16 << 20, "the driver's share")));
        // (8,000 + 2,000) × 785 × 4 bytes
        assertEquals("dataset mnist needs about 29.9 MiB in memory, more than the driver's share of 16.0 MiB", e.getMessage());
    }

    @Test
    void mismatchSaysWhichChecksumDiffers() {
        RemoteFile f = new RemoteFile("a.gz", 3, "0".repeat(64), "1".repeat(32));
        assertEquals("4 bytes, expected 3", MnistStore.mismatch(f, 4, "0".repeat(64), "1".repeat(32)));
        assertEquals("4,096 bytes, expected 3", MnistStore.mismatch(f, 4096, "0".repeat(64), "1".repeat(32)));
        assertEquals("SHA-256 " + "2".repeat(64) + ", expected " + "0".repeat(64),
                MnistStore.mismatch(f, 3, "2".repeat(64), "1".repeat(32)));
        assertEquals("MD5 " + "3".repeat(32) + ", expected " + "1".repeat(32),
                MnistStore.mismatch(f, 3, "0".repeat(64), "3".repeat(32)));
        assertNull(MnistStore.mismatch(f, 3, "0".repeat(64), "1".repeat(32)));
    }
}
