package org.initsweep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.initsweep.cli.CliTest;
import org.initsweep.core.trace.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shaded jar submitted with {@code spark-submit --master yarn} (client deploy mode) to an
 * in-process YARN ({@link MiniYARNCluster}: a resource manager and one node manager, whose
 * containers are real JVMs) writing to an in-process HDFS, as Spark's own YARN suites run them. An
 * executor container is SIGKILLed mid-sweep; YARN and Spark replace it, and every run is then in
 * every table exactly once, with the values a local run of the same spec computes. Runs in
 * {@code mvn verify}; skip with {@code -DexcludedGroups=cluster}. Logs: {@code target/yarn-it/}
 * (the driver's in {@code driver.log}, the containers' under {@code yarn/}).
 */
@Tag("cluster")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class YarnIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TARGET = ROOT.resolve("spark-jobs/target");
    private static final Path DIR = TARGET.resolve("yarn-it");

    private static MiniDFSCluster dfs;
    private static MiniYARNCluster yarn;
    private static FileSystem fs;
    private static Path confDir;

    @BeforeAll
    static void start() throws Exception {
        dfs = MiniHdfs.start(DIR);
        fs = dfs.getFileSystem();

        YarnConfiguration y = new YarnConfiguration();
        y.set("fs.defaultFS", dfs.getURI().toString());
        y.set(YarnConfiguration.RM_HOSTNAME, "127.0.0.1");
        y.set(YarnConfiguration.NM_LOCAL_DIRS, DIR.resolve("yarn/local").toString());
        y.set(YarnConfiguration.NM_LOG_DIRS, DIR.resolve("yarn/logs").toString());
        // room for the application master and two executors of 768m heap + 512m overhead
        y.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
        y.setInt(YarnConfiguration.NM_VCORES, 4);
        y.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
        // the capacity scheduler's one queue (no capacity-scheduler.xml on this classpath), as Spark's YARN suites set it
        y.set("yarn.scheduler.capacity.root.queues", "default");
        y.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
        y.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
        y.setFloat("yarn.scheduler.capacity.root.default.user-limit-factor", 1);
        y.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
        y.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
        y.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
        y.setInt("yarn.scheduler.capacity.node-locality-delay", -1);
        y.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
        y.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        y.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // a nearly full disk of a build machine must not make the node "unhealthy"
        y.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
        yarn = new MiniYARNCluster("initsweep-yarn-it", 1, 1, 1);
        yarn.init(y);
        yarn.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (yarn.getConfig().get(YarnConfiguration.RM_ADDRESS, "").endsWith(":0")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        confDir = Files.createDirectories(DIR.resolve("conf"));
        // Only YARN's settings: the rest of the test cluster's configuration names Hadoop test classes
        // (StaticMapping) that the driver's classpath, Spark's shaded client, does not have.
        Configuration site = new Configuration(false);
        for (var e : yarn.getConfig()) {
            if (e.getKey().startsWith("yarn.")) {
                site.set(e.getKey(), e.getValue());
            }
        }
        try (var out = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
            site.writeXml(out);
        }
        try (var out = Files.newOutputStream(confDir.resolve("core-site.xml"))) {
            Configuration core = new Configuration(false);
            core.set("fs.defaultFS", dfs.getURI().toString());
            core.writeXml(out);
        }
    }

    @AfterAll
    static void stop() {
        if (yarn != null) {
            yarn.stop();
        }
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    @Test
    void aSweepOnYarnSurvivesAKilledExecutorContainerAndEqualsLocalMode() throws Exception {
        Path spec = Path.of(YarnIT.class.getResource("/cluster/small.json").toURI());
        String out = dfs.getURI() + "/sweeps/yarn";
        Process driver = submit(spec, out);
        Path log = DIR.resolve("driver.log");

        // Two chunks committed, then an executor container dies (SIGKILL, as YARN's preemption or a lost node)
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (SweepDirs.parquetFiles(fs, out + "/" + Tables.RUNS) < 2 && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(driver.isAlive(), "the sweep ran until its first commits:\n" + tail(log));
        // the executors' JVMs (not the shells of launch_container.sh that started them)
        List<ProcessHandle> executors = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> p.info().commandLine()
                        .map(c -> c.contains("YarnCoarseGrainedExecutorBackend") && c.contains(DIR.toString())).orElse(false))
                .toList();
        assertEquals(2, executors.size(), "executor containers running");
        executors.get(0).destroyForcibly();
        executors.get(0).onExit().get(30, TimeUnit.SECONDS);

        assertTrue(driver.waitFor(5, TimeUnit.MINUTES), "the sweep finished:\n" + tail(log));
        assertEquals(0, driver.exitValue(), tail(log));
        String driverLog = Files.readString(log);
        assertTrue(driverLog.contains("Lost executor") && driverLog.contains("Exit status: 137"),
                "the driver saw the container killed:\n" + tail(log));

        List<String> yarnRuns = SweepDirs.csv(out, "SELECT count(*), count(DISTINCT run_id) FROM runs");
        assertEquals(List.of("24,24"), yarnRuns);
        // per run: 2 recorded epochs × (depth + 1) layers, depths 3 and 6 equally often
        assertEquals(List.of((12 * 2 * 4 + 12 * 2 * 7) + "," + (12 * 2 * 4 + 12 * 2 * 7)),
                SweepDirs.csv(out, "SELECT count(*), count(DISTINCT run_id, epoch, layer) FROM layers"));

        Path local = DIR.resolve("local");
        assertEquals(0, CliTest.cli("run", spec.toString(), "--out", local.toString(), "--no-analyze",
                "--master", "local[2]").code());
        String values = "SELECT run_id, final_loss, final_accuracy FROM runs ORDER BY run_id";
        assertEquals(SweepDirs.csv(local.toString(), values), SweepDirs.csv(out, values), "runs/ on YARN and in local mode");
        String layers = "SELECT run_id, epoch, layer, var_a, var_grad_a FROM layers ORDER BY run_id, epoch, layer";
        assertEquals(SweepDirs.csv(local.toString(), layers), SweepDirs.csv(out, layers), "layers/ on YARN and in local mode");
    }

    /** spark-submit (what the script runs: {@code SparkSubmit}) of the shaded jar to the YARN above. */
    private static Process submit(Path spec, String out) throws Exception {
        Path sparkHome = TARGET.resolve("spark-home");
        Path jar = TARGET.resolve("initsweep-" + org.initsweep.core.EngineVersion.get() + "-spark.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": run `mvn -DskipTests package`");
        String sparkYarn = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains("spark-yarn_")).findFirst().orElseThrow();
        String javaHome = System.getProperty("java.home");
        List<String> cmd = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString(),
                "@" + ROOT.resolve("bin/jvm.options"), "-Xmx1g",
                "-cp", confDir + java.io.File.pathSeparator + sparkHome.resolve("jars") + "/*"
                        + java.io.File.pathSeparator + sparkYarn,
                "org.apache.spark.deploy.SparkSubmit", "--master", "yarn", "--deploy-mode", "client",
                "--class", "org.initsweep.cli.Main",
                "--conf", "spark.driver.host=127.0.0.1",
                // the containers run on this machine: Spark's jars and spark-yarn from where they are
                "--conf", "spark.yarn.jars=local:" + sparkHome.resolve("jars") + "/*,local:" + sparkYarn,
                "--conf", "spark.yarn.am.memory=512m",
                "--conf", "spark.executor.instances=2",
                "--conf", "spark.executor.cores=1",
                "--conf", "spark.executor.memory=768m",
                "--conf", "spark.executor.memoryOverhead=512m",
                "--conf", "spark.executorEnv.JAVA_HOME=" + javaHome,
                "--conf", "spark.yarn.appMasterEnv.JAVA_HOME=" + javaHome,
                "--conf", "spark.executorEnv.OMP_NUM_THREADS=1",
                "--conf", "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir="
                        + Path.of(System.getProperty("user.home"), ".javacpp", "cache") + " -Dinitsweep.it=" + DIR,
                "--conf", "spark.ui.enabled=false",
                jar.toString(),
                "run", spec.toString(), "--out", out, "--chunk-runs", "4", "--no-analyze"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(DIR.resolve("driver.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("HADOOP_") || k.startsWith("YARN_"));
        pb.environment().put("HADOOP_CONF_DIR", confDir.toString());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("JAVA_HOME", javaHome);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("INITSWEEP_SPARK_LOG", "info");
        return pb.start();
    }



    private static String tail(Path log) throws java.io.IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
