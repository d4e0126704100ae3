package org.initsweep.spark;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Which runs of a chunk each Spark task trains: longest-processing-time-first list scheduling
 * (Graham 1969) — runs in decreasing estimated cost, each onto the task with the least cost so
 * far — so that the tasks of a chunk finish together. A sweep's costs span orders of magnitude (a
 * depth-50 width-128 run is ≈ 2,000 times a depth-2 width-32 one) and its heaviest runs sit
 * together in the grid, so a plain round-robin leaves one core finishing a task while the others
 * idle. LPT's makespan is within 4/3 of the optimum; estimates are {@link
 * org.initsweep.core.spec.Preflight#runFlops} plus {@link #RUN_OVERHEAD_FLOPS}.
 *
 * <p>Pure and deterministic (ties broken by grid index, then task number): every task computes the
 * same assignment on its own, so the driver ships nothing per run.
 */
final class SlotAssignment {

    /** Fixed cost of a run in FLOP-equivalents: data, init and traces, ≈ 1 ms at 50 GFLOP/s. */
    static final double RUN_OVERHEAD_FLOPS = 5e7;

    private SlotAssignment() {
    }

    /**
     * @param runs  grid indices to train (any order), distinct
     * @param cost  estimated cost of each, same length, ≥ 0
     * @param slots tasks, ≥ 1
     * @param slot  this task, 0 ≤ slot &lt; slots
     * @return the indices task {@code slot} trains, ascending
     * @throws IllegalArgumentException if the arrays differ in length or slot is out of range
     */
    static long[] of(long[] runs, double[] cost, int slots, int slot) {
        if (runs.length != cost.length || slot < 0 || slot >= slots) {
            throw new IllegalArgumentException("runs " + runs.length + ", costs " + cost.length + ", slot " + slot
                    + " of " + slots);
        }
        Integer[] order = new Integer[runs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -cost[i]).thenComparingLong(i -> runs[i]));
        double[] load = new double[slots];
        // the least loaded, lowest-numbered task first (a task's load only changes while it is out of the queue)
        PriorityQueue<Integer> tasks = new PriorityQueue<>(slots,
                Comparator.<Integer>comparingDouble(t -> load[t]).thenComparingInt(t -> t));
        for (int t = 0; t < slots; t++) {
            tasks.add(t);
        }
        long[] mine = new long[runs.length];
        int count = 0;
        for (int i : order) {
            int least = tasks.poll();
            if (least == slot) {
                mine[count++] = runs[i];
            }
            load[least] += cost[i];
            tasks.add(least);
        }
        long[] out = Arrays.copyOf(mine, count);
        Arrays.sort(out);
        return out;
    }
}
