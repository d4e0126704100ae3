package org.initsweep.analysis.trainability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.initsweep.core.spec.TargetAccuracy;
import org.initsweep.core.spec.TargetSplit;

/**
 * Summarizes runs into grid cells ({@link CellResult}) and decides the target accuracy. Pure
 * functions of their arguments.
 *
 * <p>Definitions: a cell's accuracies are means over its runs that did not diverge; the spread is
 * the sample standard deviation (n − 1) and the min/max of the same runs. Its learning curve is the
 * mean accuracy on the judged split ({@link TargetSplit}) per epoch over the runs that reached that
 * epoch, and {@code epochs_to_target} the first epoch (0 = at initialization) at which that mean curve
 * is ≥ the target. Each dataset has its own default target ({@link #targets}): a sweep over xor and
 * digits judges digits against what digits can reach.
 */
public final class CellStatistics {

    /** The default target is this fraction of the best cell's mean accuracy on the judged split, per dataset. */
    public static final double DEFAULT_TARGET_FRACTION = 0.9;

    private CellStatistics() {
    }

    /**
     * The target accuracy: the spec's, or {@value #DEFAULT_TARGET_FRACTION} × the best cell's mean
     * final accuracy on {@code split}.
     *
     * @param specTarget the spec's {@code target_accuracy}, in (0, 1], or null
     * @param runs       the sweep's runs
     * @param split      the split judged
     * @return the target, a fraction; NaN when there is no spec target and no cell has an accuracy on the split
     */
    public static double target(Double specTarget, List<RunOutcome> runs, TargetSplit split) {
        if (specTarget != null) {
            return specTarget;
        }
        double best = Double.NaN;
        for (CellResult c : summarize(runs, Double.NaN, split)) {
            double a = c.judgedAccuracy();
            if (!Double.isNaN(a) && !(a <= best)) {
                best = a;
            }
        }
        return DEFAULT_TARGET_FRACTION * best;
    }

    /**
     * The target accuracy of each dataset: the spec's for it, else {@link #target} over that dataset's runs
     * alone — 0.9 × the best digits cell for digits, whatever a sweep also reaches on an easier dataset.
     *
     * @param specTarget   the spec's {@code target_accuracy} (for all datasets or some), or null
     * @param runs         the sweep's runs
     * @param split        the split judged
     * @param datasetIndex where the dataset is in a cell key
     * @return dataset → target (NaN for a dataset none of whose cells has an accuracy on {@code split}), in the
     *         order the datasets first appear in {@code runs}
     */
    public static Map<Object, Double> targets(TargetAccuracy specTarget, List<RunOutcome> runs, TargetSplit split,
            int datasetIndex) {
        Map<Object, List<RunOutcome>> byDataset = new LinkedHashMap<>();
        for (RunOutcome r : runs) {
            byDataset.computeIfAbsent(r.cell().get(datasetIndex), k -> new ArrayList<>()).add(r);
        }
        Map<Object, Double> out = new LinkedHashMap<>();
        byDataset.forEach((dataset, of) -> out.put(dataset,
                target(specTarget == null ? null : specTarget.of(String.valueOf(dataset)), of, split)));
        return out;
    }

    /**
     * One result per cell, all judged against one target.
     *
     * @see #summarize(List, ToDoubleFunction, TargetSplit)
     */
    public static List<CellResult> summarize(List<RunOutcome> runs, double target, TargetSplit split) {
        return summarize(runs, cell -> target, split);
    }

    /**
     * One result per cell, in the order the cells first appear in {@code runs}.
     *
     * @param runs   the runs, any order
     * @param target each cell key's target accuracy (NaN: no epoch reaches it)
     * @param split  the split whose curves are averaged and compared with the target
     * @return the cells
     */
    public static List<CellResult> summarize(List<RunOutcome> runs, ToDoubleFunction<List<Object>> target,
            TargetSplit split) {
        Map<List<Object>, List<RunOutcome>> byCell = new LinkedHashMap<>();
        for (RunOutcome r : runs) {
            byCell.computeIfAbsent(r.cell(), k -> new ArrayList<>()).add(r);
        }
        List<CellResult> out = new ArrayList<>(byCell.size());
        for (Map.Entry<List<Object>, List<RunOutcome>> e : byCell.entrySet()) {
            out.add(cell(e.getKey(), e.getValue(), target.applyAsDouble(e.getKey()), split));
        }
        return out;
    }

    private static CellResult cell(List<Object> key, List<RunOutcome> runs, double target, TargetSplit split) {
        List<Double> train = new ArrayList<>();
        List<Double> test = new ArrayList<>();
        int diverged = 0;
        int epochs = 0;
        double lossSum = 0;
        int lossCount = 0;
        int reached = 0;
        List<double[]> curves = new ArrayList<>(runs.size());
        for (RunOutcome r : runs) {
            if (r.diverged()) {
                diverged++;
            } else {
                if (!Double.isNaN(r.trainAccuracy())) {
                    train.add(r.trainAccuracy());
                }
                if (!Double.isNaN(r.testAccuracy())) {
                    test.add(r.testAccuracy());
                }
            }
            double[] curve = r.accuracyByEpoch(split);
            curves.add(curve);
            epochs = Math.max(epochs, curve.length);
            if (!Double.isNaN(r.lossAfterFirstEpoch())) {
                lossSum += r.lossAfterFirstEpoch();
                lossCount++;
            }
            for (double a : curve) {
                if (a >= target) {
                    reached++;
                    break;
                }
            }
        }
        double[] mean = new double[epochs];
        Integer first = null;
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            int n = 0;
            for (double[] curve : curves) {
                if (e < curve.length && !Double.isNaN(curve[e])) {
                    sum += curve[e];
                    n++;
                }
            }
            mean[e] = n == 0 ? Double.NaN : sum / n;
            if (first == null && mean[e] >= target) {
                first = e;
            }
        }
        return new CellResult(key, runs.size(), diverged, mean(train), std(train), mean(test), std(test),
                test.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                test.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                mean, first, reached, lossCount == 0 ? Double.NaN : lossSum / lossCount, split, target);
    }

    /** Arithmetic mean, NaN for none. */
    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation with n − 1, NaN for fewer than two values. */
    static double std(List<Double> v) {
        if (v.size() < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.size() - 1));
    }
}
