package org.initsweep.core.train;

import org.initsweep.core.data.LabeledData;

/**
 * The examples one run trains and is evaluated on, ready for the network: split, subset and scaled.
 *
 * @param train    training examples {@code [samples, features]}
 * @param test     held-out examples with the same features and classes, or null
 * @param inputVar population variance of all training input entries (1 after standardization)
 * @param sha256   digest of the bytes the dataset was read from, or null for generated data
 * @param testFraction share of the examples held out as {@code test}; null when the dataset brought its
 *                 own test split or there is no test set
 */
public record RunData(LabeledData train, LabeledData test, double inputVar, String sha256, Double testFraction) {

    /** @throws IllegalArgumentException if train and test disagree in features or classes */
    public RunData {
        if (test != null && (test.features() != train.features() || test.classes() != train.classes())) {
            throw new IllegalArgumentException("test set of " + test.features() + " features and " + test.classes()
                    + " classes for a training set of " + train.features() + " and " + train.classes());
        }
    }

    /** Builds it, measuring the input variance of the training set. */
    public static RunData of(LabeledData train, LabeledData test, String sha256, Double testFraction) {
        double sum = 0;
        double sumSq = 0;
        for (float v : train.x()) {
            sum += v;
            sumSq += (double) v * v;
        }
        double n = train.x().length;
        double mean = sum / n;
        return new RunData(train, test, sumSq / n - mean * mean, sha256, testFraction);
    }

    /** Classes K. */
    public int classes() {
        return train.classes();
    }
}
