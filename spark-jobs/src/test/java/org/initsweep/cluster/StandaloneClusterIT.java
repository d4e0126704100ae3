package org.initsweep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.trace.Tables;
import org.initsweep.spark.SweepJob;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shaded jar on a real Spark standalone cluster: a master and two 1-core workers on 127.0.0.1,
 * each in its own JVM, the sweep submitted through {@code SparkSubmit} (see {@link StandaloneCluster}).
 * Runs in {@code mvn verify} (failsafe, after the shaded jar is built); skip with
 * {@code -DexcludedGroups=cluster} or {@code -DskipITs}. Everything it writes is under
 * {@code target/cluster-it/} (logs of every JVM in {@code logs/}, executor logs in {@code worker-*}).
 */
@Tag("cluster")
class StandaloneClusterIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TARGET = ROOT.resolve("spark-jobs").resolve("target");
    private static final Path DIR = TARGET.resolve("cluster-it");
    private static final JsonNode EMPTY = JsonNodeFactory.instance.arrayNode();

    private static StandaloneCluster cluster;
    private static Path jar;

    @BeforeAll
    static void startCluster() throws IOException {
        org.initsweep.spark.TestFiles.deleteTree(DIR);
        // Submit a copy: a build running meanwhile in the same tree must not swap the jar under a driver.
        Path built = Path.of(System.getProperty("it.sparkJar",
                TARGET.resolve("initsweep-" + org.initsweep.core.EngineVersion.get() + "-spark.jar").toString()));
        assertTrue(Files.isRegularFile(built), "no " + built + ": run `mvn -DskipTests package`");
        jar = Files.copy(built, Files.createDirectories(DIR.resolve("app")).resolve(built.getFileName()));
        Path sparkHome = Path.of(System.getProperty("it.sparkHome", TARGET.resolve("spark-home").toString()));
        cluster = new StandaloneCluster(sparkHome, DIR, ROOT.resolve("bin").resolve("jvm.options"));
        try {
            // Executors take 768m of heap; a worker offers 1g, so each runs exactly one executor.
            cluster.start(2, 1, "1g", Duration.ofSeconds(90));
        } catch (RuntimeException | IOException e) {
            cluster.close();
            throw e;
        }
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close(); // throws if a process survives
            cluster.deleteJarCopies();
        }
    }

    /**
     * An executor is killed (SIGKILL) while it runs a task of the sweep, after other tasks have
     * finished: the sweep completes, every run is in runs/ once and its layers in layers/ once, with
     * the values a local run computes (a retried task recomputes the same runs): the cluster writes what
     * local mode writes, value by value in every table, even when it loses an executor on the way.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sweepSurvivesExecutorLoss() throws Exception {
        Path spec = resource("long.json");
        Path clusterOut = DIR.resolve("out-long-cluster");
        int uiPort = StandaloneCluster.freePort();
        Process driver = cluster.submit("driver-long", submitArgs(spec, clusterOut, List.of(
                "--conf", "spark.ui.enabled=true", "--conf", "spark.ui.port=" + uiPort,
                "--conf", "spark.port.maxRetries=0"), "--tasks", "12", "--no-analyze"));

        // Wait, through the driver's REST API, until a job of the sweep runs a task on each
        // executor, with at least two tasks finished and at least four to go.
        String api = "http://127.0.0.1:" + uiPort + "/api/v1/applications";
        JsonNode atKill = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (atKill == null) {
            if (!driver.isAlive()) {
                fail("the sweep ended (exit " + driver.exitValue() + ") before an executor could be killed mid-sweep:"
                        + " make long.json longer\n" + cluster.tail("driver-long", 40));
            }
            assertTrue(System.nanoTime() < deadline, "no sweep job with tasks to go seen in 3 min");
            Optional<String> app = StandaloneCluster.getJson(api).filter(a -> a.size() > 0)
                    .map(a -> a.get(0).path("id").asText());
            if (app.isPresent()) {
                for (JsonNode job : StandaloneCluster.getJson(api + "/" + app.get() + "/jobs").orElse(EMPTY)) {
                    int done = job.path("numCompletedTasks").asInt();
                    int total = job.path("numTasks").asInt();
                    if ("RUNNING".equals(job.path("status").asText()) && done >= 2 && total - done >= 4
                            && job.path("numActiveTasks").asInt() >= 2) {
                        atKill = job;
                    }
                }
            }
            if (atKill == null) {
                StandaloneCluster.sleep(100);
            }
        }
        List<ProcessHandle> executors = cluster.executorsOf(0);
        assertEquals(1, executors.size(), "executor JVMs under worker 0");
        ProcessHandle victim = executors.get(0);
        String victimId = StandaloneCluster.executorId(victim);
        victim.destroyForcibly();
        victim.onExit().get(30, TimeUnit.SECONDS);
        System.out.printf("cluster-it: killed executor %s (pid %d) in job %d at %d/%d tasks done%n", victimId,
                victim.pid(), atKill.path("jobId").asInt(), atKill.path("numCompletedTasks").asInt(),
                atKill.path("numTasks").asInt());

        awaitSuccess(driver, "driver-long", Duration.ofMinutes(3));
        String log = Files.readString(cluster.log("driver-long"));
        assertTrue(log.contains("Lost executor " + victimId + " "), "the driver saw executor " + victimId + " go");
        // The task it ran was lost and ran again (attempt 1): Spark words the loss differently
        // depending on whether the worker reported the exit first, so look for the retry.
        assertTrue(Pattern.compile("Starting task \\d+\\.[1-9] in stage").matcher(log).find(),
                "a task of the lost executor ran again");

        SweepSpec s = SpecReader.read(spec);
        Grid grid = new Grid(s);
        long layerRows = 0;
        for (RunSpec r : grid) {
            layerRows += (long) (r.depth() + 1) * r.recordEpochs().size();
        }
        SparkSession spark = TestSpark.session("local[2]");
        try {
            Dataset<Row> runs = spark.read().parquet(clusterOut.resolve(Tables.RUNS).toString());
            assertEquals(grid.size(), runs.count(), "rows in runs/");
            assertEquals(grid.size(), runs.select("run_id").distinct().count(), "distinct run_ids in runs/");
            assertEquals(gridIds(s), ids(runs), "run_ids in runs/");
            assertEquals(0, runs.filter("status <> 'ok'").count(), "runs of long.json that diverged");

            Dataset<Row> layers = spark.read().parquet(clusterOut.resolve(Tables.LAYERS).toString());
            assertEquals(layerRows, layers.count(), "rows in layers/");
            assertEquals(layerRows, layers.select("run_id", "epoch", "layer").distinct().count(),
                    "distinct (run_id, epoch, layer) in layers/");
            assertEquals(gridIds(s), ids(layers), "run_ids in layers/");

            Dataset<Row> epochs = spark.read().parquet(clusterOut.resolve(Tables.EPOCHS).toString());
            assertEquals(epochs.count(), epochs.select("run_id", "epoch").distinct().count(),
                    "distinct (run_id, epoch) in epochs/");
            assertEquals(gridIds(s), ids(epochs), "run_ids in epochs/");

            assertSameAsLocal(spark, s, clusterOut, DIR.resolve("out-long-local"));
        } finally {
            spark.stop();
        }
    }

    /** Runs {@code spec} in {@code spark} (local) and compares every table it writes with the cluster's. */
    private static void assertSameAsLocal(SparkSession spark, SweepSpec spec, Path clusterOut, Path localOut)
            throws Exception {
        SweepJob.run(spark, spec, localOut.toString(), SweepJob.Options.defaults());
        List<String> tables = parquetTables(localOut);
        assertTrue(tables.containsAll(List.of(Tables.RUNS, Tables.LAYERS, Tables.EPOCHS)), "tables " + tables);
        for (String t : tables) {
            assertSameRows(t, read(spark, localOut, t), read(spark, clusterOut, t));
        }
    }

    /**
     * The spark-submit arguments (docs/cluster.md shows them): the example spark-defaults.conf,
     * sizes that fit the test's 1-core 1g workers, then the CLI's {@code run}.
     */
    private static List<String> submitArgs(Path spec, Path out, List<String> conf, String... runOptions) {
        List<String> args = new ArrayList<>(List.of(
                "--class", "org.initsweep.cli.Main",
                "--properties-file", ROOT.resolve("conf/cluster/spark-defaults.conf").toString(),
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.executor.cores=1",
                "--conf", "spark.executor.memory=768m",
                "--conf", "spark.executor.memoryOverhead=512m",
                // The cache the unit tests already filled, rather than 400 MB more in /tmp.
                "--conf", "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir="
                        + Path.of(System.getProperty("user.home"), ".javacpp", "cache")));
        args.addAll(conf);
        args.add(jar.toString());
        args.addAll(List.of("run", spec.toString(), "--out", out.toString()));
        args.addAll(Arrays.asList(runOptions));
        return args;
    }

    private static void awaitSuccess(Process driver, String name, Duration timeout) throws InterruptedException {
        if (!driver.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            driver.descendants().forEach(ProcessHandle::destroyForcibly);
            driver.destroyForcibly();
            fail(name + " still running after " + timeout + "\n" + cluster.tail(name, 60));
        }
        assertEquals(0, driver.exitValue(), name + " exit code\n" + cluster.tail(name, 60));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(StandaloneClusterIT.class.getResource("/cluster/" + name).toURI());
    }

    /** The Parquet tables of an output directory: its visible subdirectories holding Parquet files. */
    private static List<String> parquetTables(Path out) throws IOException {
        List<String> tables = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                String name = d.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(d)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                        tables.add(name);
                    }
                }
            }
        }
        return tables;
    }

    /** A table's rows in a total order (every column), without the wall-clock {@code duration_ms}. */
    private static Dataset<Row> read(SparkSession spark, Path out, String table) {
        Dataset<Row> df = spark.read().parquet(out.resolve(table).toString()).drop("duration_ms");
        return df.sort(Arrays.stream(df.columns()).map(functions::col).toArray(Column[]::new));
    }

    private static void assertSameRows(String table, Dataset<Row> expected, Dataset<Row> actual) {
        assertEquals(expected.schema(), actual.schema(), table + ": schema");
        List<Row> e = expected.collectAsList();
        List<Row> a = actual.collectAsList();
        assertFalse(e.isEmpty(), table + ": no rows");
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            if (!e.get(i).equals(a.get(i))) {
                fail(table + ": row " + i + " differs\n  local:   " + e.get(i) + "\n  cluster: " + a.get(i));
            }
        }
        assertEquals(e.size(), a.size(), table + ": rows");
    }

    private static Set<String> ids(Dataset<Row> df) {
        Set<String> ids = new TreeSet<>();
        for (Row r : df.select("run_id").distinct().collectAsList()) {
            ids.add(r.getString(0));
        }
        return ids;
    }

    private static Set<String> gridIds(SweepSpec spec) {
        Set<String> ids = new TreeSet<>();
        for (RunSpec r : new Grid(spec)) {
            ids.add(r.runId());
        }
        return ids;
    }
}
