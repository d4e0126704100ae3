package org.initsweep.core.data;

import java.io.IOException;
import java.nio.file.Path;
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

    /**
     * Where a dataset's files are opened, as each {@link DatasetSource} reads itself through it.
     *
     * @param opener        opens the paths of IDX and CSV datasets
     * @param mnist         MNIST's cache
     * @param parquetReader reads Parquet tables; null where there is none
     */
    public record Files(PathOpener opener, MnistStore mnist, TableReader parquetReader) {

        /** A file named by a spec field ({@code images}, {@code path}, …). */
        Input input(String role, String path) {
            return Input.of(role, path, opener);
        }

        /** The file's length in bytes. */
        long size(String path) {
            try {
                return opener.size(path);
            } catch (IOException e) {
                throw DataErrors.io(path, e);
            }
        }

        /** The Parquet reader, which only the Spark job has. */
        TableReader parquet() {
            if (parquetReader == null) {
                throw new IllegalStateException("this loader has no Parquet reader (Parquet tables are read by the Spark job)");
            }
            return parquetReader;
        }
    }

    private final Files files;

    /**
     * @param opener  opens the paths of IDX and CSV datasets
     * @param mnist   MNIST's cache ({@link Mnist#store(Path)})
     * @param parquet reads Parquet tables; null where there is none (a Parquet dataset is then refused)
     */
    public DatasetLoader(PathOpener opener, MnistStore mnist, TableReader parquet) {
        this.files = new Files(opener, mnist, parquet);
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
        return source.estimateBytes(files);
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
        LoadedDataset loaded = source.read(files, budget);
        budget.check(source.name(), loaded.bytes());
        Classes.requireTwo(loaded.train(), labelsPath(loaded));
        return loaded;
    }

    /** The file whose labels the training data came from (named when there is one class only). */
    private static String labelsPath(LoadedDataset d) {
        return d.files().stream().filter(f -> f.role().equals("labels") || f.role().equals("path") || f.role().equals("builtin"))
                .map(DataFile::path).findFirst().orElse(d.name());
    }
}
