package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.initsweep.core.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a spec's dataset: dispatch by source, test sets tied to their training set, class and size checks. */
class DatasetLoaderTest {

    @TempDir
    Path tmp;

    private DatasetLoader loader(TableReader parquet) {
        return new DatasetLoader(PathOpener.local(), MnistFixture.store(tmp.resolve("mnist")), parquet);
    }

    private String write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    private static DatasetSource.TableFile csv(String path, String testPath) {
        return new DatasetSource.TableFile("mine", DatasetSource.TableFormat.CSV, path, "y", testPath);
    }

    @Test
    void digitsComeFromTheJarWithoutATestSet() {
        LoadedDataset d = loader(null).load(new DatasetSource.DigitsData(), MemoryBudget.UNLIMITED);
        assertEquals("digits", d.name());
        assertEquals(1797, d.train().samples());
        assertNull(d.test());
        assertEquals(List.of(new DataFile("builtin", "builtin:digits", 57512, Digits.SHA256)), d.files());
        UserInputException e = assertThrows(UserInputException.class,
                () -> loader(null).load(new DatasetSource.DigitsData(), new MemoryBudget(100_000, "the driver's share")));
        assertEquals("dataset digits needs about 456.3 KiB in memory, more than the driver's share of 97.7 KiB", e.getMessage());
        // with a way to raise it: said after the sizes, which it would otherwise split
        e = assertThrows(UserInputException.class, () -> loader(null).load(new DatasetSource.DigitsData(),
                new MemoryBudget(100_000, "half of the driver's heap", "-Xmx")));
        assertEquals("dataset digits needs about 456.3 KiB in memory, more than half of the driver's heap of 97.7 KiB;"
                + " raise it with -Xmx", e.getMessage());
    }

    @Test
    void idxFilesWithTheirTestPair() {
        String images = SharedDatasets.file(SharedDatasets.TRAIN_IMAGES).toString();
        String labels = SharedDatasets.file(SharedDatasets.TRAIN_LABELS).toString();
        String testImages = SharedDatasets.file(SharedDatasets.TEST_IMAGES).toString();
        String testLabels = SharedDatasets.file(SharedDatasets.TEST_LABELS).toString();
        DatasetSource both = new DatasetSource.IdxFiles("mnist10k", images, labels, testImages, testLabels);
        assertEquals((8000L + 2000) * 785 * 4, loader(null).estimateBytes(both));
        LoadedDataset d = loader(null).load(both, MemoryBudget.UNLIMITED);
        assertEquals("mnist10k", d.name());
        assertEquals(8000, d.train().samples());
        assertEquals(2000, d.test().samples());
        assertEquals(List.of("images", "labels", "test_images", "test_labels"), d.files().stream().map(DataFile::role).toList());
        assertEquals(List.of(images, labels, testImages, testLabels), d.files().stream().map(DataFile::path).toList());
        LoadedDataset trainOnly = loader(null).load(new DatasetSource.IdxFiles("m", images, labels, null, null), MemoryBudget.UNLIMITED);
        assertNull(trainOnly.test());
        assertNotEquals(d.sha256(), trainOnly.sha256());
        assertEquals(d.sha256(), loader(null).load(both, MemoryBudget.UNLIMITED).sha256());
    }

    @Test
    void testImagesOfAnotherSizeAreNamedNotTheirLabels() throws Exception {
        Path images = Files.write(tmp.resolve("i22.idx"), IdxFiles.images(2, 2, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        Path labels = Files.write(tmp.resolve("l.idx"), IdxFiles.labels((byte) 0, (byte) 1));
        Path testImages = Files.write(tmp.resolve("t33.idx"), IdxFiles.images(1, 3, 3, new byte[9]));
        Path testLabels = Files.write(tmp.resolve("tl.idx"), IdxFiles.labels((byte) 0));
        UserInputException e = assertThrows(UserInputException.class, () -> loader(null).load(new DatasetSource.IdxFiles(
                "m", images.toString(), labels.toString(), testImages.toString(), testLabels.toString()), MemoryBudget.UNLIMITED));
        assertEquals(testImages + ": images of 3 × 3 pixels, but " + images + " holds images of 2 × 2", e.getMessage());

        // the same 4 pixels as 1 × 4: another image, not the same features
        Files.write(testImages, IdxFiles.images(1, 1, 4, new byte[4]));
        UserInputException flat = assertThrows(UserInputException.class, () -> loader(null).load(
                new DatasetSource.IdxFiles("m", images.toString(), labels.toString(), testImages.toString(),
                        testLabels.toString()), MemoryBudget.UNLIMITED));
        assertEquals(testImages + ": images of 1 × 4 pixels, but " + images + " holds images of 2 × 2", flat.getMessage());
    }

    @Test
    void oneClassIsRefusedNamingTheLabelFile() throws Exception {
        Path images = tmp.resolve("i.idx");
        Path labels = tmp.resolve("l.idx");
        Files.write(images, IdxFiles.images(2, 1, 2, new byte[] {1, 2, 3, 4}));
        Files.write(labels, IdxFiles.labels((byte) 3, (byte) 3));
        UserInputException e = assertThrows(UserInputException.class, () -> loader(null).load(
                new DatasetSource.IdxFiles("x", images.toString(), labels.toString(), null, null), MemoryBudget.UNLIMITED));
        assertEquals(labels + ": every label is 3; a classifier needs at least 2 classes", e.getMessage());
        String oneClass = write("one.csv", "a,y\n1,4\n2,4\n");
        assertEquals(oneClass + ": every label is 4; a classifier needs at least 2 classes", assertThrows(UserInputException.class,
                () -> loader(null).load(csv(oneClass, null), MemoryBudget.UNLIMITED)).getMessage());
    }

    @Test
    void aTestTableIsRenumberedToTheTrainingClasses() throws Exception {
        String train = write("train.csv", "a,b,y\n1,2,1\n3,4,5\n5,6,9\n7,8,5\n");
        String test = write("test.csv", "a,b,y\n0,0,9\n1,1,5\n");
        LoadedDataset d = loader(null).load(csv(train, test), MemoryBudget.UNLIMITED);
        assertArrayEquals(new long[] {1, 5, 9}, d.train().classValues());
        assertArrayEquals(new long[] {1, 5, 9}, d.test().classValues());
        assertArrayEquals(new int[] {2, 1}, d.test().y());
        assertEquals(List.of("path", "test_path"), d.files().stream().map(DataFile::role).toList());

        String unseen = write("unseen.csv", "a,b,y\n0,0,7\n");
        assertEquals(unseen + ": label 7 does not occur in the training data (classes: 1, 5, 9)",
                assertThrows(UserInputException.class, () -> loader(null).load(csv(train, unseen), MemoryBudget.UNLIMITED)).getMessage());
        String swapped = write("swapped.csv", "b,a,y\n0,0,1\n");
        assertEquals(swapped + ": feature column 1 is \"b\", the training table's is \"a\" (test and training tables need the"
                + " same columns in the same order)",
                assertThrows(UserInputException.class, () -> loader(null).load(csv(train, swapped), MemoryBudget.UNLIMITED)).getMessage());
        String narrow = write("narrow.csv", "a,y\n0,1\n");
        assertEquals(narrow + ": 1 feature per example, the training data have 2",
                assertThrows(UserInputException.class, () -> loader(null).load(csv(train, narrow), MemoryBudget.UNLIMITED)).getMessage());
    }

    @Test
    void tablesAreMeasuredBeforeTheyAreRead() throws Exception {
        String train = write("train.csv", "a,b,y\n1,2,1\n3,4,5\n5,6,9\n7,8,5\n");
        assertEquals(LabeledData.bytes(4, 2), loader(null).estimateBytes(csv(train, null)));
        UserInputException e = assertThrows(UserInputException.class,
                () -> loader(null).load(csv(train, null), new MemoryBudget(40, "a tiny share")));
        // 4 rows × (2 features + 1 label) × 4 bytes
        assertEquals("dataset mine needs about 48 B in memory, more than a tiny share of 40 B", e.getMessage());
        String missing = tmp.resolve("absent.csv").toString();
        assertEquals(missing + ": no such file", assertThrows(UserInputException.class,
                () -> loader(null).load(csv(missing, null), MemoryBudget.UNLIMITED)).getMessage());
    }

    @Test
    void parquetGoesToTheSuppliedReader() {
        List<String> calls = new ArrayList<>();
        TableReader stub = new TableReader() {
            @Override
            public long estimateBytes(String path, String labelColumn) {
                calls.add("estimate " + path + " " + labelColumn);
                return 1;
            }

            @Override
            public ReadResult read(String role, String path, String labelColumn, String dataset, MemoryBudget budget) {
                calls.add("read " + role + " " + path + " " + labelColumn + " " + dataset);
                LabeledData d = new LabeledData(new float[] {1, 2}, new int[] {0, 1}, 2, 1, new long[] {0, 1}, List.of("f"));
                return new ReadResult(d, List.of(new DataFile(role, path, 10, "0".repeat(64))));
            }
        };
        DatasetSource src = new DatasetSource.TableFile("pq", DatasetSource.TableFormat.PARQUET, "hdfs://a", "y", "hdfs://b");
        LoadedDataset d = loader(stub).load(src, MemoryBudget.UNLIMITED);
        assertEquals(List.of("estimate hdfs://a y", "estimate hdfs://b y", "read path hdfs://a y pq", "read test_path hdfs://b y pq"), calls);
        assertEquals(2, d.test().samples());
        assertThrows(IllegalStateException.class, () -> loader(null).load(src, MemoryBudget.UNLIMITED));
        assertThrows(IllegalArgumentException.class,
                () -> loader(null).load(new DatasetSource.Generated(DatasetKind.MOONS), MemoryBudget.UNLIMITED));
    }
}
