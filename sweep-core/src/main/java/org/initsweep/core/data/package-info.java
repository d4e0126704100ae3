/**
 * Training data: seeded generated sets, and real data read once per sweep.
 *
 * <ul>
 *   <li>Generated: the Gaussian-input teacher task of the article's assumptions and the 2-D toy sets
 *       (circles, moons, spiral, xor, blobs), normalized per feature ({@link org.initsweep.core.data.Datasets}).</li>
 *   <li>Real: a spec's {@link org.initsweep.core.data.DatasetSource} ({@code digits} shipped in the jar,
 *       {@code mnist} from the data directory, IDX files, CSV or Parquet tables), read by
 *       {@link org.initsweep.core.data.DatasetLoader} into {@link org.initsweep.core.data.LabeledData}
 *       (features {@code [samples, features]} float32, class indices) with the SHA-256 of every file
 *       read; files open through a {@link org.initsweep.core.data.PathOpener} (local here, Hadoop's
 *       FileSystem in the Spark job). Each source estimates and reads itself; a table format carries its
 *       reader ({@code DatasetSource.TableFormat}); so a new file format is one source record (or table
 *       format) and one line of {@code DatasetSourceParser}'s format table.
 *       {@link org.initsweep.core.data.MnistFetcher} downloads MNIST.</li>
 *   <li>Then, as pure functions: a seeded stratified test split and training subset
 *       ({@link org.initsweep.core.data.Splits}) and per-feature preprocessing fitted on the training split
 *       ({@link org.initsweep.core.data.Preprocessing}).</li>
 * </ul>
 * Bad data are a {@link org.initsweep.core.UserInputException} of one line naming the file and the place
 * (byte offset, line and column, row).
 */
package org.initsweep.core.data;
