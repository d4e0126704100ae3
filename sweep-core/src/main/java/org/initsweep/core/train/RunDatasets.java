package org.initsweep.core.train;

import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.initsweep.core.SystemProperties;
import org.initsweep.core.UserInputException;
import org.initsweep.core.data.DataShape;
import org.initsweep.core.data.Dataset;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.data.Datasets;
import org.initsweep.core.data.FeatureTransform;
import org.initsweep.core.data.LabeledData;
import org.initsweep.core.data.LoadedDataset;
import org.initsweep.core.data.Preprocessing;
import org.initsweep.core.data.Splits;
import org.initsweep.core.data.TrainTest;
import org.initsweep.core.spec.RunSpec;

/**
 * Turns a run's dataset into the examples it trains on ({@link RunData}): generated data are drawn
 * from (dataset, samples, width, seed); real data come from the datasets read once for the sweep
 * ({@link LoadedDataset}, by name) and are split (a dataset without its own test split loses
 * {@code test_fraction}, default {@value #DEFAULT_TEST_FRACTION}, stratified), subset (a stratified
 * {@code samples} of the training split) and scaled ({@link Preprocessing}, statistics of the training
 * split). Split and subset are seeded by the run's seed, so runs of one seed see the same examples.
 *
 * <p>Generated data without a test split and with standardization are exactly what earlier versions
 * trained on ({@link Datasets#generate}, scaled over all examples). With {@code test_fraction},
 * {@code samples}/(1 − f) examples are drawn (rounded), of which the fraction f is held out.
 *
 * <p>Prepared data are kept per JVM (a least-recently-used map of up to {@link #CACHE_BYTES} bytes),
 * so runs of one seed on an executor prepare them once.
 */
public final class RunDatasets implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Test share of real data that come without a test split, unless the spec gives one. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    /** The share a split holds out of data without a test set of their own: the spec's, else the default. */
    public static double heldOut(Double testFraction) {
        return testFraction != null ? testFraction : DEFAULT_TEST_FRACTION;
    }

    /** System property: {@link #CACHE_BYTES}. */
    static final String CACHE_BYTES_PROPERTY = "initsweep.dataCacheBytes";

    /** Bytes of prepared data kept per JVM: {@code initsweep.dataCacheBytes}, default 768 MiB. */
    static final long CACHE_BYTES = SystemProperties.integer(CACHE_BYTES_PROPERTY, 768L << 20, 0);

    private static final Map<Object, RunData> CACHE = new LinkedHashMap<>(16, 0.75f, true);
    private static long cachedBytes;

    /** Generated data only. */
    public static final RunDatasets GENERATED = new RunDatasets(Map.of());

    private final Map<String, LoadedDataset> loaded;

    /** @param loaded the sweep's real datasets by name */
    public RunDatasets(Map<String, LoadedDataset> loaded) {
        this.loaded = Map.copyOf(loaded);
    }

    /** The real datasets by name. */
    public Map<String, LoadedDataset> loaded() {
        return loaded;
    }

    /**
     * The size of a run's data without preparing them (for cost estimates): split and subset counted on
     * the whole set, not per class.
     */
    public DataShape shape(RunSpec run) {
        if (run.dataset() instanceof DatasetSource.Generated g) {
            int test = run.testFraction() == null ? 0
                    : (int) Splits.generatedTestCount(run.samples(), run.testFraction());
            return new DataShape(g.kind().inputDim(run.width()), run.samples(), test, 2);
        }
        LoadedDataset d = loaded.get(run.dataset().name());
        if (d == null) {
            throw new IllegalStateException("dataset " + run.dataset().name() + " was not loaded for this sweep");
        }
        int all = d.train().samples();
        double f = heldOut(run.testFraction());
        int test = d.hasTest() ? d.test().samples() : (int) Math.round(f * all);
        int train = run.samples() > 0 ? run.samples() : d.hasTest() ? all : all - test;
        return new DataShape(d.train().features(), train, test, d.train().classes());
    }

    /**
     * The run's examples.
     *
     * @throws IllegalStateException if the run's real dataset was not loaded (a bug of the caller)
     * @throws UserInputException    if {@code samples} exceeds the training examples available, or a
     *                               split leaves no test example
     */
    public RunData of(RunSpec run) {
        if (run.dataset() instanceof DatasetSource.Generated g) {
            return generated(g.kind(), run.samples(), run.width(), run.seed(), run.testFraction(),
                    run.preprocessing());
        }
        LoadedDataset data = loaded.get(run.dataset().name());
        if (data == null) {
            throw new IllegalStateException("dataset " + run.dataset().name() + " was not loaded for this sweep");
        }
        Object key = java.util.List.of(run.dataset().name(), run.seed(), run.samples(),
                String.valueOf(run.testFraction()), run.preprocessing(), data.sha256());
        synchronized (CACHE) {
            RunData hit = CACHE.get(key);
            if (hit != null) {
                return hit;
            }
        }
        RunData prepared = prepared(data, run.seed(), run.samples(), run.testFraction(), run.preprocessing());
        synchronized (CACHE) {
            long bytes = prepared.train().bytes() + (prepared.test() == null ? 0 : prepared.test().bytes());
            if (bytes <= CACHE_BYTES) {
                CACHE.put(key, prepared);
                cachedBytes += bytes;
                for (Iterator<Map.Entry<Object, RunData>> it = CACHE.entrySet().iterator();
                        cachedBytes > CACHE_BYTES && it.hasNext(); ) {
                    RunData old = it.next().getValue();
                    cachedBytes -= old.train().bytes() + (old.test() == null ? 0 : old.test().bytes());
                    it.remove();
                }
            }
        }
        return prepared;
    }

    /**
     * A real dataset's examples as a run trains on them: split by {@code testFraction} where the dataset has no
     * test set of its own, subset to {@code samples}, then preprocessed with the training set's statistics.
     * Charts that redraw a run's points call this with the run's recorded values.
     *
     * @param data          the dataset as read
     * @param seed          the run's seed (split, subset)
     * @param samples       training examples; 0 or the split's count keeps them all
     * @param testFraction  the share held out, or null for {@value #DEFAULT_TEST_FRACTION}
     * @param preprocessing fit on the training examples, applied to both sets
     * @throws UserInputException if {@code samples} exceeds the training examples after the split
     */
    public static RunData prepared(LoadedDataset data, long seed, int samples, Double testFraction,
            Preprocessing preprocessing) {
        LabeledData train = data.train();
        LabeledData test = data.test();
        Double heldOut = null;
        if (test == null) {
            double f = heldOut(testFraction);
            heldOut = f;
            TrainTest split = Splits.stratifiedSplit(train, f, seed);
            train = split.train();
            test = split.test();
        }
        if (samples > 0 && samples != train.samples()) {
            if (samples > train.samples()) {
                throw new UserInputException("samples: " + samples + " training examples asked of dataset "
                        + data.name() + ", which has " + train.samples() + " after its test split");
            }
            train = Splits.stratifiedSubset(train, samples, seed);
        }
        FeatureTransform t = preprocessing.fit(train);
        return RunData.of(t.apply(train), t.apply(test), data.sha256(), heldOut);
    }

    /**
     * A generated dataset's examples as a run trains on them: {@code samples} drawn, or round(samples/(1 − f))
     * with the rest held out (stratified, exactly that many), then preprocessed with the training set's
     * statistics. Charts that redraw a run's points call this too.
     *
     * @param kind           the generated set
     * @param samples        training examples, ≥ 2
     * @param width          the first hidden width (the {@code gaussian} set's input dimension)
     * @param seed           the run's seed (data, split)
     * @param testFraction   f, or null for no test set
     * @param preprocessing  fit on the training examples, applied to both sets
     * @return the training set and the test set (null without f), preprocessed
     * @throws UserInputException if f draws no test example
     */
    public static RunData generated(DatasetKind kind, int samples, int width, long seed, Double testFraction,
            Preprocessing preprocessing) {
        if (testFraction == null && preprocessing == Preprocessing.STANDARDIZE) {
            Dataset d = Datasets.generate(kind, samples, width, seed);
            LabeledData train = new LabeledData(d.x(), d.labels(), d.samples(), d.dim(), new long[] {0, 1},
                    java.util.List.of());
            return new RunData(train, null, d.inputVariance(), null, null);
        }
        LabeledData all;
        LabeledData test = null;
        if (testFraction != null) {
            double f = testFraction;
            // the test set is the share f of all drawn, and the training set exactly samples (a full batch stays one)
            int total = samples + (int) Splits.generatedTestCount(samples, f);
            if (total == samples) {
                throw new UserInputException(String.format(java.util.Locale.ROOT,
                        "test_fraction %s of %d samples leaves no test example", f, samples));
            }
            TrainTest split = Splits.stratifiedSplit(Datasets.generateRaw(kind, total, width, seed), total - samples,
                    seed);
            all = split.train();
            test = split.test();
        } else {
            all = Datasets.generateRaw(kind, samples, width, seed);
        }
        FeatureTransform t = preprocessing.fit(all);
        return RunData.of(t.apply(all), test == null ? null : t.apply(test), null, testFraction);
    }
}
