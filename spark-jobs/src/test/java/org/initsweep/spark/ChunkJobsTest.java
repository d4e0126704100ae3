package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Spark jobs of a chunk: training first, its table writes submitted while it runs (so their
 * planning overlaps it and a core its last tasks leave idle starts writing), all tagged with the chunk.
 */
class ChunkJobsTest {

    /** One chunk of 48 width-192 runs: seconds of training, far longer than planning three writes. */
    private static final String SPEC = """
            {"name": "chunk-jobs", "depths": [9], "widths": [192], "activations": ["tanh"],
             "inits": ["scaled_normal"], "multipliers": [0.5, 1, 2], "seeds": [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16],
             "samples": 256, "epochs": 16, "record_epochs": [0, 16], "datasets": ["moons"]}
            """;

    /** A job's id, whether it runs SQL (a table write), the chunk tag it carries (or null), its start. */
    record Job(int id, boolean sql, String chunkTag, long start) {
    }

    @Test
    void writeJobsAreSubmittedWhileTheTrainingJobRuns(@TempDir Path tmp) throws Exception {
        SweepSpec spec = TestSpark.spec(SPEC);
        SparkSession spark = TestSpark.session("local[2]");
        try {
            List<Job> started = new CopyOnWriteArrayList<>();
            AtomicLong trained = new AtomicLong();
            AtomicLong events = new AtomicLong(); // the listener bus delivers events in order: their order, not a clock

            Map<Integer, Long> ended = new ConcurrentHashMap<>();
            spark.sparkContext().addSparkListener(new SparkListener() {
                @Override
                public void onJobStart(SparkListenerJobStart e) {
                    String chunkTag = java.util.Arrays.stream(e.properties().getProperty("spark.job.tags", "").split(","))
                            .filter(t -> t.startsWith("initsweep-chunk-")).findFirst().orElse(null);
                    started.add(new Job(e.jobId(), e.properties().getProperty("spark.sql.execution.id") != null,
                            chunkTag, events.incrementAndGet()));
                }

                @Override
                public void onJobEnd(SparkListenerJobEnd e) {
                    ended.put(e.jobId(), events.incrementAndGet());
                }

                @Override
                public void onTaskEnd(SparkListenerTaskEnd e) {
                    // Runs trained, by every task of every job: a write task that trained a run again
                    // (instead of waiting for the training task's cached result) would count it twice.
                    for (AccumulableInfo a : CollectionConverters.asJava(e.taskInfo().accumulables())) {
                        if (a.name().contains("initsweep runs done") && a.update().isDefined()) {
                            trained.addAndGet(((Number) a.update().get()).longValue());
                        }
                    }
                }
            });
            // The first sweep of a session plans its writes cold; the second is the one checked.
            SweepJob.run(spark, spec, tmp.resolve("warm").toString(), new SweepJob.Options(true, 4, 0));
            spark.sparkContext().listenerBus().waitUntilEmpty();
            int before = started.size();
            trained.set(0);
            SweepJob.run(spark, spec, tmp.resolve("out").toString(), new SweepJob.Options(true, 4, 0));
            spark.sparkContext().listenerBus().waitUntilEmpty();

            List<Job> chunk = started.subList(before, started.size()).stream().filter(j -> j.chunkTag() != null).toList();
            assertEquals(4, chunk.size(), "training, layers/, epochs/, runs/: " + started.subList(before, started.size()));
            String tag = chunk.get(0).chunkTag();
            assertTrue(chunk.stream().allMatch(j -> j.chunkTag().equals(tag)), "one chunk tag: " + chunk);
            List<Job> training = chunk.stream().filter(j -> !j.sql()).toList();
            assertEquals(1, training.size(), "one training job: " + chunk);
            assertTrue(chunk.stream().allMatch(j -> j.id() >= training.get(0).id()),
                    "the training job is the chunk's first, so FIFO runs its tasks first: " + chunk);
            long trainingEnd = ended.get(training.get(0).id());
            assertTrue(chunk.stream().filter(Job::sql).allMatch(j -> j.start() < trainingEnd),
                    "a write job was submitted only after the training job had ended");
            assertEquals(48, trained.get(), "each run trained once, though write tasks started beside training tasks");
        } finally {
            spark.stop();
        }
    }
}
