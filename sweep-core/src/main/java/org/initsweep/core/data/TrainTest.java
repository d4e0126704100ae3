package org.initsweep.core.data;

/**
 * A training set and its held-out test set, with the same classes and features.
 *
 * @param train examples to train on
 * @param test  examples to evaluate on
 */
public record TrainTest(LabeledData train, LabeledData test) {
}
