package org.initsweep.spark;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.initsweep.core.EngineVersion;
import org.initsweep.core.MessageLines;
import org.initsweep.core.Provenance;
import org.initsweep.core.Quantities;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.SpecException;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SpecWriter;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.trace.RunStatus;
import org.initsweep.core.trace.Tables;
import org.initsweep.core.train.RunDatasets;
import org.initsweep.spark.data.SweepData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep: fans a spec's grid out over Spark, trains every run on the executors, and writes
 * {@code runs/}, {@code layers/} (partitioned by activation), {@code epochs/} (and
 * {@code histograms/}, {@code boundaries/} when the spec asks) as Parquet.
 *
 * <p>The grid is processed in chunks; each chunk becomes visible at once ({@link ChunkCommit}), so
 * readers never see half a run, and a sweep that was interrupted — driver killed, cluster lost —
 * resumes where it stopped: running the same spec into the same directory computes only the runs
 * missing from {@code runs/} and appends them. {@code spec.json} is written first (it names the
 * sweep a directory holds; another spec is refused unless {@code --overwrite}), {@code engine.json}
 * last (it marks the sweep complete). One writer at a time holds the directory ({@link OutputLock}).
 *
 * <p>Each chunk is one training job and one write job per table, submitted together; they carry the job
 * tag {@code initsweep-chunk-<chunk>} (Spark's UI shows it; {@code SparkContext.cancelJobsWithTag}
 * stops a chunk), and the first of them to fail cancels the others.
 */
public final class SweepJob {

    private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);

    /** Entries of an output directory that a sweep owns (and {@code --overwrite} may delete). */
    static final List<String> OWNED = List.of(Tables.RUNS, Tables.LAYERS, Tables.EPOCHS, Tables.GROWTH,
            Tables.REGIONS, Tables.AGREEMENT, Tables.HISTOGRAMS, Tables.BOUNDARIES, Tables.JACOBIAN, Tables.CHARTS,
            org.initsweep.analysis.report.HtmlReport.DIR, Tables.TRAINABILITY, Tables.TRAINABILITY_BOUND,
            Tables.ISOMETRY, Tables.COMPARE, Tables.SPEC_FILE, Tables.ENGINE_FILE, ChunkCommit.STAGING, ChunkCommit.MANIFESTS,
            Tables.ANALYZED);

    /**
     * @param overwrite  replace results already in the output directory
     * @param tasks      Spark tasks per chunk; 0 = four per core of the cluster
     * @param chunkRuns  runs per chunk (the unit of commit and resume); 0 = about a minute of the cluster's
     *                   work per chunk ({@link ChunkPlan})
     * @param committed  told how many of the grid's runs are in {@code runs/} once the sweep starts and after
     *                   each chunk's commit (on the driver)
     */
    public record Options(boolean overwrite, int tasks, int chunkRuns, Committed committed) {

        /** No one told of commits. */
        public Options(boolean overwrite, int tasks, int chunkRuns) {
            this(overwrite, tasks, chunkRuns, (runs, of) -> { });
        }

        /** @param overwrite replace existing results; @param tasks Spark tasks per chunk (0 = auto) */
        public Options(boolean overwrite, int tasks) {
            this(overwrite, tasks, 0);
        }

        /** No overwrite, automatic task count and chunks. */
        public static Options defaults() {
            return new Options(false, 0, 0);
        }
    }

    /** Told of the runs committed so far. */
    @FunctionalInterface
    public interface Committed {
        /**
         * @param runs runs of the grid in {@code runs/}
         * @param of   runs in the grid
         */
        void runs(long runs, long of);
    }

    /**
     * @param runs     runs in the grid (all now in {@code runs/})
     * @param computed runs computed by this call (the rest were already there)
     * @param diverged runs with status diverged among those computed
     * @param millis   wall time of the job, ms
     * @param out      output directory
     */
    public record Summary(long runs, long computed, long diverged, long millis, String out) {
    }

    private SweepJob() {
    }

    /**
     * Runs (or resumes) the sweep.
     *
     * @param spark session (local or cluster)
     * @param spec  a validated spec
     * @param out   output directory (any Hadoop file system URI or local path)
     * @throws OutputExistsException if {@code out} holds another sweep, or runs of another engine
     *                               version, and overwrite is off; or another run is writing to it
     * @throws IOException           if the output cannot be written
     */
    public static Summary run(SparkSession spark, SweepSpec spec, String out, Options options)
            throws IOException, OutputExistsException {
        return run(spark, spec, out, options, SweepData.GENERATED);
    }

    /**
     * Runs (or resumes) the sweep on datasets read for it.
     *
     * @param data the spec's real datasets, read by {@link SweepData#load} (broadcast to the tasks once)
     * @throws OutputExistsException as {@link #run(SparkSession, SweepSpec, String, Options)}, and if the
     *                               directory holds runs computed on other bytes of a dataset
     */
    public static Summary run(SparkSession spark, SweepSpec spec, String out, Options options, SweepData data)
            throws IOException, OutputExistsException {
        return run(spark, spec, out, options, data, () -> { });
    }

    /**
     * As {@link #run(SparkSession, SweepSpec, String, Options, SweepData)}, calling {@code starting} once the
     * output directory is known to take this sweep (locked, its spec and engine version checked), before
     * anything is written: where the command line says what the sweep will do, so a refused directory is
     * said alone.
     */
    public static Summary run(SparkSession spark, SweepSpec spec, String out, Options options, SweepData data,
            Runnable starting) throws IOException, OutputExistsException {
        long start = System.currentTimeMillis();
        Instant started = Instant.now();
        FileSystem fs = new Path(out).getFileSystem(spark.sparkContext().hadoopConfiguration());
        Path outPath = fs.makeQualified(new Path(out));
        checkPlace(fs, outPath, out);
        try (OutputLock lock = acquire(fs, outPath, out)) {
            prepareOutput(fs, outPath, spec, options.overwrite());
            // Read (and refuse another engine version's runs) before anything is deleted or written.
            Set<String> done = doneRunIds(spark, fs, outPath, data);
            List<String> broken = ChunkCommit.audit(fs, outPath);
            if (!broken.isEmpty()) {
                LOG.warn("{} committed chunk(s) had files deleted or truncated; their runs are computed again",
                        broken.size());
                done = doneRunIds(spark, fs, outPath, data);
            }
            int orphans = ChunkCommit.removeOrphans(fs, outPath);
            if (orphans > 0) {
                LOG.info("Removed {} files of an interrupted chunk", orphans);
            }
            Grid grid = new Grid(spec);
            long n = grid.size();
            // before the sweep says it starts, so that an interrupt from then on counts the runs already there
            options.committed().runs(done.size(), n);
            starting.run();
            writeText(fs, new Path(outPath, Tables.SPEC_FILE), SpecWriter.toJson(spec));

            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int parallelism = Math.max(1, jsc.defaultParallelism());
            long chunk = ChunkPlan.of(spec, data.shapes(spec), n, parallelism, options.chunkRuns()).runsEach();
            if (!done.isEmpty()) {
                LOG.info("Sweep '{}': resuming, {} of {} already in {}", spec.name(), done.size(), Quantities.plural(n, "run"), out);
            } else {
                LOG.info("Sweep '{}': {} -> {}", spec.name(), Quantities.plural(n, "run"), out);
            }
            Broadcast<SweepSpec> sharedSpec = jsc.broadcast(spec);
            Broadcast<RunDatasets> sharedData = jsc.broadcast(data.datasets());
            Broadcast<Set<String>> sharedDone = jsc.broadcast(done);
            String invocation = invocationId(new java.security.SecureRandom());
            long computed = 0;
            long diverged = 0;
            try (Progress progress = new Progress(spark.sparkContext(), n, done.size(), Progress.interactive(),
                    System.err)) {
                for (long from = 0, k = 0; from < n; from += chunk, k++) {
                    long to = Math.min(n, from + chunk);
                    int tasks = (int) Math.min(to - from, options.tasks() > 0 ? options.tasks() : 4L * parallelism);
                    String id = String.format(java.util.Locale.ROOT, "c%s%05d", invocation, k);
                    long[] counts = runChunk(spark, jsc, spec, outPath, fs, id, sharedSpec, sharedData, sharedDone, from, to, tasks,
                            parallelism, progress);
                    computed += counts[0];
                    diverged += counts[1];
                    options.committed().runs(done.size() + computed, n);
                    if (!progress.drawn() && Progress.wanted() && to < n && counts[0] > 0) {
                        // a log (nohup, a scheduler, a cluster-mode driver) has no progress line: one per chunk
                        // computed (a resume skips the chunks already there without repeating the same line)
                        LOG.info("Sweep '{}': {}", spec.name(), progress.status());
                    }
                }
            } finally {
                sharedSpec.destroy();
                sharedData.destroy();
                sharedDone.destroy();
            }
            fs.delete(new Path(outPath, ChunkCommit.STAGING), true);
            writeText(fs, new Path(outPath, Tables.ENGINE_FILE), engineJson(spark, started, n));
            long millis = System.currentTimeMillis() - start;
            LOG.info("Sweep '{}': {} computed ({} diverged), {} already there, in {} s", spec.name(), Quantities.plural(computed, "run"),
                    diverged, n - computed, millis / 1000.0);
            return new Summary(n, computed, diverged, millis, out);
        }
    }

    /**
     * Refuses an output directory that cannot hold a sweep: one inside another sweep's directory (its
     * tables are read as one folder each, and a sweep nested in {@code runs/} would make the parent
     * unreadable), one below a file, or one that is a file. A folder is a sweep's when it holds the writer
     * lock, or a {@code spec.json} beside another entry a sweep writes: a user's own {@code spec.json} in the
     * folder that is to hold the results does not make it one.
     *
     * @throws org.initsweep.core.UserInputException naming {@code --out} and the reason
     */
    static void checkPlace(FileSystem fs, Path outPath, String out) throws IOException {
        if (fs.exists(outPath) && fs.getFileStatus(outPath).isFile()) {
            throw new org.initsweep.core.UserInputException("--out " + out + " is a file; give a directory");
        }
        for (Path p = outPath.getParent(); p != null; p = p.getParent()) {
            if (!fs.exists(p)) {
                continue;
            }
            if (fs.getFileStatus(p).isFile()) {
                throw new org.initsweep.core.UserInputException("--out " + out + " is below " + PathText.of(p)
                        + ", which is a file; give a directory");
            }
            if (isSweep(fs, p)) {
                throw new org.initsweep.core.UserInputException("--out " + out + " is inside the sweep in " + PathText.of(p)
                        + "; give a directory outside it");
            }
        }
    }

    private static boolean isSweep(FileSystem fs, Path dir) throws IOException {
        if (fs.exists(new Path(dir, OutputLock.FILE))) {
            return true;
        }
        if (!fs.exists(new Path(dir, Tables.SPEC_FILE))) {
            return false;
        }
        for (String entry : OWNED) {
            if (!entry.equals(Tables.SPEC_FILE) && fs.exists(new Path(dir, entry))) {
                return true;
            }
        }
        return false;
    }

    /** The writer lock; a directory that cannot be created or written is the user's input (exit 2). */
    private static OutputLock acquire(FileSystem fs, Path outPath, String out) throws IOException {
        try {
            if (!fs.mkdirs(outPath)) {
                throw new org.initsweep.core.UserInputException("--out " + out
                        + " cannot be created (read-only, or no permission)");
            }
            return OutputLock.acquire(fs, outPath);
        } catch (org.apache.hadoop.security.AccessControlException
                | java.nio.file.FileSystemException e) {
            throw new org.initsweep.core.UserInputException("--out " + out + " cannot be written ("
                    + MessageLines.reason(e)
                    + ")");
        } catch (IOException e) {
            if (!fs.exists(outPath)) {
                throw new org.initsweep.core.UserInputException("--out " + out
                        + " cannot be created (read-only, or no permission)");
            }
            throw e;
        }
    }

    /**
     * Six random hex digits naming this invocation's chunks (staging folders and file prefixes), so
     * that files of an interrupted invocation are never taken for this one's.
     */
    static String invocationId(java.util.Random random) {
        return String.format(java.util.Locale.ROOT, "%06x", random.nextInt(1 << 24));
    }

    /** Trains runs [from, to) not yet done, writes them to staging, commits; returns {computed, diverged}. */
    private static long[] runChunk(SparkSession spark, JavaSparkContext jsc, SweepSpec spec, Path out, FileSystem fs,
            String id, Broadcast<SweepSpec> sharedSpec, Broadcast<RunDatasets> sharedData,
            Broadcast<Set<String>> sharedDone, long from, long to,
            int tasks, int writers, Progress progress) throws IOException {
        if (!anyToDo(sharedSpec.value(), sharedDone.value(), from, to)) {
            return new long[] {0, 0}; // all done before (a resume): no empty files, nothing to commit
        }
        JavaRDD<List<RunResult>> results = jsc.parallelize(IntStream.range(0, tasks).boxed().toList(), tasks)
                .flatMap(new TrainSlot(sharedSpec, sharedData, sharedDone, from, to, tasks, progress.done(),
                        progress.diverged()))
                // One cached element per task: Spark sizes a deserialized block by walking its objects at
                // every 10% of growth, so a block of single runs would be walked ≈ 10 times (≈ 10% of a
                // 10,000-run training job); a task's list is walked once. A task's share of a chunk is
                // in its heap at once, which ChunkPlan's bounds on a chunk's results keep small.
                .glom()
                // Deserialized: the tables' write jobs after the first read the results back without
                // paying Java deserialization of every trace once per table.
                .persist(StorageLevel.MEMORY_AND_DISK());
        // Every job of the chunk carries its tag, so that the first failure can cancel the others.
        String tag = "initsweep-chunk-" + id;
        spark.sparkContext().addJobTag(tag);
        try {
            // Training is the chunk's first job: Spark's FIFO scheduling launches all its tasks (4 per core,
            // balanced by cost) before any write task. The write jobs are submitted at once behind it, so
            // their planning overlaps the training, and a core that the training's last tasks leave idle
            // starts writing the runs already trained (a write task waits for a result still being trained
            // rather than training it again). One writer per core: every Parquet file costs ≈ 20–40 ms to
            // open, encode and commit, so files per chunk follow the cores, not the training tasks.
            JavaFutureAction<List<long[]>> trained = results.map(SweepJob::counts).collectAsync();
            long[] counts = new long[2];
            JavaRDD<RunResult> written = results.coalesce(Math.max(1, Math.min(tasks, writers))).flatMap(List::iterator);
            Path staged = new Path(new Path(out, ChunkCommit.STAGING), id);
            List<Runnable> steps = new ArrayList<>();
            steps.add(() -> {
                for (long[] c : ChunkSteps.await(trained)) {
                    counts[0] += c[0];
                    counts[1] += c[1];
                }
            });
            steps.add(() -> spark.createDataFrame(written.flatMap(r -> TraceRows.layerRows(r).iterator()), TraceRows.LAYERS)
                    .write().options(TraceRows.LAYERS_WRITE_OPTIONS).partitionBy("activation")
                    .parquet(child(staged, Tables.LAYERS)));
            steps.add(() -> spark.createDataFrame(written.flatMap(r -> TraceRows.epochRows(r).iterator()), TraceRows.EPOCHS)
                    .write().parquet(child(staged, Tables.EPOCHS)));
            if (spec.outputs().histograms()) {
                steps.add(() -> spark.createDataFrame(written.flatMap(r -> TraceRows.histogramRows(r).iterator()),
                        TraceRows.HISTOGRAMS).write().parquet(child(staged, Tables.HISTOGRAMS)));
            }
            if (spec.outputs().jacobian()) {
                steps.add(() -> spark.createDataFrame(written.flatMap(r -> TraceRows.jacobianRows(r).iterator()),
                        TraceRows.JACOBIAN).write().parquet(child(staged, Tables.JACOBIAN)));
            }
            if (spec.outputs().boundaries()) {
                steps.add(() -> spark.createDataFrame(written.flatMap(r -> TraceRows.boundaryRows(r).iterator()),
                        TraceRows.BOUNDARIES).write().parquet(child(staged, Tables.BOUNDARIES)));
            }
            // One runs/ file per chunk, so that the last rename of a commit is a single atomic step.
            steps.add(() -> spark.createDataFrame(written.mapPartitions(TraceRows::runRows), TraceRows.RUNS).coalesce(1)
                    .write().parquet(child(staged, Tables.RUNS)));
            ChunkSteps.run(steps, () -> {
                try {
                    spark.sparkContext().cancelJobsWithTag(tag);
                } catch (IllegalStateException stopped) {
                    // the context stopped under the chunk (a master gave the application up, a kill): no job to cancel
                }
            }, () -> spark.sparkContext().isStopped());
            ChunkCommit.commit(fs, out, id);
            LOG.debug("Chunk {} committed: runs [{}, {}), {} computed", id, from, to, counts[0]);
            return counts;
        } finally {
            spark.sparkContext().removeJobTag(tag);
            if (!spark.sparkContext().isStopped()) { // a stopped context's block manager takes no request
                results.unpersist(false);
            }
        }
    }

    /** {runs, diverged runs} of one training task's results. */
    private static long[] counts(List<RunResult> results) {
        long diverged = results.stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
        return new long[] {results.size(), diverged};
    }

    /** Whether a run in [from, to) of the grid is not yet done. */
    private static boolean anyToDo(SweepSpec spec, Set<String> done, long from, long to) {
        Grid grid = new Grid(spec);
        for (long i = from; i < to; i++) {
            if (TrainSlot.toDo(grid.run(i), done)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ids of the runs already in {@code runs/}, after checking that an engine of this version computed
     * them: another version's results differ (at least in the last bits; see the README's determinism
     * section), and a directory mixing two would look like one sweep.
     *
     * @throws OutputExistsException if a run there was computed by another engine version
     */
    private static Set<String> doneRunIds(SparkSession spark, FileSystem fs, Path out, SweepData data)
            throws IOException, OutputExistsException {
        Path runs = new Path(out, Tables.RUNS);
        if (!fs.exists(runs) || ChunkCommit.parquetFiles(fs, runs).isEmpty()) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        Dataset<Row> runsTable = spark.read().parquet(runs.toString());
        boolean hasSettings = java.util.Arrays.asList(runsTable.columns()).contains("settings");
        Set<String> recorded = new java.util.TreeSet<>();
        boolean hasSha = java.util.Arrays.asList(runsTable.columns()).contains("dataset_sha256");
        // one job: a run's row is small, and the distinct (dataset, SHA-256) pairs are few
        Map<String, Set<String>> shas = new java.util.TreeMap<>();
        for (Row r : runsTable.select(functions.col("run_id"), hasSettings ? functions.col("settings")
                : functions.concat(functions.lit("engine_version="), functions.col("engine_version")),
                functions.col("dataset"), hasSha ? functions.col("dataset_sha256") : functions.lit(null).cast("string"))
                .collectAsList()) {
            ids.add(r.getString(0));
            recorded.add(String.valueOf(r.getString(1)));
            if (!r.isNullAt(3)) {
                shas.computeIfAbsent(r.getString(2), k -> new java.util.TreeSet<>()).add(r.getString(3));
            }
        }
        for (Map.Entry<String, Set<String>> e : shas.entrySet()) {
            var now = data.datasets().loaded().get(e.getKey());
            for (String sha : e.getValue()) {
                if (now != null && !now.sha256().equals(sha)) {
                    throw new OutputExistsException("output directory " + PathText.of(out) + " holds runs of dataset "
                            + e.getKey()
                            + " computed on other bytes (SHA-256 " + sha.substring(0, 12) + "… there, "
                            + now.sha256().substring(0, 12) + "… now): pass --overwrite or choose another --out", true);
                }
            }
        }
        Provenance here = Provenance.current();
        for (String settings : recorded) {
            Map<String, String> theirs = Provenance.parseNumbers(settings);
            java.util.List<String> diff = hasSettings ? here.differences(theirs)
                    : here.differences(Map.of("engine_version", theirs.getOrDefault("engine_version", "unknown")))
                            .stream().filter(d -> d.startsWith("engine_version")).toList();
            if (!diff.isEmpty()) {
                throw new OutputExistsException("output directory " + PathText.of(out) + " holds runs computed with other settings ("
                        + String.join("; ", diff) + "), and their results differ: pass --overwrite or choose another"
                        + " --out", true);
            }
        }
        return ids;
    }

    private static void prepareOutput(FileSystem fs, Path out, SweepSpec spec, boolean overwrite)
            throws IOException, OutputExistsException {
        if (overwrite) {
            // Only what a sweep writes is deleted: --out pointed at a home directory stays a home directory.
            for (String entry : OWNED) {
                fs.delete(new Path(out, entry), true);
            }
            return;
        }
        Path specFile = new Path(out, Tables.SPEC_FILE);
        if (fs.exists(specFile)) {
            String stored = org.initsweep.analysis.io.TextFiles.read(fs, specFile);
            SweepSpec previous;
            try {
                previous = SpecReader.parse(stored, specFile.toString());
            } catch (SpecException e) {
                // not a sweep's: --overwrite would delete someone's file, so it is not offered
                throw new OutputExistsException("output directory " + PathText.of(out) + " holds a "
                        + Tables.SPEC_FILE + " that is not a sweep spec initsweep wrote; choose another --out", true);
            }
            if (!previous.sameRuns(spec)) {
                if (holdsRuns(fs, out)) {
                    throw new OutputExistsException(PathText.of(out), previous.fieldsDifferentFrom(spec));
                }
                // A sweep stopped or refused before its first commit left its spec and nothing of value:
                // the corrected spec takes the directory without --overwrite.
                for (String entry : OWNED) {
                    fs.delete(new Path(out, entry), true);
                }
            }
            return;
        }
        for (String entry : OWNED) {
            if (fs.exists(new Path(out, entry))) {
                throw new OutputExistsException("output directory " + PathText.of(out) + " holds " + entry
                        + " but no sweep's " + Tables.SPEC_FILE + ": choose another --out (--overwrite would replace "
                        + entry + ")", true);
            }
        }
    }

    /** Whether {@code out} holds a committed runs/ file. */
    private static boolean holdsRuns(FileSystem fs, Path out) throws IOException {
        Path runs = new Path(out, Tables.RUNS);
        return fs.exists(runs) && !ChunkCommit.parquetFiles(fs, runs).isEmpty();
    }

    private static String child(Path out, String name) {
        return new Path(out, name).toString();
    }

    /**
     * Writes spec.json or engine.json: not at all where it already holds {@code text} (a resume, a rerun), else in
     * one step ({@link org.initsweep.analysis.io.Publish#text}). A file truncated by a kill mid-write would make
     * the next run refuse the directory and strand its runs.
     */
    private static void writeText(FileSystem fs, Path file, String json) throws IOException {
        // a text file's last line ends: `cat` leaves no half prompt
        String text = json.endsWith("\n") ? json : json + "\n";
        if (fs.isFile(file) && org.initsweep.analysis.io.TextFiles.read(fs, file).equals(text)) {
            return;
        }
        org.initsweep.analysis.io.Publish.text(fs, text, file);
    }

    private static String engineJson(SparkSession spark, Instant started, long runs) {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var o = mapper.createObjectNode();
        Provenance p = Provenance.current();
        o.put("engine_version", EngineVersion.get());
        o.put("engine_commit", p.commit());
        o.put("engine_dirty", p.dirty());
        o.put("spark_version", spark.version());
        o.put("nd4j_version", EngineVersion.nd4j());
        o.put("java_version", p.javaVersion());
        o.put("os", p.os());
        o.put("arch", p.arch());
        o.put("vector_bits", p.vectorBits());
        var settings = o.putObject("settings");
        p.numbers().forEach(settings::put);
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
