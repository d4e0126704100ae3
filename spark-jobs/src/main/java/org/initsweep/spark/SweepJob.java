package org.initsweep.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.initsweep.core.EngineVersion;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.SpecWriter;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.trace.RunStatus;
import org.initsweep.core.trace.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep: fans a spec's grid out over Spark, trains every run on the executors, and writes
 * {@code runs/}, {@code layers/} (partitioned by activation) and {@code epochs/} as Parquet, then
 * {@code spec.json} and {@code engine.json} beside them (their presence marks a finished sweep).
 */
public final class SweepJob {

    private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);

    /** Entries of an output directory that a sweep owns (and {@code --overwrite} may delete). */
    static final List<String> OWNED = List.of(Tables.RUNS, Tables.LAYERS, Tables.EPOCHS, Tables.GROWTH,
            Tables.REGIONS, Tables.AGREEMENT, Tables.CHARTS, Tables.SPEC_FILE, Tables.ENGINE_FILE);

    /**
     * @param overwrite replace results already in the output directory
     * @param tasks     Spark tasks to split the grid into; 0 = four per core of the cluster
     */
    public record Options(boolean overwrite, int tasks) {
        /** No overwrite, automatic task count. */
        public static Options defaults() {
            return new Options(false, 0);
        }
    }

    /**
     * @param runs     runs written
     * @param diverged runs with status diverged
     * @param millis   wall time of the job, ms
     * @param out      output directory
     */
    public record Summary(long runs, long diverged, long millis, String out) {
    }

    private SweepJob() {
    }

    /**
     * Runs the sweep.
     *
     * @param spark session (local or cluster)
     * @param spec  a validated spec
     * @param out   output directory (any Hadoop file system URI or local path)
     * @throws OutputExistsException if {@code out} already holds results and overwrite is off
     * @throws IOException           if the output cannot be written
     */
    public static Summary run(SparkSession spark, SweepSpec spec, String out, Options options)
            throws IOException, OutputExistsException {
        long start = System.currentTimeMillis();
        Instant started = Instant.now();
        Path outPath = new Path(out);
        FileSystem fs = outPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
        prepareOutput(fs, outPath, options.overwrite());

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Grid grid = new Grid(spec);
        long n = grid.size();
        int tasks = options.tasks() > 0
                ? options.tasks()
                : (int) Math.min(n, Math.max(1, jsc.defaultParallelism()) * 4L);
        LOG.info("Sweep '{}': {} runs in {} tasks -> {}", spec.name(), n, tasks, out);

        Broadcast<SweepSpec> shared = jsc.broadcast(spec);
        JavaRDD<RunResult> results = jsc.parallelize(IntStream.range(0, tasks).boxed().toList(), tasks)
                .flatMap(new TrainSlot(shared, tasks))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            spark.createDataFrame(results.map(TraceRows::runRow), TraceRows.RUNS)
                    .write().mode(SaveMode.ErrorIfExists).parquet(child(outPath, Tables.RUNS));
            spark.createDataFrame(results.flatMap(r -> TraceRows.layerRows(r).iterator()), TraceRows.LAYERS)
                    .write().mode(SaveMode.ErrorIfExists).partitionBy("activation")
                    .parquet(child(outPath, Tables.LAYERS));
            spark.createDataFrame(results.flatMap(r -> TraceRows.epochRows(r).iterator()), TraceRows.EPOCHS)
                    .write().mode(SaveMode.ErrorIfExists).parquet(child(outPath, Tables.EPOCHS));
            long diverged = results.filter(r -> r.status() == RunStatus.DIVERGED).count();
            writeText(fs, new Path(outPath, Tables.SPEC_FILE), SpecWriter.toJson(spec));
            writeText(fs, new Path(outPath, Tables.ENGINE_FILE), engineJson(spark, started, n));
            long millis = System.currentTimeMillis() - start;
            LOG.info("Sweep '{}': {} runs ({} diverged) in {} s", spec.name(), n, diverged, millis / 1000.0);
            return new Summary(n, diverged, millis, out);
        } finally {
            results.unpersist(false);
            shared.destroy();
        }
    }

    private static void prepareOutput(FileSystem fs, Path out, boolean overwrite) throws IOException, OutputExistsException {
        boolean holdsResults = false;
        for (String entry : OWNED) {
            if (fs.exists(new Path(out, entry))) {
                holdsResults = true;
                break;
            }
        }
        if (!holdsResults) {
            return;
        }
        if (!overwrite) {
            throw new OutputExistsException(out.toString());
        }
        // Only what a sweep writes is deleted: --out pointed at a home directory stays a home directory.
        for (String entry : OWNED) {
            fs.delete(new Path(out, entry), true);
        }
    }

    private static String child(Path out, String name) {
        return new Path(out, name).toString();
    }

    private static void writeText(FileSystem fs, Path file, String text) throws IOException {
        try (OutputStream os = fs.create(file, true)) {
            os.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String engineJson(SparkSession spark, Instant started, long runs) {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var o = mapper.createObjectNode();
        o.put("engine_version", EngineVersion.get());
        o.put("spark_version", spark.version());
        o.put("nd4j_version", EngineVersion.nd4j());
        o.put("java_version", System.getProperty("java.version"));
        o.put("master", spark.sparkContext().master());
        o.put("runs", runs);
        o.put("started_at", started.toString());
        o.put("finished_at", Instant.now().toString());
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
