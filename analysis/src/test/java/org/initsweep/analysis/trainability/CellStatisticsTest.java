package org.initsweep.analysis.trainability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initsweep.core.spec.TargetAccuracy;
import org.initsweep.core.spec.TargetSplit;
import org.junit.jupiter.api.Test;

/**
 * Hand-made runs of two cells → the cell statistics by hand. Values are binary fractions, so every
 * mean below is exact in floating point.
 *
 * <p>Cell A (depth 10): seed 1 trains to 0.875 / tests 0.75 with test curve [0.125, 0.5, 0.75] (train
 * curve [0.125, 0.625, 0.875]) and loss 1.25 after epoch 1; seed 2: 0.625 / 0.625, test curve [0.125, 0.25,
 * 0.625] (train [0.125, 0.5, 0.625]), loss 1.75; seed 3 diverged after epoch 0 (curves [0.125]). Cell B
 * (depth 20): one seed, 0.5 / 0.5, curves [0.125, 0.5], no loss after epoch 1 recorded (NaN).
 */
class CellStatisticsTest {

    private static final List<Object> A = List.of(10, "tanh", 1.0);
    private static final List<Object> B = List.of(20, "tanh", 1.0);

    private static List<RunOutcome> runs() {
        return List.of(
                new RunOutcome(A, 1, 0.875, 0.75, new double[] {0.125, 0.625, 0.875}, new double[] {0.125, 0.5, 0.75},
                        1.25, false),
                new RunOutcome(B, 1, 0.5, 0.5, new double[] {0.125, 0.5}, new double[] {0.125, 0.5}, Double.NaN, false),
                new RunOutcome(A, 2, 0.625, 0.625, new double[] {0.125, 0.5, 0.625}, new double[] {0.125, 0.25, 0.625},
                        1.75, false),
                new RunOutcome(A, 3, Double.NaN, Double.NaN, new double[] {0.125}, new double[] {0.125}, Double.NaN,
                        true));
    }

    @Test
    void meansSpreadAndEpochsToTargetByHand() {
        List<CellResult> cells = CellStatistics.summarize(runs(), 0.6875, TargetSplit.TEST);
        assertEquals(2, cells.size());
        CellResult a = cells.get(0);
        assertEquals(A, a.cell());
        assertEquals(3, a.runs());
        assertEquals(1, a.divergedRuns());
        // Means over the two runs that did not diverge.
        assertEquals(0.75, a.trainAccuracy(), 0);
        assertEquals(0.6875, a.testAccuracy(), 0);
        // Sample std (n − 1 = 1): sqrt(2 · 0.125²) and sqrt(2 · 0.0625²).
        assertEquals(0.125 * Math.sqrt(2), a.trainAccuracyStd(), 1e-15);
        assertEquals(0.0625 * Math.sqrt(2), a.testAccuracyStd(), 1e-15);
        assertEquals(0.625, a.testAccuracyMin(), 0);
        assertEquals(0.75, a.testAccuracyMax(), 0);
        // Mean curve: epoch 0 over three runs, epochs 1–2 over the two that reached them.
        assertArrayEquals(new double[] {0.125, 0.375, 0.6875}, a.meanCurve(), 0);
        assertEquals(2, a.epochsToTarget(), "the mean curve reaches 0.6875 at epoch 2");
        assertEquals(1, a.seedsReachedTarget(), "only seed 1 (0.75) reaches it; seed 2 ends at 0.625");
        assertEquals(1.5, a.lossAfterFirstEpoch(), 0);
        assertEquals(0.6875, a.target(), 0);
        assertTrue(a.trained());

        CellResult b = cells.get(1);
        assertEquals(1, b.runs());
        assertEquals(0.5, b.testAccuracy(), 0);
        assertTrue(Double.isNaN(b.testAccuracyStd()), "no spread from one seed");
        assertNull(b.epochsToTarget(), "0.5 never reaches 0.6875");
        assertEquals(0, b.seedsReachedTarget());
        assertTrue(Double.isNaN(b.lossAfterFirstEpoch()));
    }

    @Test
    void defaultTargetIsNineTenthsOfTheBestCell() {
        // Best cell mean test accuracy: max(0.6875, 0.5).
        assertEquals(0.9 * 0.6875, CellStatistics.target(null, runs(), TargetSplit.TEST), 1e-15);
        assertEquals(0.5, CellStatistics.target(0.5, runs(), TargetSplit.TEST), 0);
    }

    @Test
    void aLowerTargetIsReachedEarlierByMoreSeeds() {
        CellResult a = CellStatistics.summarize(runs(), 0.375, TargetSplit.TEST).get(0);
        assertEquals(1, a.epochsToTarget());
        assertEquals(2, a.seedsReachedTarget());
        CellResult b = CellStatistics.summarize(runs(), 0.375, TargetSplit.TEST).get(1);
        assertEquals(1, b.epochsToTarget());
    }

    @Test
    void judgedOnTheTrainingSplitTheTrainCurvesAndAccuraciesDecide() {
        // Train means: A (0.875 + 0.625)/2 = 0.75, B 0.5; the default target 0.9 × 0.75 = 0.675.
        assertEquals(0.9 * 0.75, CellStatistics.target(null, runs(), TargetSplit.TRAIN), 1e-15);
        List<CellResult> cells = CellStatistics.summarize(runs(), 0.75, TargetSplit.TRAIN);
        CellResult a = cells.get(0);
        assertEquals(TargetSplit.TRAIN, a.split());
        assertEquals(0.75, a.judgedAccuracy(), 0);
        // Train mean curve: epoch 0 over three runs, (0.625 + 0.5)/2 and (0.875 + 0.625)/2 after.
        assertArrayEquals(new double[] {0.125, 0.5625, 0.75}, a.meanCurve(), 0);
        assertEquals(2, a.epochsToTarget());
        assertEquals(1, a.seedsReachedTarget(), "seed 1's train curve reaches 0.75, seed 2's ends at 0.625");
        assertTrue(a.trained(), "train 0.75 ≥ 0.75");
        // The same cell on its test split (0.6875) does not reach 0.75.
        assertEquals(false, CellStatistics.summarize(runs(), 0.75, TargetSplit.TEST).get(0).trained());
        assertEquals(0.75, a.testAccuracyMax(), 0, "the test columns are kept whichever split is judged");
    }

    @Test
    void eachDatasetIsJudgedAgainstItsOwnBestCell() {
        // Cell key (depth, dataset). xor: depth 2 tests 1.0 and 0.75 (mean 0.875), depth 4 0.5; digits: depth 2
        // 0.5, depth 4 0.25; "wild": its only run diverged.
        List<RunOutcome> runs = List.of(outcome(2, "xor", 1.0), outcome(2, "xor", 0.75), outcome(4, "xor", 0.5),
                outcome(2, "digits", 0.5), outcome(4, "digits", 0.25), outcome(2, "wild", Double.NaN));
        java.util.Map<Object, Double> targets = CellStatistics.targets(null, runs, TargetSplit.TEST, 1);
        assertEquals(List.of("xor", "digits", "wild"), List.copyOf(targets.keySet()), "in first-seen order");
        assertEquals(0.9 * 0.875, targets.get("xor"), 1e-15);
        assertEquals(0.9 * 0.5, targets.get("digits"), 1e-15);
        assertTrue(Double.isNaN(targets.get("wild")), "no accuracy, no default target");

        List<CellResult> cells = CellStatistics.summarize(runs, k -> targets.get(k.get(1)), TargetSplit.TEST);
        CellResult digits2 = cells.get(2);
        assertEquals(List.of(2, "digits"), digits2.cell());
        assertEquals(0.45, digits2.target(), 1e-15);
        // 0.5 ≥ 0.45: trained on its own dataset's scale, though below xor's target 0.7875
        assertTrue(digits2.trained());
        assertEquals(false, cells.get(3).trained(), "digits depth 4: 0.25 < 0.45");
        assertEquals(true, cells.get(0).trained(), "xor depth 2: 0.875 ≥ 0.7875");
        assertEquals(false, cells.get(1).trained(), "xor depth 4: 0.5 < 0.7875");
        assertEquals(false, cells.get(4).trained(), "every run diverged");

        // The spec's one target applies to every dataset, the diverged one included.
        assertEquals(java.util.Map.of("xor", 0.6, "digits", 0.6, "wild", 0.6),
                CellStatistics.targets(TargetAccuracy.of(0.6), runs, TargetSplit.TEST, 1));
        // Targets by dataset: digits' own, the others the default.
        java.util.Map<Object, Double> some = CellStatistics.targets(
                TargetAccuracy.byDataset(java.util.Map.of("digits", 0.25)), runs, TargetSplit.TEST, 1);
        assertEquals(0.25, some.get("digits"), 0);
        assertEquals(0.9 * 0.875, some.get("xor"), 1e-15);
        assertTrue(Double.isNaN(some.get("wild")));
    }

    /** One run of cell (depth, dataset) that ends at {@code test} on both splits; NaN: it diverged. */
    private static RunOutcome outcome(int depth, String dataset, double test) {
        return new RunOutcome(List.of(depth, dataset), 1, test, test, new double[] {test}, new double[] {test},
                Double.NaN, Double.isNaN(test));
    }
}
