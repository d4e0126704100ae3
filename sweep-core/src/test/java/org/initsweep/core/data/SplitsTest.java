package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.initsweep.core.UserInputException;
import org.junit.jupiter.api.Test;

/** Stratified test splits and training subsets: sizes per class by hand, disjointness, determinism. */
class SplitsTest {

    /** Rows whose one feature is the row index, labels in a scrambled order with the given class counts. */
    static LabeledData data(int... counts) {
        int n = Arrays.stream(counts).sum();
        int[] y = new int[n];
        int i = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c]; k++) {
                y[i++] = c;
            }
        }
        SplittableRandom r = new SplittableRandom(99);
        for (int k = n - 1; k > 0; k--) {
            int j = r.nextInt(k + 1);
            int t = y[k];
            y[k] = y[j];
            y[j] = t;
        }
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = k;
        }
        long[] values = new long[counts.length];
        for (int c = 0; c < counts.length; c++) {
            values[c] = 10L * c;
        }
        return new LabeledData(x, y, n, 1, values, List.of("id"));
    }

    static int[] ids(LabeledData d) {
        int[] ids = new int[d.samples()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) d.x()[i];
        }
        return ids;
    }

    @Test
    void eachClassGivesRoundedFractionButKeepsOneTrainingExample() {
        LabeledData d = data(10, 5, 1, 3);
        // 0.2: round(2) = 2, round(1) = 1, min(0, round(0.2)) = 0, round(0.6) = 1
        assertArrayEquals(new int[] {2, 1, 0, 1}, Splits.stratifiedSplit(d, 0.2, 1).test().classCounts());
        // 0.5: round(5) = 5, round(2.5) = 3 (halves up), 0 (n_c − 1 = 0), round(1.5) = 2
        assertArrayEquals(new int[] {5, 3, 0, 2}, Splits.stratifiedSplit(d, 0.5, 1).test().classCounts());
        // 0.9: 9, min(4, round(4.5) = 5) = 4, 0, min(2, round(2.7) = 3) = 2: every class keeps one
        TrainTest high = Splits.stratifiedSplit(d, 0.9, 1);
        assertArrayEquals(new int[] {9, 4, 0, 2}, high.test().classCounts());
        assertArrayEquals(new int[] {1, 1, 1, 1}, high.train().classCounts());
    }

    @Test
    void trainAndTestPartitionTheRowsInTheirOriginalOrderWithTheirLabels() {
        LabeledData d = data(40, 25, 17, 3);
        TrainTest s = Splits.stratifiedSplit(d, 0.3, 7);
        int[] train = ids(s.train());
        int[] test = ids(s.test());
        int[] all = new int[train.length + test.length];
        System.arraycopy(train, 0, all, 0, train.length);
        System.arraycopy(test, 0, all, train.length, test.length);
        Arrays.sort(all);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i, all[i], "every row exactly once");
        }
        assertTrue(isAscending(train) && isAscending(test));
        for (LabeledData part : List.of(s.train(), s.test())) {
            assertArrayEquals(d.classValues(), part.classValues());
            for (int i = 0; i < part.samples(); i++) {
                assertEquals(d.y()[(int) part.x()[i]], part.y()[i], "label travels with its row");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        LabeledData d = data(40, 25, 17, 3);
        assertArrayEquals(ids(Splits.stratifiedSplit(d, 0.3, 7).test()), ids(Splits.stratifiedSplit(d, 0.3, 7).test()));
        assertFalse(Arrays.equals(ids(Splits.stratifiedSplit(d, 0.3, 7).test()), ids(Splits.stratifiedSplit(d, 0.3, 8).test())));
    }

    @Test
    void aSplitThatLeavesNoTestExampleIsRefused() {
        UserInputException e = assertThrows(UserInputException.class, () -> Splits.stratifiedSplit(data(2, 1), 0.1, 1));
        assertEquals("test_fraction 0.1 of 3 examples leaves no test example", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedSplit(data(2, 1), 1.0, 1));
    }

    @Test
    void aSplitOfAGivenSizeHoldsOutExactlyThatManyByLargestRemainders() {
        // 21 of 43 + 42: 903/85 = 10 r 53, 882/85 = 10 r 32, so class 0 gets the one left: 11 + 10, 64 kept
        TrainTest s = Splits.stratifiedSplit(data(43, 42), 21, 5);
        assertArrayEquals(new int[] {11, 10}, s.test().classCounts());
        assertEquals(64, s.train().samples());
        // the fraction 0.25 of the same 85 rounds each class on its own: 11 + 11 held out, 63 kept
        assertEquals(63, Splits.stratifiedSplit(data(43, 42), 0.25, 5).train().samples());
        // 4 of 1 + 5: 4/6 = 0 r 4, 20/6 = 3 r 2 → 1 + 3, but class 0 keeps its one example: class 1 gives 4
        assertArrayEquals(new int[] {0, 4}, Splits.stratifiedSplit(data(1, 5), 4, 5).test().classCounts());
        // the same shuffle as the fraction's split: its rows, a prefix of each class
        assertArrayEquals(ids(Splits.stratifiedSplit(data(40, 40), 0.25, 9).test()),
                ids(Splits.stratifiedSplit(data(40, 40), 20, 9).test()));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedSplit(data(1, 5), 5, 5));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedSplit(data(3, 5), 0, 5));
    }

    @Test
    void subsetQuotasFollowTheLargestRemainders() {
        LabeledData d = data(10, 5, 1, 3);
        // 7 of 19: 70/19 = 3 r 13, 35/19 = 1 r 16, 7/19 = 0 r 7, 21/19 = 1 r 2; the 2 left go to classes 1 and 0
        LabeledData s = Splits.stratifiedSubset(d, 7, 3);
        assertArrayEquals(new int[] {4, 2, 0, 1}, s.classCounts());
        assertArrayEquals(d.classValues(), s.classValues());
        assertTrue(isAscending(ids(s)));
        for (int i = 0; i < s.samples(); i++) {
            assertEquals(d.y()[(int) s.x()[i]], s.y()[i]);
        }
        // 12 of 19: 120/19 = 6 r 6, 60/19 = 3 r 3, 12/19 = 0 r 12, 36/19 = 1 r 17 → classes 3 and 2 get one more
        assertArrayEquals(new int[] {6, 3, 1, 2}, Splits.stratifiedSubset(d, 12, 3).classCounts());
    }

    @Test
    void subsetsAreDeterministicPerSeedAndBoundedByTheData() {
        LabeledData d = data(40, 25, 17, 3);
        assertArrayEquals(ids(Splits.stratifiedSubset(d, 30, 5)), ids(Splits.stratifiedSubset(d, 30, 5)));
        assertFalse(Arrays.equals(ids(Splits.stratifiedSubset(d, 30, 5)), ids(Splits.stratifiedSubset(d, 30, 6))));
        assertSame(d, Splits.stratifiedSubset(d, 85, 5));
        UserInputException e = assertThrows(UserInputException.class, () -> Splits.stratifiedSubset(d, 86, 5));
        assertEquals("samples 86 is more than the 85 training examples of the dataset", e.getMessage());
    }

    private static boolean isAscending(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] <= a[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
