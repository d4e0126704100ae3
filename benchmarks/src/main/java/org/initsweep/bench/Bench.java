package org.initsweep.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.data.Datasets;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.nn.Nd4jThreads;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.SpecException;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.train.RunBatches;
import org.initsweep.core.train.RunDatasets;
import org.initsweep.core.train.Trainer;
import org.initsweep.spark.ScheduleProbe;
import org.initsweep.spark.SparkSessions;
import org.initsweep.spark.SweepJob;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * initsweep's throughput benchmark, run by hand (never in CI): {@code benchmarks/bench}.
 *
 * <p>Sections (all by default, {@code --sections dl4j,spark,memory,data} to choose):
 * <ol>
 *   <li>{@code dl4j}: initsweep ({@link Trainer#train(RunSpec)}, record_epochs = [0], the path the
 *       Spark job runs) vs DL4J {@code MultiLayerNetwork} on the same MLP and data, one thread
 *       each, with the roofline column: achieved GFLOP/s against ND4J's large-matrix sgemm.</li>
 *   <li>{@code spark}: ≥ 500 small runs through {@link SweepJob} in local[1] and local[2] vs a
 *       plain loop of {@code Trainer.train}.</li>
 *   <li>{@code memory}: driver heap retained by a 100,000-run grid, expanded and scheduled.</li>
 *   <li>{@code data}: reading and standardizing MNIST's training set ({@link DataBench}).</li>
 *   <li>{@code mnist}: one MNIST epoch vs a PyTorch loop ({@link MnistEpochBench}).</li>
 *   <li>{@code ensemble}: many small runs vs a PyTorch loop and a batched PyTorch ensemble
 *   ({@link EnsembleBench}); not in the default set (several minutes).</li>
 * </ol>
 * Every figure is the median of {@code --reps} repetitions after warm-up. Tables go to stdout
 * (Markdown), progress to stderr.
 */
public final class Bench {

    private static final int SAMPLES = 256;
    private static final double LR = 0.1;

    private int epochs = 10;
    private int reps = 5;
    private double repSeconds = 0.6;
    private int[] widths = {4, 16, 64, 256, 1024};
    /** The ensemble section's widths: issue 19's 4, 16, 64 unless --widths names others. */
    private int[] ensembleWidths = {4, 16, 64};
    private int[] depths = {9, 50};
    private int sparkReps = 3;
    private Set<String> sections = new LinkedHashSet<>(List.of("dl4j", "spark", "memory", "data", "mnist"));
    private long seedCounter = 1;
    private boolean compareBefore = true;
    /** Further sweeps for the Spark section; default: the project's conf/default.json unless --quick. */
    private final List<Path> sparkSpecs = new java.util.ArrayList<>();
    private boolean quick;
    /** Kernel of the "before" column ({@code initsweep.kernel}): blas (no Vector API) or nd4j. */
    private String beforeKernel = "blas";

    public static void main(String[] args) throws Exception {
        Bench b = new Bench();
        b.parse(args);
        b.run();
        System.exit(0);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--spark-reps" -> sparkReps = Integer.parseInt(args[++i]);
                case "--rep-seconds" -> repSeconds = Double.parseDouble(args[++i]);
                case "--widths" -> {
                    widths = ints(args[++i]);
                    ensembleWidths = widths;
                }
                case "--depths" -> depths = ints(args[++i]);
                case "--sections" -> sections = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                case "--no-before" -> compareBefore = false;
                case "--before" -> beforeKernel = args[++i];
                case "--spark-spec" -> sparkSpecs.add(Path.of(args[++i]));
                case "--quick" -> {
                    widths = new int[] {4, 16, 64};
                    depths = new int[] {9};
                    reps = 3;
                    sparkReps = 1;
                    quick = true;
                }
                default -> throw new IllegalArgumentException("unknown argument " + a
                        + " (--epochs N --reps N --spark-reps N --rep-seconds S --widths a,b --depths a,b"
                        + " --sections dl4j,spark,memory,data,mnist,ensemble --spark-spec FILE --before blas|nd4j --no-before --quick)");
            }
        }
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private void run() throws Exception {
        Nd4jThreads.limitToOne();
        Nd4j.create(DataType.FLOAT, 1, 1); // load the backend before timing anything
        System.out.println("## Machine");
        System.out.println();
        System.out.println("- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores visible");
        System.out.println("- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        System.out.println("- ND4J " + org.initsweep.core.EngineVersion.nd4j() + " (OpenBLAS backend), OMP_NUM_THREADS="
                + System.getenv("OMP_NUM_THREADS") + ", ND4J max threads " + Nd4j.getEnvironment().maxThreads()
                + ", BLAS threads " + Nd4j.factory().blas().getMaxThreads());
        System.out.println("- initsweep kernel: " + System.getProperty("initsweep.kernel", "auto")
                + "; Vector API kernel " + (org.initsweep.core.nn.Kernel.vectorAvailable()
                        ? "(vector" + org.initsweep.core.nn.Kernel.vectorBits() + ") for layers of ≤ "
                                + org.initsweep.core.nn.Kernel.vectorMaxParams() + " weights"
                        : "unavailable") + ", else sgemm (without it: Java loops for layers of ≤ "
                + org.initsweep.core.nn.Kernel.javaMaxParams() + " weights)");
        System.out.println("- Load average at start: " + loadAverage());
        System.out.println("- Each figure: median of " + reps + " repetitions (Spark: " + sparkReps
                + ") after warm-up, all in this one JVM run.");
        System.out.println();
        if (sections.contains("dl4j")) {
            dl4jAndRoofline();
        }
        if (sections.contains("spark")) {
            System.out.println("## Spark overhead and scaling");
            System.out.println();
            spark(spec(SPARK_SPEC), "Sweep of 520 small runs (tanh/relu × 5 multipliers × depths 4, 8 × widths 8, 32 × "
                    + "13 seeds; moons, 256 samples, full batch, 10 epochs, traces at epochs 0 and 10).");
            spark(spec(SPARK_LANES_SPEC), "Sweep of 10,000 width-4 runs (issue 19's target: tanh, depth 9, 25 multipliers "
                    + "× 400 seeds; moons, 256 samples, full batch, 50 epochs, traces at epochs 0 and 50).");
            if (sparkSpecs.isEmpty() && !quick) {
                Path root = Path.of(System.getProperty("initsweep.root", "."));
                if (Files.isRegularFile(root.resolve("conf/default.json"))) {
                    sparkSpecs.add(root.resolve("conf/default.json"));
                }
            }
            for (Path file : sparkSpecs) {
                SweepSpec spec;
                try {
                    spec = SpecReader.read(file);
                } catch (SpecException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                spark(spec, "`" + file.getFileName() + "`: " + org.initsweep.core.spec.Preflight.of(spec).describe()
                        + ".");
            }
        }
        if (sections.contains("memory")) {
            memory();
        }
        if (sections.contains("ensemble")) {
            log("ensemble: sgemm reference...");
            EnsembleBench.run(ensembleWidths, reps, Path.of(System.getProperty("initsweep.root", ".")), sgemmGflops(2048));
        }
        if (sections.contains("data")) {
            DataBench.run(reps, Path.of(System.getProperty("initsweep.root", ".")));
        }
        if (sections.contains("mnist")) {
            log("MNIST epoch: sgemm reference, initsweep, PyTorch...");
            MnistEpochBench.run(reps, Path.of(System.getProperty("initsweep.root", ".")), sgemmGflops(2048));
        }
        System.out.println("Load average at end: " + loadAverage()
                + " (2 cores; a load above the benchmark's own threads means other work shared the machine).");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    // ---------------------------------------------------------------- initsweep vs DL4J + roofline

    private void dl4jAndRoofline() {
        log("sgemm reference...");
        double sgemmStart = sgemmGflops(2048);
        System.out.println("## initsweep vs DL4J MultiLayerNetwork, and roofline");
        System.out.println();
        System.out.printf(Locale.ROOT, "MLP: input 2 (moons), `depth` tanh hidden layers of `width`, sigmoid output, "
                + "binary cross-entropy, full-batch SGD (batch = samples = %d, lr %.2f), float32, %d epochs, one thread."
                + " Runs/s by the benchmark thread's CPU time (each engine computes on the calling thread; "
                + "robust to other load on the machine); initsweep's wall-clock runs/s is shown too."
                + " A run = data + init + training. initsweep: `Trainer.train(RunSpec)` with record_epochs = [0] "
                + "(per-epoch loss/accuracy, layer traces at init); \"no traces\": record_epochs = [] (per-epoch loss/accuracy only), what a run costs once the traces are cheap. DL4J: `MultiLayerNetwork`, `Sgd`, LeCun normal, "
                + "workspaces ENABLED, no listeners, `fit(DataSet)` per epoch.%n%n", SAMPLES, LR, epochs);
        // The table is printed at the end: the reference is the better of a measurement before and after
        // the rows (a VM's clock varies by 10–20% over minutes; the machine's limit is the higher one).
        List<String> rows = new ArrayList<>(); // "@PCT@" stands for the % of the reference, known at the end
        List<Double> gflopsOfRows = new ArrayList<>();
        for (int depth : depths) {
            for (int width : widths) {
                // The engines' repetitions take turns (DL4J, [before,] initsweep, [no traces], DL4J, …):
                // a VM whose speed drifts by 10% over a minute then slows all of them alike.
                List<String> names = new ArrayList<>(List.of("DL4J"));
                List<LongConsumer> engines = new ArrayList<>(List.of(seed -> Dl4jMlp.train(
                        Datasets.generate(DatasetKind.MOONS, SAMPLES, width, seed), depth, width, epochs, LR, seed)));
                if (compareBefore) {
                    names.add("initsweep, kernel " + beforeKernel);
                    engines.add(seed -> {
                        System.setProperty("initsweep.kernel", beforeKernel);
                        try {
                            Trainer.train(benchRun(depth, width, seed));
                        } finally {
                            System.clearProperty("initsweep.kernel");
                        }
                    });
                }
                names.add("initsweep");
                engines.add(seed -> Trainer.train(benchRun(depth, width, seed)));
                if (width <= 256) {
                    names.add("initsweep without traces");
                    engines.add(seed -> Trainer.train(benchRun(depth, width, seed, List.of())));
                }
                log("width " + width + " depth " + depth + ": " + String.join(", ", names) + ", in turns...");
                Rates[] rates = runsPerSecond(engines);
                double dl4j = rates[0].cpu();
                double before = compareBefore ? rates[1].cpu() : Double.NaN;
                int mine = compareBefore ? 2 : 1;
                double ours = rates[mine].cpu();
                double oursWall = rates[mine].wall();
                String noTraces = "–";
                if (width <= 256) {
                    double nt = rates[mine + 1].cpu();
                    noTraces = String.format(Locale.ROOT, "%s (%.1f×)", fmt(nt), nt / dl4j);
                }
                double gflops = ours * flopsPerRun(depth, width) / 1e9;
                rows.add(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | **%.1f×** | %.1f | @PCT@ | %s | %s |",
                        width, depth, fmt(dl4j), compareBefore ? fmt(before) : "–",
                        compareBefore ? String.format(Locale.ROOT, "%.1f×", before / dl4j) : "–", fmt(ours), ours / dl4j,
                        gflops, fmt(oursWall), noTraces));
                gflopsOfRows.add(gflops);
            }
        }
        log("sgemm reference again...");
        double sgemmEnd = sgemmGflops(2048);
        double sgemm = Math.max(sgemmStart, sgemmEnd);
        System.out.printf(Locale.ROOT, "Roofline reference: ND4J `Nd4j.gemm` float32 2048×2048×2048, one thread: "
                + "**%.1f GFLOP/s** (the better of %.1f before the rows and %.1f after). Training FLOPs counted as "
                + "6·batch·fan_in·fan_out per layer per epoch.%n%n", sgemm, sgemmStart, sgemmEnd);
        System.out.println("| width | depth | DL4J runs/s | initsweep before (kernel " + beforeKernel + ") runs/s | before / DL4J "
                + "| initsweep runs/s | **initsweep / DL4J** | initsweep GFLOP/s | % of sgemm | initsweep wall runs/s "
                + "| initsweep, no traces: runs/s (× DL4J) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int r = 0; r < rows.size(); r++) {
            System.out.println(rows.get(r).replace("@PCT@",
                    String.format(Locale.ROOT, "%.0f%%", 100 * gflopsOfRows.get(r) / sgemm)));
        }
        System.out.println();
    }

    private RunSpec benchRun(int depth, int width, long seed) {
        return benchRun(depth, width, seed, List.of(0));
    }

    private RunSpec benchRun(int depth, int width, long seed, List<Integer> record) {
        return new RunSpec("bench", depth, width, Activation.TANH, InitSpec.of(InitScheme.SCALED_NORMAL), 1.0, 0.0,
                DatasetKind.MOONS, seed, SAMPLES, epochs, LR, SAMPLES, record, Precision.FLOAT32);
    }

    private double flopsPerRun(int depth, int width) {
        double perEpoch = 6.0 * SAMPLES * (2.0 * width + (depth - 1.0) * width * width + width);
        return perEpoch * epochs;
    }

    /** Median runs/s of one engine: by the benchmark thread's CPU time, and by the wall clock. */
    private record Rates(double cpu, double wall) {
    }

    /**
     * Median runs/s of each engine over {@link #reps} repetitions of about {@link #repSeconds} each,
     * after warm-up, by the benchmark thread's CPU time (one-thread engines: all their arithmetic
     * runs on the calling thread), so other load on the machine does not distort the comparison; the
     * wall-clock median too. The engines' repetitions alternate, so a drift of the machine's speed
     * during the measurement affects all of them alike.
     */
    private Rates[] runsPerSecond(List<LongConsumer> engines) {
        java.lang.management.ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        int k = engines.size();
        int[] perRep = new int[k];
        boolean slow = false;
        for (int e = 0; e < k; e++) {
            // Warm-up: JIT, ND4J buffers, DL4J's workspaces; at least 2 runs and 0.5 s.
            long t0 = System.nanoTime();
            double last = 0;
            for (int i = 0; i < 2 || System.nanoTime() - t0 < 500_000_000L; i++) {
                long s = tmx.getCurrentThreadCpuTime();
                engines.get(e).accept(seedCounter++);
                last = (tmx.getCurrentThreadCpuTime() - s) / 1e9;
                if (last > 3) {
                    break; // a slow run needs little warm-up
                }
            }
            perRep[e] = (int) Math.max(1, Math.round(repSeconds / Math.max(last, 1e-6)));
            slow |= last > 3;
        }
        int n = slow ? Math.min(reps, 3) : reps;
        double[][] rates = new double[k][n];
        double[][] wall = new double[k][n];
        for (int r = 0; r < n; r++) {
            for (int e = 0; e < k; e++) {
                long s = tmx.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                for (int i = 0; i < perRep[e]; i++) {
                    engines.get(e).accept(seedCounter++);
                }
                rates[e][r] = perRep[e] / ((tmx.getCurrentThreadCpuTime() - s) / 1e9);
                wall[e][r] = perRep[e] / ((System.nanoTime() - w) / 1e9);
            }
        }
        Rates[] out = new Rates[k];
        for (int e = 0; e < k; e++) {
            out[e] = new Rates(median(rates[e]), median(wall[e]));
        }
        return out;
    }

    /** Median single-thread sgemm rate of ND4J on n×n×n float matrices, GFLOP/s. */
    private double sgemmGflops(int n) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        for (int i = 0; i < 2; i++) {
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        }
        double[] rates = new double[reps];
        java.lang.management.ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < reps; r++) {
            long s = tmx.getCurrentThreadCpuTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            rates[r] = 2.0 * n * n * n / (tmx.getCurrentThreadCpuTime() - s);
        }
        return median(rates);
    }

    // ---------------------------------------------------------------- Spark

    private static final String SPARK_SPEC = """
            {"name": "bench-spark", "depths": [4, 8], "widths": [8, 32], "activations": ["tanh", "relu"],
             "inits": ["scaled_normal"], "multipliers": [0.25, 0.5, 1, 2, 4],
             "datasets": ["moons"], "seeds": [1,2,3,4,5,6,7,8,9,10,11,12,13],
             "samples": 256, "epochs": 10, "learning_rate": 0.1, "record_epochs": [0, 10]}
            """;

    /** 25 multipliers from 0.25 to 4, evenly spaced in ln m, × 400 seeds. */
    private static final String SPARK_LANES_SPEC = String.format(Locale.ROOT, """
            {"name": "bench-spark-lanes", "depths": [9], "widths": [4], "activations": ["tanh"],
             "inits": ["scaled_normal"], "multipliers": [%s], "datasets": ["moons"], "seeds": [%s],
             "samples": 256, "epochs": 50, "learning_rate": 0.1, "record_epochs": [0, 50]}
            """, java.util.stream.IntStream.range(0, 25).mapToObj(i -> String.format(Locale.ROOT, "%.6g",
                    0.25 * Math.pow(16, i / 24.0))).collect(java.util.stream.Collectors.joining(", ")),
            java.util.stream.IntStream.rangeClosed(1, 400).mapToObj(Integer::toString)
                    .collect(java.util.stream.Collectors.joining(",")));

    private void spark(SweepSpec spec, String what) throws IOException {
        Grid grid = new Grid(spec);
        long n = grid.size();
        Path out = Files.createTempDirectory("initsweep-bench-spark");
        System.out.println(what + " Spark: "
                + "`SweepJob.run(SparkSessions.create(..), spec, out, new SweepJob.Options(true, 0))`, wall time "
                + "including its Parquet output (session start-up excluded). Loop: the grid in one thread through "
                + "`RunBatches` (runs of one shape in vector lanes, as in a Spark task), no output.");
        System.out.println();
        // Rounds of all four, each ratio taken within a round and its median reported: on a shared machine
        // the load drifts over minutes, and four blocks timed one after another measure the drift.
        double[] loop = new double[sparkReps];
        double[] loop2 = new double[sparkReps];
        double[][] sparkSec = new double[3][sparkReps];
        for (int round = 0; round < sparkReps; round++) {
            log("round " + (round + 1) + "/" + sparkReps + ": plain loop in 1 and 2 threads...");
            if (round == 0) {
                loopInThreads(grid, spec, 1);
            }
            loop[round] = seconds(() -> loopInThreads(grid, spec, 1));
            loop2[round] = seconds(() -> loopInThreads(grid, spec, 2));
            for (int cores = 1; cores <= 2; cores++) {
                log("round " + (round + 1) + "/" + sparkReps + ": SweepJob local[" + cores + "]...");
                SparkSession spark = SparkSessions.create("initsweep-bench", "local[" + cores + "]");
                try {
                    Runnable sweep = () -> {
                        try {
                            SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(true, 0));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    };
                    sweep.run(); // the session's first sweep: warm-up
                    sparkSec[cores][round] = seconds(sweep);
                } finally {
                    spark.stop();
                }
            }
        }
        double[] vsLoop1 = new double[sparkReps];
        double[] vsLoop2 = new double[sparkReps];
        double[] scaling = new double[sparkReps];
        double[] ceiling = new double[sparkReps];
        double[] ofCeiling = new double[sparkReps];
        for (int r = 0; r < sparkReps; r++) {
            vsLoop1[r] = loop[r] / sparkSec[1][r];
            vsLoop2[r] = loop[r] / sparkSec[2][r];
            scaling[r] = sparkSec[1][r] / sparkSec[2][r];
            ceiling[r] = loop[r] / loop2[r];
            ofCeiling[r] = loop2[r] / sparkSec[2][r];
        }
        System.out.println("| engine | wall s | runs/s | vs loop | vs local[1] |");
        System.out.println("|---|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| plain loop, 1 thread | %.2f | %s | 1.00× | |%n", median(loop),
                fmt(n / median(loop)));
        System.out.printf(Locale.ROOT, "| SweepJob local[1] | %.2f | %s | **%.2f×** | 1.00× |%n", median(sparkSec[1]),
                fmt(n / median(sparkSec[1])), median(vsLoop1));
        System.out.printf(Locale.ROOT, "| SweepJob local[2] | %.2f | %s | %.2f× | **%.2f×** |%n", median(sparkSec[2]),
                fmt(n / median(sparkSec[2])), median(vsLoop2), median(scaling));
        System.out.printf(Locale.ROOT, "| plain loop, 2 threads | %.2f | %s | %.2f× | |%n", median(loop2),
                fmt(n / median(loop2)), median(ceiling));
        System.out.println();
        System.out.printf(Locale.ROOT, "Ratios are medians of the ratios within each of %d rounds (loop, loop in 2 "
                + "threads, local[1], local[2]; each Spark session's first sweep untimed). The loop in 2 threads is what "
                + "2 cores give this work at this machine's load (its ÷ loop is the ceiling of local[2] ÷ local[1]); "
                + "SweepJob local[2] runs at %.0f%% of its speed. Per round, local[1] ÷ loop: %s; local[2] ÷ local[1]: "
                + "%s; 2 threads ÷ 1: %s.%n%n", sparkReps, 100 * median(ofCeiling), list(vsLoop1), list(scaling),
                list(ceiling));
    }

    private static String list(double[] ratios) {
        return Arrays.stream(ratios).mapToObj(x -> String.format(Locale.ROOT, "%.2f×", x))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static double seconds(Runnable body) {
        long t = System.nanoTime();
        body.run();
        return (System.nanoTime() - t) / 1e9;
    }

    /** The grid's lane batches trained by {@code threads} threads taking the next batch in turn; no output. */
    private static void loopInThreads(Grid grid, SweepSpec spec, int threads) {
        List<RunSpec> runs = new ArrayList<>();
        grid.forEach(runs::add);
        List<List<RunSpec>> batches = RunBatches.plan(runs, RunDatasets.GENERATED);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                RunBatches.train(batches.get(i), spec.outputs(), RunDatasets.GENERATED);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(worker));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------- memory

    private static final String MEMORY_SPEC = """
            {"name": "bench-memory", "depths": [1,2,3,4,5,6,7,8,9,10], "widths": [1,2,3,4,5,6,7,8,9,10],
             "activations": ["linear", "tanh", "relu", "sigmoid", "leaky_relu"], "inits": ["scaled_normal"],
             "multipliers": [0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1,1.1,1.2,1.3,1.4,1.5,1.6,1.7,1.8,1.9,2],
             "seeds": [1,2,3,4,5,6,7,8,9,10], "samples": 8, "epochs": 1}
            """;

    private void memory() {
        SweepSpec spec = spec(MEMORY_SPEC);
        System.out.println("## Driver memory of a 100,000-run grid");
        System.out.println();
        SparkSession spark = SparkSessions.create("initsweep-bench", "local[2]");
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            // Warm Spark's own lazily created structures with a small grid first.
            ScheduleProbe.schedule(jsc, spec(MEMORY_SPEC.replace("\"seeds\": [1,2,3,4,5,6,7,8,9,10]", "\"seeds\": [1]")),
                    10_000);
            long before = usedAfterGc();
            Grid grid = new Grid(spec);
            long n = grid.size();
            long t = System.nanoTime();
            long checksum = 0;
            for (long i = 0; i < n; i++) {
                checksum += grid.run(i).runId().hashCode(); // what the tasks expand, by index
            }
            double expandSec = (System.nanoTime() - t) / 1e9;
            JavaRDD<RunResult> rdd = ScheduleProbe.schedule(jsc, spec, n);
            int partitions = rdd.partitions().size();
            long after = usedAfterGc();
            // Reference: what a materialized list of the runs would cost.
            List<RunSpec> all = new ArrayList<>((int) n);
            for (RunSpec r : grid) {
                all.add(r);
            }
            long materialized = usedAfterGc();
            System.out.printf(Locale.ROOT, "%d runs (checksum %d): `Grid`, the broadcast spec and done-set, and every "
                    + "chunk's RDD of `TrainSlot`s defined and partitioned as `SweepJob` does (%d partitions per chunk); "
                    + "every run also expanded by index on the driver (`grid.run(i).runId()`, nothing kept) in %.2f s "
                    + "(%s runs/s).%n%n", n, checksum, partitions, expandSec, fmt(n / expandSec));
            System.out.println("| driver heap after GC | bytes | bytes per run |");
            System.out.println("|---|---:|---:|");
            System.out.printf(Locale.ROOT, "| grid expanded and scheduled (retained) | %d | **%.2f** |%n",
                    after - before, (after - before) / (double) n);
            System.out.printf(Locale.ROOT, "| for comparison: all RunSpecs materialized in a list | %d | %.0f |%n",
                    materialized - before, (materialized - before) / (double) n);
            System.out.println();
            java.lang.ref.Reference.reachabilityFence(grid);
            java.lang.ref.Reference.reachabilityFence(rdd);
            java.lang.ref.Reference.reachabilityFence(all);
        } finally {
            spark.stop();
        }
    }

    private static long usedAfterGc() {
        var mem = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    // ---------------------------------------------------------------- helpers

    private static SweepSpec spec(String json) {
        try {
            return SpecReader.parse(json, "bench");
        } catch (SpecException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static String fmt(double runsPerSecond) {
        return runsPerSecond >= 100 ? String.format(Locale.ROOT, "%.0f", runsPerSecond)
                : runsPerSecond >= 1 ? String.format(Locale.ROOT, "%.1f", runsPerSecond)
                : String.format(Locale.ROOT, "%.3f", runsPerSecond);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static void log(String msg) {
        System.err.println("[bench] " + msg);
    }
}
