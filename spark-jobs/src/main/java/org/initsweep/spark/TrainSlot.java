package org.initsweep.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.initsweep.core.nn.Nd4jThreads;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.train.Trainer;

/**
 * The work of one Spark task: the runs {@code slot, slot + slots, slot + 2·slots, …} of the grid,
 * trained one at a time as the iterator is consumed. Interleaving spreads deep and shallow runs
 * evenly over tasks; expanding by index keeps the driver free of per-run objects.
 */
final class TrainSlot implements FlatMapFunction<Integer, RunResult> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<SweepSpec> spec;
    private final int slots;

    TrainSlot(Broadcast<SweepSpec> spec, int slots) {
        this.spec = spec;
        this.slots = slots;
    }

    @Override
    public Iterator<RunResult> call(Integer slot) {
        Nd4jThreads.limitToOne();
        Grid grid = new Grid(spec.value());
        return new Iterator<>() {
            private long next = slot;

            @Override
            public boolean hasNext() {
                return next < grid.size();
            }

            @Override
            public RunResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RunResult r = Trainer.train(grid.run(next));
                next += slots;
                return r;
            }
        };
    }
}
