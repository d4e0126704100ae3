package org.initsweep.core.data;

/**
 * Reads a table format sweep-core does not read itself: Parquet, which the Spark job reads with
 * {@code spark.read().parquet} and hands to {@link DatasetLoader} through this interface. An
 * implementation checks and reports as {@link CsvTableReader} does (through {@link TableBuilder}).
 */
public interface TableReader {

    /**
     * Bytes the table takes in memory ({@link LabeledData#bytes(long, long)}), from metadata, without
     * reading the data.
     *
     * @param path        the table as the user wrote it
     * @param labelColumn the label column
     * @throws org.initsweep.core.UserInputException if the table cannot be opened
     */
    long estimateBytes(String path, String labelColumn);

    /**
     * Reads the table.
     *
     * @param role        the spec field naming it ({@code path} or {@code test_path})
     * @param path        the table as the user wrote it
     * @param labelColumn the label column
     * @param dataset     the dataset's name (for the memory refusal)
     * @param budget      the most bytes the data may take
     * @throws org.initsweep.core.UserInputException naming the file, row and column of the first defect
     */
    ReadResult read(String role, String path, String labelColumn, String dataset, MemoryBudget budget);
}
