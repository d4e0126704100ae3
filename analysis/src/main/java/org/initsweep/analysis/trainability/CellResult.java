package org.initsweep.analysis.trainability;

import java.io.Serializable;
import java.util.List;

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
 * @param meanCurve          mean test accuracy per epoch over the runs that reached it (index = epoch)
 * @param epochsToTarget     the first epoch at which {@code meanCurve} ≥ the target, or null if never
 * @param seedsReachedTarget runs whose own test accuracy reached the target at some epoch
 * @param lossAfterFirstEpoch mean training loss after epoch 1 over the runs that have it (NaN if none), nats
 */
public record CellResult(List<Object> cell, int runs, int divergedRuns, double trainAccuracy, double trainAccuracyStd,
        double testAccuracy, double testAccuracyStd, double testAccuracyMin, double testAccuracyMax,
        double[] meanCurve, Integer epochsToTarget, int seedsReachedTarget, double lossAfterFirstEpoch)
        implements Serializable {

    /** Copies the key and the curve. */
    public CellResult {
        cell = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cell));
        meanCurve = meanCurve.clone();
    }

    @Override
    public double[] meanCurve() {
        return meanCurve.clone();
    }

    /** Whether the cell trained: its mean test accuracy is at least {@code target}. */
    public boolean trained(double target) {
        return testAccuracy >= target;
    }
}
