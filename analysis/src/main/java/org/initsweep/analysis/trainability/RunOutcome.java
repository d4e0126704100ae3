package org.initsweep.analysis.trainability;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.initsweep.core.spec.TargetSplit;

/**
 * What one run of a sweep learned, as the trainability table needs it.
 *
 * @param cell               the run's grid cell: the values of {@link TrainabilityAnalysis#KEY_COLUMNS}, in
 *                           that order (nulls allowed: a profile's width, a fixed scheme's multiplier)
 * @param seed               the run's seed
 * @param trainAccuracy      final accuracy on the training split, a fraction (NaN when the run diverged)
 * @param testAccuracy       final accuracy on the test split, a fraction (NaN when the run diverged)
 * @param trainAccuracyByEpoch train accuracy after each epoch, index = epoch (0 = at initialization); NaN for an
 *                           epoch the run did not reach
 * @param testAccuracyByEpoch test accuracy after each epoch, as {@code trainAccuracyByEpoch}
 * @param lossAfterFirstEpoch the training loss after epoch 1, nats (NaN if the run has no epoch 1)
 * @param diverged           whether the run diverged
 */
public record RunOutcome(List<Object> cell, long seed, double trainAccuracy, double testAccuracy,
        double[] trainAccuracyByEpoch, double[] testAccuracyByEpoch, double lossAfterFirstEpoch, boolean diverged)
        implements Serializable {

    /** Copies the arrays and the key. */
    public RunOutcome {
        cell = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cell));
        trainAccuracyByEpoch = trainAccuracyByEpoch.clone();
        testAccuracyByEpoch = testAccuracyByEpoch.clone();
        if (trainAccuracyByEpoch.length != testAccuracyByEpoch.length) {
            throw new IllegalArgumentException("train and test curves of different lengths: "
                    + trainAccuracyByEpoch.length + " and " + testAccuracyByEpoch.length);
        }
    }

    /** The final accuracy on {@code split}. */
    public double accuracy(TargetSplit split) {
        return split == TargetSplit.TRAIN ? trainAccuracy : testAccuracy;
    }

    /** The accuracy on {@code split} after each epoch (a copy). */
    public double[] accuracyByEpoch(TargetSplit split) {
        return split == TargetSplit.TRAIN ? trainAccuracyByEpoch() : testAccuracyByEpoch();
    }

    @Override
    public double[] trainAccuracyByEpoch() {
        return trainAccuracyByEpoch.clone();
    }

    @Override
    public double[] testAccuracyByEpoch() {
        return testAccuracyByEpoch.clone();
    }

    @Override
    public String toString() {
        return "RunOutcome" + cell + " seed " + seed + " train " + trainAccuracy + " test " + testAccuracy + " "
                + Arrays.toString(trainAccuracyByEpoch) + " " + Arrays.toString(testAccuracyByEpoch);
    }
}
