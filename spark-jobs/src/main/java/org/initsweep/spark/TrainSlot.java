package org.initsweep.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.initsweep.core.nn.Nd4jThreads;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.trace.RunStatus;
import org.initsweep.core.train.Trainer;

/**
 * The work of one Spark task: runs {@code from + slot, from + slot + slots, …} below {@code to} of
 * the grid, minus those already done, trained one at a time as the iterator is consumed.
 * Interleaving spreads deep and shallow runs evenly over tasks; expanding by index keeps the driver
 * free of per-run objects.
 */
final class TrainSlot implements FlatMapFunction<Integer, RunResult> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<SweepSpec> spec;
    private final Broadcast<Set<String>> done;
    private final long from;
    private final long to;
    private final int slots;
    private final LongAccumulator finished;
    private final LongAccumulator diverged;

    TrainSlot(Broadcast<SweepSpec> spec, Broadcast<Set<String>> done, long from, long to, int slots,
            LongAccumulator finished, LongAccumulator diverged) {
        this.spec = spec;
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
        Set<String> skip = done.value();
        return new Iterator<>() {
            private long next = from + slot;
            private RunSpec pending = advance();

            private RunSpec advance() {
                while (next < to) {
                    RunSpec run = grid.run(next);
                    next += slots;
                    if (!skip.contains(run.runId())) {
                        return run;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public RunResult next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                RunResult r = Trainer.train(pending, grid.spec().outputs());
                finished.add(1);
                if (r.status() == RunStatus.DIVERGED) {
                    diverged.add(1);
                }
                pending = advance();
                return r;
            }
        };
    }
}
