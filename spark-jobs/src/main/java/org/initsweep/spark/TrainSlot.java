package org.initsweep.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.initsweep.core.nn.Nd4jThreads;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.Preflight;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.trace.RunStatus;
import org.initsweep.core.train.RunDatasets;
import org.initsweep.core.train.Trainer;

/**
 * The work of one Spark task: its share ({@link SlotAssignment}, balanced by estimated cost) of the
 * runs in {@code [from, to)} of the grid not yet done, trained one at a time as the iterator is
 * consumed. Every task expands the chunk's runs by index itself, which keeps the driver free of
 * per-run objects.
 */
final class TrainSlot implements FlatMapFunction<Integer, RunResult> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<SweepSpec> spec;
    private final Broadcast<RunDatasets> data;
    private final Broadcast<Set<String>> done;
    private final long from;
    private final long to;
    private final int slots;
    private final LongAccumulator finished;
    private final LongAccumulator diverged;

    TrainSlot(Broadcast<SweepSpec> spec, Broadcast<RunDatasets> data, Broadcast<Set<String>> done, long from, long to,
            int slots, LongAccumulator finished, LongAccumulator diverged) {
        this.spec = spec;
        this.data = data;
        this.done = done;
        this.from = from;
        this.to = to;
        this.slots = slots;
        this.finished = finished;
        this.diverged = diverged;
    }

    @Override
    public Iterator<RunResult> call(Integer slot) {
        Nd4jThreads.limitToOne();
        Grid grid = new Grid(spec.value());
        RunDatasets datasets = data.value();
        Set<String> skip = done.value();
        long[] todo = new long[(int) (to - from)];
        double[] cost = new double[todo.length];
        int count = 0;
        for (long i = from; i < to; i++) {
            RunSpec run = grid.run(i);
            if (!skip.contains(run.runId())) {
                todo[count] = i;
                cost[count++] = Preflight.runFlops(run, datasets.shape(run)) + SlotAssignment.RUN_OVERHEAD_FLOPS;
            }
        }
        long[] mine = SlotAssignment.of(Arrays.copyOf(todo, count), Arrays.copyOf(cost, count), slots, slot);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < mine.length;
            }

            @Override
            public RunResult next() {
                if (next >= mine.length) {
                    throw new NoSuchElementException();
                }
                RunResult r = Trainer.train(grid.run(mine[next++]), grid.spec().outputs(), datasets, net -> { });
                finished.add(1);
                if (r.status() == RunStatus.DIVERGED) {
                    diverged.add(1);
                }
                return r;
            }
        };
    }
}
