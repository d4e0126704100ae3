package org.initsweep.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
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
import org.initsweep.core.train.RunBatches;

/**
 * The work of one Spark task: its share ({@link SlotAssignment}, balanced by estimated cost) of the
 * runs in {@code [from, to)} of the grid not yet done, trained as the iterator is consumed, in
 * {@link RunBatches}: runs of one shape together in vector lanes, each with the values it has alone. Every task expands the chunk's runs by index itself, which keeps the driver free of
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

    /**
     * Whether {@code run} is not among the runs already done. A run id is a hash of the run's settings
     * (≈ 10 µs) and every task expands its whole chunk, so the id is computed only when there are runs to
     * skip (a resume), not for a fresh sweep.
     */
    static boolean toDo(RunSpec run, Set<String> done) {
        return done.isEmpty() || !done.contains(run.runId());
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
            if (toDo(run, skip)) {
                todo[count] = i;
                cost[count++] = Preflight.runFlops(run, datasets.shape(run)) + SlotAssignment.RUN_OVERHEAD_FLOPS;
            }
        }
        long[] mine = SlotAssignment.of(Arrays.copyOf(todo, count), Arrays.copyOf(cost, count), slots, slot);
        List<RunSpec> runs = new ArrayList<>(mine.length);
        for (long i : mine) {
            runs.add(grid.run(i));
        }
        // Runs of one shape train together in vector lanes; a batch's results are handed on one by one.
        List<List<RunSpec>> batches = RunBatches.plan(runs, datasets);
        return new Iterator<>() {
            private int nextBatch;
            private Iterator<RunResult> trained = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                return trained.hasNext() || nextBatch < batches.size();
            }

            @Override
            public RunResult next() {
                if (!trained.hasNext()) {
                    if (nextBatch >= batches.size()) {
                        throw new NoSuchElementException();
                    }
                    trained = RunBatches.train(batches.get(nextBatch++), grid.spec().outputs(), datasets).iterator();
                }
                RunResult r = trained.next();
                finished.add(1);
                if (r.status() == RunStatus.DIVERGED) {
                    diverged.add(1);
                }
                return r;
            }
        };
    }
}
