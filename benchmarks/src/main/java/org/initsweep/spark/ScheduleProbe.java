package org.initsweep.spark;

import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.train.RunDatasets;

/**
 * Benchmark access to the job's scheduling (same package as the package-private {@link TrainSlot}):
 * builds the chunk RDDs exactly as {@link SweepJob#run} does for a fresh sweep of generated datasets,
 * without running them.
 * Keep in step with {@code SweepJob.run}/{@code runChunk} when they change.
 */
public final class ScheduleProbe {

    private ScheduleProbe() {
    }

    /**
     * Defines (and partitions) every chunk's RDD of a fresh sweep of {@code spec}, one after the other
     * as the job does; returns the last one.
     */
    public static JavaRDD<RunResult> schedule(JavaSparkContext jsc, SweepSpec spec, long n) {
        int parallelism = Math.max(1, jsc.defaultParallelism());
        long chunk = ChunkPlan.of(spec, (source, width) -> {
            throw new IllegalArgumentException("the probe schedules generated datasets only, not " + source.name());
        }, n, parallelism, 0).runsEach();
        Broadcast<SweepSpec> sharedSpec = jsc.broadcast(spec);
        Broadcast<RunDatasets> sharedData = jsc.broadcast(RunDatasets.GENERATED);
        Broadcast<Set<String>> sharedDone = jsc.broadcast(Set.of());
        var finished = jsc.sc().longAccumulator("finished");
        var diverged = jsc.sc().longAccumulator("diverged");
        JavaRDD<RunResult> last = null;
        for (long from = 0; from < n; from += chunk) {
            long to = Math.min(n, from + chunk);
            int tasks = (int) Math.min(to - from, 4L * parallelism);
            last = jsc.parallelize(IntStream.range(0, tasks).boxed().toList(), tasks)
                    .flatMap(new TrainSlot(sharedSpec, sharedData, sharedDone, from, to, tasks, finished, diverged));
            last.partitions();
        }
        return last;
    }
}
