package org.initsweep.core.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.initsweep.core.UserInputException;

/** Checks that tie a dataset's classes together: enough classes to train, a test set that fits its training set. */
final class Classes {

    private Classes() {
    }

    /**
     * @param labelsPath the file that held the labels (named in the message)
     * @throws UserInputException if the training data hold fewer than 2 classes
     */
    static void requireTwo(LabeledData train, String labelsPath) {
        if (train.classes() < 2) {
            throw new UserInputException(labelsPath + ": every label is " + train.classValues()[0]
                    + "; a classifier needs at least 2 classes");
        }
    }

    /**
     * The test set renumbered to the training set's classes.
     *
     * @param testPath the test file (named in messages)
     * @throws UserInputException if the feature count or names differ, or the test set has a label the
     *     training set lacks
     */
    static LabeledData alignTest(LabeledData train, LabeledData test, String testPath) {
        return alignTest(train, test, testPath, testPath);
    }

    /**
     * As {@link #alignTest(LabeledData, LabeledData, String)} for test examples and labels read from two
     * files (IDX), each named where it is at fault.
     */
    static LabeledData alignTest(LabeledData train, LabeledData test, String featuresPath, String testPath) {
        if (test.features() != train.features()) {
            throw new UserInputException(featuresPath + ": "
                    + org.initsweep.core.Quantities.plural(test.features(), "feature")
                    + " per example, the training data have " + train.features());
        }
        if (!test.featureNames().isEmpty() && !train.featureNames().isEmpty()
                && !test.featureNames().equals(train.featureNames())) {
            int j = 0;
            while (test.featureNames().get(j).equals(train.featureNames().get(j))) {
                j++;
            }
            throw new UserInputException(String.format(Locale.ROOT, "%s: feature column %d is \"%s\", the training table's"
                    + " is \"%s\" (test and training tables need the same columns in the same order)",
                    testPath, j + 1, test.featureNames().get(j), train.featureNames().get(j)));
        }
        long[] trainValues = train.classValues();
        long[] testValues = test.classValues();
        if (Arrays.equals(trainValues, testValues)) {
            return test;
        }
        int[] map = new int[testValues.length];
        for (int k = 0; k < testValues.length; k++) {
            map[k] = Arrays.binarySearch(trainValues, testValues[k]);
            if (map[k] < 0) {
                throw new UserInputException(String.format(Locale.ROOT, "%s: label %d does not occur in the training data"
                        + " (classes: %s)", testPath, testValues[k], shortList(trainValues)));
            }
        }
        int[] y = new int[test.samples()];
        for (int i = 0; i < y.length; i++) {
            y[i] = map[test.y()[i]];
        }
        return new LabeledData(test.x(), y, test.samples(), test.features(), trainValues, test.featureNames());
    }

    private static String shortList(long[] values) {
        String head = Arrays.stream(values).limit(12).mapToObj(Long::toString).collect(Collectors.joining(", "));
        return values.length > 12 ? head + ", … (" + values.length + " in all)" : head;
    }
}
