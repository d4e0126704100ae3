package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.Preflight;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import org.junit.jupiter.api.Test;

/** {@link SlotAssignment}: a partition of the runs, balanced by cost, the same on every task. */
class SlotAssignmentTest {

    @Test
    void grahamsExampleIsScheduledLongestFirst() {
        // costs 7, 6, 5, 4, 3 on 2 tasks: 7→A, 6→B, 5→B (6<7), 4→A (7<11), 3→A (11=11, lower task)
        long[] runs = {10, 11, 12, 13, 14};
        double[] cost = {7, 6, 5, 4, 3};
        assertArrayEquals(new long[] {10, 13, 14}, SlotAssignment.of(runs, cost, 2, 0));
        assertArrayEquals(new long[] {11, 12}, SlotAssignment.of(runs, cost, 2, 1));
    }

    @Test
    void theDefaultSweepSplitsIntoEightTasksWithin2PercentOfEachOther() throws Exception {
        SweepSpec spec = SpecReader.read(java.nio.file.Path.of("../conf/default.json"));
        Grid grid = new Grid(spec);
        long[] runs = LongStream.range(0, grid.size()).toArray();
        double[] cost = Arrays.stream(runs).mapToDouble(i -> Preflight.runFlops(grid.run(i), org.initsweep.core.train.RunDatasets.GENERATED.shape(grid.run(i)))).toArray();
        int slots = 8;
        double[] load = new double[slots];
        long[] seen = new long[0];
        for (int s = 0; s < slots; s++) {
            for (long i : SlotAssignment.of(runs, cost, slots, s)) {
                load[s] += cost[(int) i];
            }
            seen = LongStream.concat(Arrays.stream(seen), Arrays.stream(SlotAssignment.of(runs, cost, slots, s)))
                    .toArray();
        }
        Arrays.sort(seen);
        assertArrayEquals(runs, seen, "every run exactly once");
        double max = Arrays.stream(load).max().orElseThrow();
        double min = Arrays.stream(load).min().orElseThrow();
        assertTrue(max / min < 1.02, "loads " + Arrays.toString(load));
        // against a plain round-robin: run i on task i mod 8
        double[] rr = new double[slots];
        for (long i : runs) {
            rr[(int) (i % slots)] += cost[(int) i];
        }
        assertTrue(Arrays.stream(rr).max().orElseThrow() > max, "round-robin " + Arrays.toString(rr));
    }

    @Test
    void moreTasksThanRunsLeavesSomeEmpty() {
        assertArrayEquals(new long[] {5}, SlotAssignment.of(new long[] {5}, new double[] {1}, 3, 0));
        assertEquals(0, SlotAssignment.of(new long[] {5}, new double[] {1}, 3, 2).length);
        assertThrows(IllegalArgumentException.class, () -> SlotAssignment.of(new long[] {1}, new double[0], 2, 0));
        assertThrows(IllegalArgumentException.class, () -> SlotAssignment.of(new long[0], new double[0], 2, 2));
    }
}
