package org.initsweep.analysis.trainability;

import java.io.Serializable;
import java.util.List;
import org.initsweep.core.spec.TargetSplit;

/**
 * One grid cell of the {@code trainability/} table: its runs' accuracies summarized over seeds.
 * Accuracies are fractions in [0, 1]; a diverged run has no accuracy and is counted in
 * {@code divergedRuns}, not in the means.
 *
 * @param cell               the cell's key values ({@link TrainabilityAnalysis#KEY_COLUMNS})
 * @param runs               runs (seeds) in the cell
 * @param divergedRuns       of those, runs that diverged (left out of the accuracy statistics)
 * @param trainAccuracy      mean final train accuracy over the runs that did not diverge (NaN if none)
 * @param trainAccuracyStd   sample standard deviation (n − 1) of the same; NaN with fewer than two
 * @param testAccuracy       mean final test accuracy over the runs that did not diverge (NaN if none)
 * @param testAccuracyStd    sample standard deviation (n − 1) of the same; NaN with fewer than two
 * @param testAccuracyMin    smallest final test accuracy of those runs (NaN if none)
 * @param testAccuracyMax    largest final test accuracy of those runs (NaN if none)
 * @param meanCurve          mean accuracy on {@code split} per epoch over the runs that reached it (index = epoch)
 * @param epochsToTarget     the first epoch at which {@code meanCurve} ≥ {@code target}, or null if never
 * @param seedsReachedTarget runs whose own accuracy on {@code split} reached the target at some epoch
 * @param lossAfterFirstEpoch mean training loss after epoch 1 over the runs that have it (NaN if none), nats
 * @param split              the split whose accuracy is judged against the target
 * @param target             the target accuracy this cell is judged against, a fraction (NaN: none, every run
 *                           of its dataset diverged); {@link CellStatistics#targets}
 */
public record CellResult(List<Object> cell, int runs, int divergedRuns, double trainAccuracy, double trainAccuracyStd,
        double testAccuracy, double testAccuracyStd, double testAccuracyMin, double testAccuracyMax,
        double[] meanCurve, Integer epochsToTarget, int seedsReachedTarget, double lossAfterFirstEpoch,
        TargetSplit split, double target) implements Serializable {

    /** Copies the key and the curve. */
    public CellResult {
        cell = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cell));
        meanCurve = meanCurve.clone();
    }

    @Override
    public double[] meanCurve() {
        return meanCurve.clone();
    }

    /** The mean final accuracy on {@link #split()}: {@link #trainAccuracy()} or {@link #testAccuracy()}. */
    public double judgedAccuracy() {
        return split == TargetSplit.TRAIN ? trainAccuracy : testAccuracy;
    }

    /** Whether the cell trained: its mean accuracy on {@link #split()} is at least {@link #target()}. */
    public boolean trained() {
        return judgedAccuracy() >= target;
    }
}
