package org.initsweep.core.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.initsweep.core.UserInputException;

/**
 * Seeded, stratified selections of rows, as pure functions of (data, size, seed): the same arguments
 * give the same rows on every JVM ({@link SplittableRandom}'s stream is specified by the JDK). Both
 * work class by class, so every class keeps its share; rows come out in their original order.
 *
 * <p>Within class c (classes in index order, one stream for all of them) the class's row indices, in
 * ascending order, are shuffled by Fisher–Yates (Knuth, TAOCP vol. 2, Algorithm 3.4.2P, drawing
 * {@code nextInt(i + 1)} for i from the last index down to 1), and a prefix is taken.
 */
public final class Splits {

    private Splits() {
    }

    /**
     * The test examples a generated dataset of {@code samples} training examples gets with {@code testFraction}
     * f: round(samples/(1 − f)) − samples, so that the test set is the share f of all drawn and the training set
     * exactly {@code samples}. A long: f near 1 asks for more than an int holds (the spec reader refuses that).
     *
     * @param testFraction f in (0, 1)
     */
    public static long generatedTestCount(int samples, double testFraction) {
        return Math.round(samples / (1 - testFraction)) - samples;
    }

    /**
     * How many examples {@link #stratifiedSplit} holds out, whatever the seed: the sum over classes of
     * round(testFraction · n_c), halves up, at most n_c − 1.
     *
     * @param data         all examples
     * @param testFraction fraction held out, in (0, 1)
     */
    public static int testCount(LabeledData data, double testFraction) {
        int tests = 0;
        for (int n : data.classCounts()) {
            tests += testShare(n, testFraction);
        }
        return tests;
    }

    /** The test examples of a class of {@code n}: round(f·n), halves up, leaving at least one for training. */
    private static int testShare(int n, double testFraction) {
        return (int) Math.max(0, Math.min(n - 1L, (long) Math.floor(testFraction * n + 0.5)));
    }

    /**
     * Splits off a stratified test set: class c of n_c examples gives round(testFraction · n_c) of them
     * (halves rounded up) to the test set, but at most n_c − 1, so every class keeps at least one
     * training example.
     *
     * @param data         all examples
     * @param testFraction fraction held out, in (0, 1)
     * @param seed         split seed
     * @return train and test, each a new dataset with the classes of {@code data}
     * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1)
     * @throws UserInputException       if the test set would be empty
     */
    public static TrainTest stratifiedSplit(LabeledData data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        int[][] byClass = shuffledByClass(data, new SplittableRandom(Datasets.mix(seed, "test_split")));
        int[] quota = new int[byClass.length];
        int tests = 0;
        for (int c = 0; c < byClass.length; c++) {
            quota[c] = testShare(byClass[c].length, testFraction);
            tests += quota[c];
        }
        if (tests == 0) {
            throw new UserInputException(String.format(Locale.ROOT,
                    "test_fraction %s of %d examples leaves no test example", testFraction, data.samples()));
        }
        return split(data, byClass, quota, tests);
    }

    /**
     * Splits off a stratified test set of exactly {@code tests} examples: the classes' shares by Hamilton's
     * largest-remainder method as in {@link #stratifiedSubset}, each at most n_c − 1 (a class's excess goes to
     * the classes with room, largest remainders first), from the same shuffled rows as
     * {@link #stratifiedSplit(LabeledData, double, long)}. For data drawn to size, whose training set must be
     * the size asked.
     *
     * @param data  all examples
     * @param tests examples held out, in [1, n − K] (every one of the K classes keeps a training example)
     * @param seed  split seed
     * @return train and test, each a new dataset with the classes of {@code data}
     * @throws IllegalArgumentException if {@code tests} is out of that range
     */
    public static TrainTest stratifiedSplit(LabeledData data, int tests, long seed) {
        int[][] byClass = shuffledByClass(data, new SplittableRandom(Datasets.mix(seed, "test_split")));
        int room = 0;
        for (int[] rows : byClass) {
            room += Math.max(0, rows.length - 1);
        }
        if (tests < 1 || tests > room) {
            throw new IllegalArgumentException("tests must be in [1, " + room + "] for " + data.samples()
                    + " examples in " + byClass.length + " classes, got " + tests);
        }
        return split(data, byClass, apportion(byClass, tests, data.samples(), true), tests);
    }

    /** The first quota[c] rows of each shuffled class to the test set, the rest to training, in row order. */
    private static TrainTest split(LabeledData data, int[][] byClass, int[] quota, int tests) {
        boolean[] test = prefixes(data.samples(), byClass, quota);
        return new TrainTest(data.rows(rowsWhere(test, false, data.samples() - tests)),
                data.rows(rowsWhere(test, true, tests)));
    }

    /** Marks the first quota[c] shuffled rows of each class c among n rows. */
    private static boolean[] prefixes(int n, int[][] byClass, int[] quota) {
        boolean[] marked = new boolean[n];
        for (int c = 0; c < byClass.length; c++) {
            for (int i = 0; i < quota[c]; i++) {
                marked[byClass[c][i]] = true;
            }
        }
        return marked;
    }

    /** The {@code count} row indices whose mark is {@code value}, ascending. */
    private static int[] rowsWhere(boolean[] marked, boolean value, int count) {
        int[] rows = new int[count];
        for (int i = 0, r = 0; i < marked.length; i++) {
            if (marked[i] == value) {
                rows[r++] = i;
            }
        }
        return rows;
    }

    /**
     * A stratified subset of {@code samples} rows: class c of n_c examples (n in all) gets
     * ⌊samples · n_c / n⌋ rows, and the rows left over go one each to the classes with the largest
     * remainders (ties to the lower class index), Hamilton's largest-remainder method. So each class's
     * share is within one row of proportional.
     *
     * @param data    the training examples
     * @param samples rows wanted, ≥ 1
     * @param seed    subset seed: runs with one seed see the same subset
     * @return {@code data} itself if {@code samples} equals its size, else a new dataset
     * @throws IllegalArgumentException if {@code samples < 1}
     * @throws UserInputException       if {@code samples} exceeds the examples available
     */
    public static LabeledData stratifiedSubset(LabeledData data, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be ≥ 1, got " + samples);
        }
        int n = data.samples();
        if (samples > n) {
            throw new UserInputException(String.format(Locale.ROOT,
                    "samples %d is more than the %d training examples of the dataset", samples, n));
        }
        if (samples == n) {
            return data;
        }
        int[][] byClass = shuffledByClass(data, new SplittableRandom(Datasets.mix(seed, "subset")));
        boolean[] chosen = prefixes(n, byClass, apportion(byClass, samples, n, false));
        return data.rows(rowsWhere(chosen, true, samples));
    }

    /**
     * Hamilton's largest-remainder shares of {@code count} among the classes (⌊count·n_c/n⌋, then one more to
     * the largest remainders, ties to the lower class index); with {@code keepOne} no class gives more than
     * n_c − 1, its excess going on down that order to classes with room. The caller ensures there is room.
     */
    private static int[] apportion(int[][] byClass, int count, int n, boolean keepOne) {
        int k = byClass.length;
        int[] quota = new int[k];
        long[] remainder = new long[k];
        int given = 0;
        for (int c = 0; c < k; c++) {
            long scaled = (long) count * byClass[c].length;
            quota[c] = (int) (scaled / n);
            remainder[c] = scaled % n;
            given += quota[c];
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> remainder[a] != remainder[b] ? Long.compare(remainder[b], remainder[a])
                : Integer.compare(a, b));
        for (int i = 0; given < count; i++) {
            quota[order[i % k]]++;
            given++;
        }
        if (keepOne) {
            int excess = 0;
            for (int c = 0; c < k; c++) {
                int cap = Math.max(0, byClass[c].length - 1);
                excess += Math.max(0, quota[c] - cap);
                quota[c] = Math.min(quota[c], cap);
            }
            for (int i = 0; excess > 0; i++) {
                int c = order[i % k];
                if (quota[c] < byClass[c].length - 1) {
                    quota[c]++;
                    excess--;
                }
            }
        }
        return quota;
    }

    /** Row indices of each class, ascending, then shuffled in place class by class from one stream. */
    private static int[][] shuffledByClass(LabeledData data, SplittableRandom rng) {
        int[] counts = data.classCounts();
        int[][] byClass = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] fill = new int[counts.length];
        int[] y = data.y();
        for (int i = 0; i < y.length; i++) {
            byClass[y[i]][fill[y[i]]++] = i;
        }
        for (int[] rows : byClass) {
            for (int i = rows.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
        }
        return byClass;
    }
}
