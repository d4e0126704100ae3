package org.initsweep.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.core.Quantities;
import org.initsweep.core.UserInputException;
import org.initsweep.core.regime.SignalGrowth;
import org.apache.spark.SparkConf;
import org.initsweep.core.spec.Preflight;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.spark.SparkSessions;
import org.initsweep.spark.SweepJob;
import org.initsweep.spark.TaskMemory;
import org.initsweep.spark.data.SweepData;
import org.initsweep.core.data.MemoryBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code initsweep run SPEC}: the sweep, then its analysis. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the sweep described by SPEC and write its traces (and analysis) under --out.")
final class RunCommand implements Callable<Integer> {

    /**
     * Said on Ctrl-C or SIGTERM before the sweep has counted its runs (reading the spec and data, starting
     * Spark): this attempt has committed nothing, and may have found no earlier runs either; with
     * {@code --overwrite} it may already have deleted them.
     */
    static String interrupted(boolean overwrite) {
        return overwrite ? "initsweep: interrupted before the sweep started: no run of this attempt was committed, and"
                + " --overwrite may already have deleted the directory's earlier results; run the command again to start afresh."
                : "initsweep: interrupted before the sweep started: no run of this attempt was committed (runs an earlier"
                + " attempt committed are kept); run the same command again to start or resume.";
    }

    /**
     * Said on Ctrl-C or SIGTERM once {@code committed} of the grid's {@code total} runs are in runs/ (and
     * during the analysis, when all are). After {@code --overwrite} the resume is the command without it,
     * which would delete them again.
     */
    static String interrupted(int chunkRuns, long committed, long total, boolean overwrite) {
        if (committed == 0) {
            return "initsweep: interrupted before the first chunk was committed (" + chunk(chunkRuns)
                    + "): no run is kept; the same command starts the sweep again.";
        }
        String again = overwrite ? "run the command again without --overwrite to " : "run the same command again to ";
        return "initsweep: interrupted. " + committed + " of " + Quantities.plural(total, "run") + " are committed and kept"
                + (committed < total ? " (" + chunk(chunkRuns) + "): " + again + "resume." : "; " + again + "finish.");
    }

    private static String chunk(int chunkRuns) {
        return "a chunk is " + (chunkRuns > 0 ? Quantities.plural(chunkRuns, "run") + ", from --chunk-runs"
                : "about a minute of work; --chunk-runs sets it");
    }

    @Parameters(index = "0", paramLabel = "SPEC", converter = SpecFile.class, description = "Sweep spec (JSON).")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR", converter = Directory.Hadoop.class, description = "Output directory (default: results/<spec name>).")
    String out;

    @Option(names = "--overwrite", description = "Replace results already in the output directory (by default a "
            + "directory holding this same spec is resumed: only missing runs are computed).")
    boolean overwrite;

    @Option(names = "--tasks", paramLabel = "N", description = "Spark tasks (default, or 0: 4 per core).")
    int tasks;

    @Option(names = "--chunk-runs", paramLabel = "N", description = "Runs per chunk, the unit of commit and resume"
            + " (default, or 0: about a minute of the cluster's work, 256 to 10000 runs). A chunk's results wait in"
            + " executor memory until it is written.")
    int chunkRuns;

    @Option(names = "--no-analyze", negatable = true, defaultValue = "true",
            description = "Analyze and draw the charts after the sweep (default: on; --no-analyze skips both).")
    boolean analyze = true;

    /** Grids above this many runs are refused unless --max-runs raises it (validate says so too). */
    static final long DEFAULT_MAX_RUNS = 1_000_000;

    @Option(names = "--max-runs", paramLabel = "N", description = "Refuse grids larger than N runs (default: ${DEFAULT-VALUE}).")
    long maxRuns = DEFAULT_MAX_RUNS;

    @Option(names = "--ignore-memory-check",
            description = "Run even if the largest run seems not to fit the memory of a Spark task.")
    boolean ignoreMemoryCheck;

    @Option(names = "--data-dir", paramLabel = "DIR", converter = Directory.class, description = "Where MNIST and other fetched datasets are kept"
            + " (default: $INITSWEEP_DATA, else ~/.initsweep/data).")
    String dataDir;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Main.during(new Situation(interrupted(overwrite), "make the largest run smaller (depth × width × samples)", null));
        SweepSpec s = SpecReader.read(spec);
        org.initsweep.core.train.Trainer.checkSystemProperties();
        if (tasks < 0) {
            throw new UserInputException("--tasks must be ≥ 0, got " + tasks);
        }
        if (chunkRuns < 0) {
            throw new UserInputException("--chunk-runs must be ≥ 0, got " + chunkRuns);
        }
        if (maxRuns < 1) {
            throw new UserInputException("--max-runs must be ≥ 1, got " + maxRuns);
        }
        String dir = out != null ? out : "results/" + s.name();
        Main.during(Main.situation().writing(dir));
        if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(dir))) {
            throw new UserInputException("--out " + dir + " is a file; give a directory");
        }
        SparkConf conf = new SparkConf();
        String master = SparkSessions.master(conf, common.master);
        Main.during(Main.situation().tasksHere(tasksHere(conf, master)));
        SparkSession[] session = {null};
        java.util.function.Supplier<SparkSession> spark = () -> session[0] != null ? session[0]
                : (session[0] = SparkSessions.create("initsweep " + s.name(), master));
        try {
            return run(s, dir, conf, master, spark);
        } finally {
            if (session[0] != null) {
                StoppedContext.end(session[0], common.debug);
            }
        }
    }

    private int run(SweepSpec s, String dir, SparkConf conf, String master,
            java.util.function.Supplier<SparkSession> sparkSupplier) throws Exception {
        boolean realData = s.datasets().stream().anyMatch(d -> !(d instanceof org.initsweep.core.data.DatasetSource.Generated));
        SweepData data = !realData ? SweepData.GENERATED : SweepData.load(s, dataDir, sparkSupplier,
                new MemoryBudget(Runtime.getRuntime().maxMemory() / 2,
                        "half of the driver's heap",
                        "INITSWEEP_JAVA_OPTS=-Xmx… (bin/initsweep) or --driver-memory (spark-submit)"));
        Preflight preflight = Preflight.of(s, data.shapes(s));
        if (preflight.runs() > maxRuns) {
            throw new UserInputException("the grid has " + preflight.runs() + " runs, more than --max-runs="
                    + maxRuns + "; raise --max-runs to run it, or split the spec");
        }
        if (!ignoreMemoryCheck) {
            checkMemory(preflight, conf, master);
        }
        if (master.startsWith("spark://") && !conf.contains("spark.executor.cores")) {
            System.err.println("initsweep: spark.executor.cores is not set: a standalone executor then takes all of"
                    + " its worker's cores, and the memory check assumed one task per executor");
        }
        SparkSession spark = sparkSupplier.get();
        org.initsweep.spark.OutputStore.check(dir, spark.sparkContext().getConf(), spark.sparkContext().hadoopConfiguration());
        {
            // said once the directory is known to take the sweep, so that a refusal is the only line
            SweepJob.Summary sum = SweepJob.run(spark, s, dir, new SweepJob.Options(overwrite, tasks, chunkRuns,
                    (committed, total) -> Main.during(Main.situation().interrupted(interrupted(chunkRuns, committed, total, overwrite)))), data,
                    () -> {
                        System.out.printf(java.util.Locale.ROOT, "initsweep: sweep '%s' -> %s: %s%n", s.name(), dir,
                                preflight.describe());
                        Preflight.withoutBoundaries(s, data.shapes(s)).forEach(Main::warn);
                    });
            if (sum.computed() < sum.runs()) {
                long done = sum.runs() - sum.computed();
                System.out.printf(java.util.Locale.ROOT, "initsweep: %s computed (%d diverged), %d %s already done, in %.1f s%n",
                        Quantities.plural(sum.computed(), "run"), sum.diverged(), done, done == 1 ? "was" : "were",
                        sum.millis() / 1000.0);
            } else {
                System.out.printf(java.util.Locale.ROOT, "initsweep: %s (%d diverged) in %.1f s%n", Quantities.plural(sum.runs(), "run"),
                        sum.diverged(), sum.millis() / 1000.0);
            }
            if (!analyze) {
                org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
                org.initsweep.analysis.io.AnalysisStamp.warningIfStale(root.getFileSystem(
                        spark.sparkContext().hadoopConfiguration()), root, dir, () -> java.util.OptionalLong.of(sum.runs()))
                        .ifPresent(Main::warn);
            } else {
                Main.during(Main.situation().interrupted("initsweep: interrupted during the analysis. All "
                        + Quantities.plural(sum.runs(), "run") + " are kept; the analysis " + AnalyzeCommand.LEAVES));
                Analysis.Summary a = AnalyzeCommand.analyzeLocked(spark, dir, SignalGrowth.DEFAULT_DECADES, true,
                        data.forAnalysis());
                AnalyzeCommand.print(a, dir);
            }
        }
        return 0;
    }

    /** Whether the tasks run in this JVM; false for a malformed master, which is reported where it is used. */
    private static boolean tasksHere(SparkConf conf, String master) {
        try {
            return TaskMemory.inThisJvm(conf, master);
        } catch (UserInputException e) {
            return false;
        }
    }

    /**
     * Refuses a sweep whose largest run would not fit a Spark task ({@link TaskMemory}): its share of
     * the Java heap (float32 runs keep their values in Java arrays) and of the off-heap memory (ND4J).
     * Both shortfalls, if both, in one line, with the setting to raise for this master.
     *
     * @throws UserInputException naming each memory, both sizes and the setting to raise
     */
    static void checkMemory(Preflight preflight, SparkConf conf, String master) {
        TaskMemory.Budget budget = TaskMemory.of(conf, master);
        boolean local = budget.inThisJvm();
        String xmx = "-Xmx (bin/initsweep: INITSWEEP_JAVA_OPTS=-Xmx…)";
        java.util.List<String> need = new java.util.ArrayList<>();
        java.util.List<String> have = new java.util.ArrayList<>();
        java.util.List<String> raise = new java.util.ArrayList<>();
        long heap = budget.heapBytes();
        if (preflight.float32() && preflight.maxRunBytes() > heap) {
            String[] sizes = sizes(preflight.maxRunBytes(), heap);
            need.add(sizes[0] + " of Java heap (float32 runs keep their values in Java arrays)");
            have.add(sizes[1]);
            raise.add(local ? xmx : "spark.executor.memory");
        }
        long offHeap = budget.offHeapBytes();
        if (preflight.maxRunOffHeapBytes() > offHeap) {
            String[] sizes = sizes(preflight.maxRunOffHeapBytes(), offHeap);
            need.add(sizes[0] + " of ND4J memory");
            have.add(sizes[1]);
            if (!local) {
                raise.add("spark.executor.memoryOverhead");
            } else if (TaskMemory.javaCppLimitSet()) {
                raise.add("-Dorg.bytedeco.javacpp.maxbytes");
            } else if (raise.isEmpty()) { // -Xmx also sizes JavaCPP's limit
                raise.add(xmx);
            }
        }
        if (!need.isEmpty()) {
            throw new UserInputException("the largest run needs about " + String.join(" and ", need)
                    + "; a Spark task on " + master + " has " + String.join(" and ", have) + " (raise "
                    + String.join(" and ", raise) + ", or pass --ignore-memory-check)");
        }
    }

    /** Two sizes as {@link Quantities#bytes}, in MiB to a tenth where that would print them alike. */
    private static String[] sizes(long need, long have) {
        String n = Quantities.bytes(need);
        String h = Quantities.bytes(have);
        return !n.equals(h) ? new String[] {n, h}
                : new String[] {String.format(java.util.Locale.ROOT, "%.1f MiB", need / 1048576.0),
                        String.format(java.util.Locale.ROOT, "%.1f MiB", have / 1048576.0)};
    }
}
