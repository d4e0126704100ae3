package org.initsweep.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.initsweep.core.UserInputException;

/**
 * Reads the dataset a {@link DatasetSource} names, once, with its provenance: the shipped
 * {@code digits}, MNIST from the data directory, IDX files, CSV tables, and (through a
 * {@link TableReader} the Spark job supplies) Parquet tables. Generated datasets are made per run
 * ({@link Datasets}), not here.
 *
 * <p>Before the bulk read, the size in memory is estimated (IDX headers, a table's first MiB or
 * Parquet metadata) and compared with the {@link MemoryBudget}; tables are held to it again while read.
 * The training data must hold at least 2 classes; a test set must have the training set's features
 * (and column names) and no class the training set lacks, and is renumbered to the training classes.
 * What comes back is as read: splitting, subsetting and preprocessing are the caller's next steps
 * ({@link Splits}, {@link Preprocessing}).
 */
public final class DatasetLoader {

    private final PathOpener opener;
    private final MnistStore mnist;
    private final TableReader parquet;

    /**
     * @param opener  opens the paths of IDX and CSV datasets
     * @param mnist   MNIST's cache ({@link Mnist#store(Path)})
     * @param parquet reads Parquet tables; null where there is none (a Parquet dataset is then refused)
     */
    public DatasetLoader(PathOpener opener, MnistStore mnist, TableReader parquet) {
        this.opener = opener;
        this.mnist = mnist;
        this.parquet = parquet;
    }

    /** A loader on {@code opener} with MNIST in {@code dataDir}'s {@code mnist/} folder, as configured ({@link Mnist}). */
    public static DatasetLoader of(PathOpener opener, Path dataDir, TableReader parquet) {
        return new DatasetLoader(opener, Mnist.store(dataDir), parquet);
    }

    /**
     * Bytes the dataset will take in memory (train and test), estimated without the bulk read.
     *
     * @throws UserInputException if a file is missing or its header cannot be read
     * @throws IllegalArgumentException for a generated dataset
     */
    public long estimateBytes(DatasetSource source) {
        if (source instanceof DatasetSource.DigitsData) {
            return Digits.bytes();
        }
        if (source instanceof DatasetSource.MnistData) {
            return mnist.estimateBytes();
        }
        if (source instanceof DatasetSource.IdxFiles f) {
            return IdxReader.imagesHeader(Input.of("images", f.images(), opener)).dataBytes()
                    + (f.testImages() == null ? 0 : IdxReader.imagesHeader(Input.of("test_images", f.testImages(), opener)).dataBytes());
        }
        if (source instanceof DatasetSource.TableFile t) {
            return tableBytes(t, "path", t.path()) + (t.testPath() == null ? 0 : tableBytes(t, "test_path", t.testPath()));
        }
        throw new IllegalArgumentException("generated datasets are made per run: " + source.name());
    }

    /**
     * Reads the dataset.
     *
     * @param budget the most bytes train and test may take together
     * @return train (and test, when the source has test files) with every file's provenance
     * @throws UserInputException one line naming the file and place of the first problem, or the size
     * @throws IllegalArgumentException for a generated dataset
     */
    public LoadedDataset load(DatasetSource source, MemoryBudget budget) {
        budget.check(source.name(), estimateBytes(source));
        LoadedDataset loaded;
        if (source instanceof DatasetSource.DigitsData) {
            ReadResult r = Digits.read();
            loaded = new LoadedDataset(Digits.NAME, r.data(), null, r.files());
        } else if (source instanceof DatasetSource.MnistData) {
            loaded = mnist.load(budget);
        } else if (source instanceof DatasetSource.IdxFiles f) {
            loaded = idx(f);
        } else if (source instanceof DatasetSource.TableFile t) {
            loaded = table(t, budget);
        } else {
            throw new IllegalArgumentException("generated datasets are made per run: " + source.name());
        }
        budget.check(source.name(), loaded.bytes());
        Classes.requireTwo(loaded.train(), labelsPath(loaded));
        return loaded;
    }

    private LoadedDataset idx(DatasetSource.IdxFiles f) {
        ReadResult train = IdxReader.read(Input.of("images", f.images(), opener), Input.of("labels", f.labels(), opener));
        if (f.testImages() == null) {
            return new LoadedDataset(f.name(), train.data(), null, train.files());
        }
        ReadResult test = IdxReader.read(Input.of("test_images", f.testImages(), opener),
                Input.of("test_labels", f.testLabels(), opener));
        LabeledData testData = Classes.alignTest(train.data(), test.data(), f.testImages(), f.testLabels());
        return new LoadedDataset(f.name(), train.data(), testData, concat(train, test));
    }

    private LoadedDataset table(DatasetSource.TableFile t, MemoryBudget budget) {
        ReadResult train = readTable(t, "path", t.path(), budget);
        if (t.testPath() == null) {
            return new LoadedDataset(t.name(), train.data(), null, train.files());
        }
        ReadResult test = readTable(t, "test_path", t.testPath(), budget);
        LabeledData testData = Classes.alignTest(train.data(), test.data(), t.testPath());
        return new LoadedDataset(t.name(), train.data(), testData, concat(train, test));
    }

    private ReadResult readTable(DatasetSource.TableFile t, String role, String path, MemoryBudget budget) {
        return switch (t.format()) {
            case CSV -> CsvTableReader.read(Input.of(role, path, opener), t.header(), t.label(), t.name(), budget);
            case PARQUET -> parquet().read(role, path, t.label(), t.name(), budget);
        };
    }

    private long tableBytes(DatasetSource.TableFile t, String role, String path) {
        return switch (t.format()) {
            case CSV -> {
                long size;
                try {
                    size = opener.size(path);
                } catch (IOException e) {
                    throw DataErrors.io(path, e);
                }
                yield CsvTableReader.estimateBytes(Input.of(role, path, opener), size, t.header());
            }
            case PARQUET -> parquet().estimateBytes(path, t.label());
        };
    }

    private TableReader parquet() {
        if (parquet == null) {
            throw new IllegalStateException("this loader has no Parquet reader (Parquet tables are read by the Spark job)");
        }
        return parquet;
    }

    /** The file whose labels the training data came from (named when there is one class only). */
    private static String labelsPath(LoadedDataset d) {
        return d.files().stream().filter(f -> f.role().equals("labels") || f.role().equals("path") || f.role().equals("builtin"))
                .map(DataFile::path).findFirst().orElse(d.name());
    }

    private static List<DataFile> concat(ReadResult a, ReadResult b) {
        List<DataFile> all = new ArrayList<>(a.files());
        all.addAll(b.files());
        return all;
    }
}
