package org.initsweep.spark.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.UserInputException;
import org.initsweep.core.data.DataDir;
import org.initsweep.core.data.DataShape;
import org.initsweep.core.data.DatasetLoader;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.data.LoadedDataset;
import org.initsweep.core.data.MemoryBudget;
import org.initsweep.core.data.Splits;
import org.initsweep.core.spec.Preflight;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.train.RunDatasets;
import org.initsweep.core.train.Trainer;

/**
 * A sweep's real datasets, read once on the driver (through Hadoop's FileSystem, so any URI the cluster
 * reads) before the job starts, checked against the spec, and handed to the tasks in one broadcast
 * ({@link #datasets()}). Generated datasets need nothing here: every task draws them itself.
 *
 * @param datasets the loaded datasets by name, for the tasks
 */
public record SweepData(RunDatasets datasets) {

    /** A spec of generated datasets only. */
    public static final SweepData GENERATED = new SweepData(RunDatasets.GENERATED);

    /**
     * Reads every real dataset of the spec and checks the spec's sizes against it.
     *
     * @param spec    the sweep
     * @param dataDir {@code --data-dir}, or null for {@code INITSWEEP_DATA} or the default
     * @param spark   the session for Parquet tables (asked for only if the spec has one) and Hadoop's
     *                configuration; null to read local files without Spark
     * @param budget  the bytes the driver may hold for the data
     * @throws UserInputException for missing or malformed files (said after the spec entry that names them:
     *                            {@code datasets[0] (mine): /d/mine.csv: no such file}), data beyond the budget,
     *                            or a {@code samples}/{@code batch_size} the data cannot give
     */
    public static SweepData load(SweepSpec spec, String dataDir, Supplier<SparkSession> spark, MemoryBudget budget) {
        return load(spec, dataDir, spark, budget, source -> true, org.initsweep.core.data.PathOpener.local());
    }

    /**
     * The spec's datasets as {@code initsweep validate} reads them, without Spark: built-in data and csv or idx
     * files at local paths, read and checked as {@link #load} does; a parquet table or a file on another file
     * system (Spark's Hadoop reads those when the sweep runs) is left unread.
     *
     * @return the data read, and the index in the spec's {@code datasets} of each dataset left unread
     * @throws UserInputException as {@link #load}, for the datasets it reads
     */
    public static Local loadWithoutSpark(SweepSpec spec, String dataDir, MemoryBudget budget) {
        List<Integer> unread = new ArrayList<>();
        for (int i = 0; i < spec.datasets().size(); i++) {
            if (!readsWithoutSpark(spec.datasets().get(i))) {
                unread.add(i);
            }
        }
        // Hadoop's local file system, as the run reads the same paths: one verdict on every path
        return new Local(load(spec, dataDir, null, budget, SweepData::readsWithoutSpark,
                new HadoopPathOpener(new org.apache.hadoop.conf.Configuration())), List.copyOf(unread));
    }

    /** The datasets read for the run, for its analysis's charts. */
    public org.initsweep.analysis.RealDatasets forAnalysis() {
        return name -> {
            LoadedDataset d = datasets.loaded().get(name);
            if (d == null) {
                throw new UserInputException("its data were not read for this run");
            }
            return d;
        };
    }

    /**
     * A sweep's real datasets read again, each when the analysis first asks for it, from the spec the sweep
     * wrote (paths as the run read them; MNIST from the default data directory).
     *
     * @param specJson the sweep's {@code spec.json}, read on the first request; a failure to read or parse it
     *                 is the reason every dataset gives
     */
    public static org.initsweep.analysis.RealDatasets readAgain(java.util.function.Supplier<SweepSpec> specJson,
            SparkSession spark, MemoryBudget budget) {
        return name -> {
            DatasetSource source = specJson.get().datasets().stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow(() -> new UserInputException("is not in the sweep's spec.json"));
            try {
                return DatasetLoader.of(HadoopPathOpener.of(spark), DataDir.resolve(null).path(),
                        new ParquetTableReader(spark)).load(source, budget);
            } catch (UserInputException e) {
                // spec.json keeps the path as the user wrote it: run read it from where run was started
                boolean relative = source.files().stream().anyMatch(p -> !p.contains(":") && !Path.of(p).isAbsolute());
                throw relative ? new UserInputException(e.getMessage() + "; a relative path is read from where analyze"
                        + " runs, " + Path.of("").toAbsolutePath() + ", and run read it from where run ran", e) : e;
            }
        };
    }

    /**
     * {@link #loadWithoutSpark}'s answer.
     *
     * @param data   the datasets read
     * @param unread the index in the spec's {@code datasets} of each dataset left for the run to read
     */
    public record Local(SweepData data, List<Integer> unread) {
    }

    /**
     * Whether a dataset is read without Spark: it is no parquet table, and every file it names is on the local
     * file system as Hadoop reads the path (a path Hadoop refuses counts as local: reading it says why).
     */
    public static boolean readsWithoutSpark(DatasetSource source) {
        return !(source instanceof DatasetSource.TableFile t && t.format() == DatasetSource.TableFormat.PARQUET)
                && source.files().stream().allMatch(SweepData::isLocal);
    }

    private static boolean isLocal(String path) {
        try {
            String scheme = HadoopPathOpener.path(path).toUri().getScheme();
            return scheme == null || scheme.equals("file");
        } catch (UserInputException e) {
            return true;
        }
    }

    /** Reads the spec's real datasets that {@code read} accepts and checks the spec's sizes against them. */
    private static SweepData load(SweepSpec spec, String dataDir, Supplier<SparkSession> spark, MemoryBudget budget,
            java.util.function.Predicate<DatasetSource> read, org.initsweep.core.data.PathOpener withoutSpark) {
        Map<String, LoadedDataset> loaded = new LinkedHashMap<>();
        Path dir = DataDir.resolve(dataDir).path();
        DatasetLoader loader = null;
        for (int i = 0; i < spec.datasets().size(); i++) {
            DatasetSource source = spec.datasets().get(i);
            if (source instanceof DatasetSource.Generated || !read.test(source)) {
                continue;
            }
            if (loader == null) {
                SparkSession session = spark == null ? null : spark.get();
                loader = DatasetLoader.of(session == null ? withoutSpark : HadoopPathOpener.of(session), dir, session == null ? null : new ParquetTableReader(session));
            }
            try {
                loaded.put(source.name(), loader.load(source, budget));
            } catch (UserInputException e) {
                // the file's own line names the file; this names the spec entry that asked for it
                throw new UserInputException("datasets[" + i + "] (" + source.name() + "): " + e.getMessage(), e);
            }
        }
        SweepData data = new SweepData(new RunDatasets(loaded));
        data.check(spec);
        return data;
    }

    /**
     * The shape each real dataset gives a run of this spec: its features, classes, and the training and
     * test examples after the split ({@code test_fraction}, default {@value RunDatasets#DEFAULT_TEST_FRACTION})
     * and the {@code samples} subset (the split rounds per class; this counts the whole set).
     */
    public Preflight.Shapes shapes(SweepSpec spec) {
        return (source, width) -> {
            DataShape all = available(spec, datasets.loaded().get(source.name()));
            return new DataShape(all.features(), spec.samples() > 0 ? spec.samples() : all.trainSamples(),
                    all.testSamples(), all.classes());
        };
    }

    /** Training and test examples after the test split (the dataset's own test set where it has one). */
    private static DataShape available(SweepSpec spec, LoadedDataset d) {
        int all = d.train().samples();
        int test = d.hasTest() ? d.test().samples()
                : Splits.testCount(d.train(), RunDatasets.heldOut(spec.testFraction()));
        return new DataShape(d.train().features(), d.hasTest() ? all : all - test, test, d.train().classes());
    }

    /** Refuses sizes the data cannot give, naming the field and the dataset, before any run starts. */
    private void check(SweepSpec spec) {
        for (LoadedDataset d : datasets.loaded().values()) {
            DataShape shape = available(spec, d);
            if (!d.hasTest() && shape.testSamples() == 0) {
                int smallest = java.util.Arrays.stream(d.train().classCounts()).min().orElse(0);
                if (java.util.Arrays.stream(d.train().classCounts()).max().orElse(0) < 2) {
                    throw new UserInputException("dataset " + d.name() + ": each of its " + d.train().classes()
                            + " classes has one example, which training keeps, so no test_fraction gives a test"
                            + " example: give more examples per class, or a test file");
                }
                throw new UserInputException("test_fraction: "
                        + org.initsweep.core.Quantities.number(RunDatasets.heldOut(spec.testFraction()))
                        + (spec.testFraction() == null ? " (the default)" : "") + " of dataset " + d.name() + "'s "
                        + d.train().samples() + " examples leaves no test example (its smallest class has " + smallest
                        + "; a class gives round(test_fraction · its size) and keeps one): raise test_fraction or give"
                        + " more examples");
            }
            int available = shape.trainSamples();
            if (spec.samples() > available) {
                throw new UserInputException("samples: " + spec.samples() + " training examples asked of dataset "
                        + d.name() + ", which has " + available + (d.hasTest() ? "" : " after its test split"));
            }
            int n = spec.samples() > 0 ? spec.samples() : available;
            if (spec.batchSize() > n) {
                throw new UserInputException("batch_size: " + spec.batchSize() + " is more than the " + n
                        + " training examples of dataset " + d.name());
            }
            if ((spec.batchSize() == 0 || spec.batchSize() >= n) && n > Trainer.MAX_PASS_ROWS && spec.epochs() > 0) {
                throw new UserInputException("batch_size: full-batch training over the " + n + " examples of dataset "
                        + d.name() + " would hold them all in one pass; give a batch_size of at most "
                        + Trainer.MAX_PASS_ROWS);
            }
        }
    }
}
