package org.initsweep.core.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Where a sweep's dataset comes from, as the spec's {@code datasets} entries say. An entry is a name
 * or an object:
 * <ul>
 *   <li>{@code "gaussian"}, {@code "moons"}, … (generated, {@link DatasetKind}), {@code "digits"}
 *       (shipped in the jar), {@code "mnist"} (the data directory), or the same as {@code {"name": …}};
 *   <li>{@code {"name": N, "format": "idx", "images": PATH, "labels": PATH, "test_images": PATH,
 *       "test_labels": PATH}}, the test pair optional (both or neither);
 *   <li>{@code {"name": N, "format": "csv" | "parquet", "path": PATH, "label": COLUMN, "test_path": PATH}},
 *       {@code label} defaulting to {@code "label"}, {@code test_path} optional; a csv entry may add
 *       {@code "header": false} for a table without a header row, whose columns are then named {@code _c0},
 *       {@code _c1}, … as Spark's CSV reader names them.
 * </ul>
 * A file dataset's name N is 1–64 of {@code [A-Za-z0-9._-]}, not starting with {@code .}, {@code _} or
 * {@code -}, and not a built-in name. Paths are local paths or Hadoop file system URIs, opened through a
 * {@link PathOpener}. Records compare by value, so two equal entries are one grid value.
 */
public sealed interface DatasetSource extends Serializable {

    /** The name recorded with every run: the built-in name, or the name the user gave the files. */
    String name();

    /** Whether the source has its own test examples (else the caller splits by {@code test_fraction}). */
    boolean hasTestFiles();

    /** The paths of the files the user named for it, as written (none for built-in and generated data). */
    default List<String> files() {
        return List.of();
    }

    /** The entry as a spec would write it: a name for built-in datasets, else an object. */
    JsonNode toJson();

    /**
     * Bytes the dataset will take in memory (train and test), estimated without the bulk read
     * (IDX headers, a table's first MiB, Parquet metadata).
     *
     * @param files where its files are opened
     * @throws org.initsweep.core.UserInputException if a file is missing or its header cannot be read
     * @throws IllegalArgumentException              for a generated dataset (made per run, not read)
     */
    long estimateBytes(DatasetLoader.Files files);

    /**
     * Reads the dataset as its files hold it: train, and test where the source has its own.
     *
     * @param files  where its files are opened
     * @param budget the most bytes train and test may take together (tables are held to it while read)
     * @throws org.initsweep.core.UserInputException one line naming the file and place of the first problem
     * @throws IllegalArgumentException              for a generated dataset
     */
    LoadedDataset read(DatasetLoader.Files files, MemoryBudget budget);

    /** Names of the built-in datasets: the generated ones, {@code digits}, {@code mnist}. */
    static List<String> builtinNames() {
        List<String> names = new ArrayList<>(DatasetKind.specNames());
        names.add(Digits.NAME);
        names.add(Mnist.NAME);
        return List.copyOf(names);
    }

    /**
     * A generated dataset.
     *
     * @param kind the generator
     */
    record Generated(DatasetKind kind) implements DatasetSource {
        private static final long serialVersionUID = 1L;

        @Override
        public String name() {
            return kind.specName();
        }

        @Override
        public boolean hasTestFiles() {
            return false;
        }

        @Override
        public JsonNode toJson() {
            return TextNode.valueOf(name());
        }

        @Override
        public long estimateBytes(DatasetLoader.Files files) {
            throw new IllegalArgumentException("generated datasets are made per run: " + name());
        }

        @Override
        public LoadedDataset read(DatasetLoader.Files files, MemoryBudget budget) {
            throw new IllegalArgumentException("generated datasets are made per run: " + name());
        }
    }

    /** The shipped 8×8 digits ({@link Digits}). */
    record DigitsData() implements DatasetSource {
        private static final long serialVersionUID = 1L;

        @Override
        public String name() {
            return Digits.NAME;
        }

        @Override
        public boolean hasTestFiles() {
            return false;
        }

        @Override
        public JsonNode toJson() {
            return TextNode.valueOf(name());
        }

        @Override
        public long estimateBytes(DatasetLoader.Files files) {
            return Digits.bytes();
        }

        @Override
        public LoadedDataset read(DatasetLoader.Files files, MemoryBudget budget) {
            ReadResult r = Digits.read();
            return new LoadedDataset(Digits.NAME, r.data(), null, r.files());
        }
    }

    /** MNIST from the data directory ({@link MnistStore}). */
    record MnistData() implements DatasetSource {
        private static final long serialVersionUID = 1L;

        @Override
        public String name() {
            return Mnist.NAME;
        }

        @Override
        public boolean hasTestFiles() {
            return true;
        }

        @Override
        public JsonNode toJson() {
            return TextNode.valueOf(name());
        }

        @Override
        public long estimateBytes(DatasetLoader.Files files) {
            return files.mnist().estimateBytes();
        }

        @Override
        public LoadedDataset read(DatasetLoader.Files files, MemoryBudget budget) {
            return files.mnist().load(budget);
        }
    }

    /**
     * IDX image and label files ({@link IdxReader}).
     *
     * @param name       the user's name for them
     * @param images     training images
     * @param labels     training labels
     * @param testImages test images, or null
     * @param testLabels test labels, null exactly when {@code testImages} is
     */
    record IdxFiles(String name, String images, String labels, String testImages, String testLabels)
            implements DatasetSource {
        private static final long serialVersionUID = 1L;

        /** @throws IllegalArgumentException if only one of the test pair is given */
        public IdxFiles {
            if ((testImages == null) != (testLabels == null)) {
                throw new IllegalArgumentException("test_images and test_labels go together");
            }
        }

        @Override
        public boolean hasTestFiles() {
            return testImages != null;
        }

        @Override
        public List<String> files() {
            return testImages == null ? List.of(images, labels) : List.of(images, labels, testImages, testLabels);
        }

        @Override
        public JsonNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("name", name).put("format", "idx").put("images", images).put("labels", labels);
            if (testImages != null) {
                o.put("test_images", testImages).put("test_labels", testLabels);
            }
            return o;
        }

        @Override
        public long estimateBytes(DatasetLoader.Files files) {
            return IdxReader.imagesHeader(files.input("images", images)).dataBytes()
                    + (testImages == null ? 0 : IdxReader.imagesHeader(files.input("test_images", testImages)).dataBytes());
        }

        @Override
        public LoadedDataset read(DatasetLoader.Files files, MemoryBudget budget) {
            ReadResult train = IdxReader.read(files.input("images", images), files.input("labels", labels));
            if (testImages == null) {
                return new LoadedDataset(name, train.data(), null, train.files());
            }
            // the same pixel count in another shape (14 × 56 beside 28 × 28) would pass as the same features
            IdxReader.ImagesHeader trainShape = IdxReader.imagesHeader(files.input("images", images));
            IdxReader.ImagesHeader testShape = IdxReader.imagesHeader(files.input("test_images", testImages));
            if (trainShape.rows() != testShape.rows() || trainShape.cols() != testShape.cols()) {
                throw new org.initsweep.core.UserInputException(testImages + ": images of " + testShape.rows() + " × "
                        + testShape.cols() + " pixels, but " + images + " holds images of " + trainShape.rows() + " × "
                        + trainShape.cols());
            }
            ReadResult test = IdxReader.read(files.input("test_images", testImages), files.input("test_labels", testLabels));
            LabeledData testData = Classes.alignTest(train.data(), test.data(), testImages, testLabels);
            return new LoadedDataset(name, train.data(), testData, ReadResult.concat(train, test));
        }
    }

    /** Formats of a table, each with its reader. */
    enum TableFormat {
        /** Comma-separated text, with a header row unless the entry says otherwise ({@link CsvTableReader}). */
        CSV {
            @Override
            long estimateBytes(DatasetLoader.Files files, TableFile t, String role, String path) {
                return CsvTableReader.estimateBytes(files.input(role, path), files.size(path), t.header());
            }

            @Override
            ReadResult read(DatasetLoader.Files files, TableFile t, String role, String path, MemoryBudget budget) {
                return CsvTableReader.read(files.input(role, path), t.header(), t.label(), t.name(), budget);
            }
        },
        /** Apache Parquet, read by the Spark job ({@link TableReader}). */
        PARQUET {
            @Override
            long estimateBytes(DatasetLoader.Files files, TableFile t, String role, String path) {
                return files.parquet().estimateBytes(path, t.label());
            }

            @Override
            ReadResult read(DatasetLoader.Files files, TableFile t, String role, String path, MemoryBudget budget) {
                return files.parquet().read(role, path, t.label(), t.name(), budget);
            }
        };

        /** {@code csv} or {@code parquet}. */
        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Bytes one table of {@code t} (its {@code path} or {@code test_path}) takes in memory, estimated. */
        abstract long estimateBytes(DatasetLoader.Files files, TableFile t, String role, String path);

        /** Reads one table of {@code t}. */
        abstract ReadResult read(DatasetLoader.Files files, TableFile t, String role, String path, MemoryBudget budget);
    }

    /**
     * A table of one example per row.
     *
     * @param name     the user's name for it
     * @param format   csv or parquet
     * @param path     the training table
     * @param label    the label column's name
     * @param testPath the test table (same columns), or null
     * @param header   whether a csv table's first line names its columns; false only for csv, whose columns
     *                 are then {@code _c0}, {@code _c1}, …
     */
    record TableFile(String name, TableFormat format, String path, String label, String testPath, boolean header)
            implements DatasetSource {
        private static final long serialVersionUID = 1L;

        /** The label column used when a spec names none. */
        public static final String DEFAULT_LABEL = "label";

        public TableFile {
            if (!header && format != TableFormat.CSV) {
                throw new IllegalArgumentException("only a csv table can lack a header row");
            }
        }

        /** A table with a header row (every parquet table). */
        public TableFile(String name, TableFormat format, String path, String label, String testPath) {
            this(name, format, path, label, testPath, true);
        }

        @Override
        public boolean hasTestFiles() {
            return testPath != null;
        }

        @Override
        public List<String> files() {
            return testPath == null ? List.of(path) : List.of(path, testPath);
        }

        @Override
        public JsonNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("name", name).put("format", format.specName()).put("path", path).put("label", label);
            if (testPath != null) {
                o.put("test_path", testPath);
            }
            if (!header) {
                o.put("header", false);
            }
            return o;
        }

        @Override
        public long estimateBytes(DatasetLoader.Files files) {
            return format.estimateBytes(files, this, "path", path)
                    + (testPath == null ? 0 : format.estimateBytes(files, this, "test_path", testPath));
        }

        @Override
        public LoadedDataset read(DatasetLoader.Files files, MemoryBudget budget) {
            ReadResult train = format.read(files, this, "path", path, budget);
            if (testPath == null) {
                return new LoadedDataset(name, train.data(), null, train.files());
            }
            ReadResult test = format.read(files, this, "test_path", testPath, budget);
            LabeledData testData = Classes.alignTest(train.data(), test.data(), testPath);
            return new LoadedDataset(name, train.data(), testData, ReadResult.concat(train, test));
        }
    }

    /**
     * Reads one {@code datasets} entry, reporting every problem found with its JSON path.
     *
     * @param node     the entry
     * @param path     its JSON path, e.g. {@code datasets[1]}; problems name fields below it
     *                 ({@code datasets[1].label})
     * @param problems receives (JSON path, message) for each problem
     * @return the source, or null if a problem was reported
     */
    static DatasetSource parse(JsonNode node, String path, BiConsumer<String, String> problems) {
        return new DatasetSourceParser(problems).entry(node, path);
    }
}
