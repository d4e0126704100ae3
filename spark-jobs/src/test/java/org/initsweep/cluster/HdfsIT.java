package org.initsweep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.initsweep.cli.CliTest;
import org.initsweep.core.trace.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * initsweep on a real HDFS: an in-process {@link MiniDFSCluster} (one namenode, one datanode, from
 * {@code hadoop-client-minicluster}, the Hadoop version Spark ships). A sweep written to
 * {@code hdfs://} by a separate JVM is SIGKILLed after its first chunks commit and resumed: every run
 * is then in every table exactly once, and nothing is computed twice; the writer lock and the chunk
 * commits work on HDFS; {@code analyze} and {@code sql} read from it; a CSV dataset on HDFS is read,
 * and its source and digest recorded. Runs in {@code mvn verify}; skip with
 * {@code -DexcludedGroups=cluster}. Logs of the killed JVM: {@code target/hdfs-it/sweep.log}.
 */
@Tag("cluster")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HdfsIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DIR = ROOT.resolve("spark-jobs/target/hdfs-it");

    private static MiniDFSCluster dfs;
    private static FileSystem fs;
    private static String uri;

    @BeforeAll
    static void start() throws Exception {
        dfs = MiniHdfs.start(DIR);
        fs = dfs.getFileSystem();
        uri = dfs.getURI().toString();
    }

    @AfterAll
    static void stop() {
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    private static Path write(String name, String text) throws Exception {
        return Files.writeString(DIR.resolve(name), text);
    }



    @Test
    void aSweepKilledMidwayOnHdfsIsResumedWithEveryRunOnce() throws Exception {
        // 48 runs in chunks of 4: many commits, so the kill lands between the first and the last
        Path spec = write("resume.json", """
                {"name": "hdfs-resume", "depths": [3, 6], "widths": [32], "activations": ["tanh", "relu"],
                 "inits": ["he_normal"], "multipliers": [0.5, 1, 2], "seeds": [1, 2, 3, 4],
                 "samples": 256, "epochs": 10, "record_epochs": [0, 10], "datasets": ["moons"]}
                """);
        String out = uri + "/sweeps/resume";
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + ROOT.resolve("bin/jvm.options"), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "org.initsweep.cli.Main",
                "run", spec.toString(), "--out", out, "--chunk-runs", "4", "--no-analyze", "--master", "local[2]"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(DIR.resolve("sweep.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process sweep = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (SweepDirs.parquetFiles(fs, out + "/" + Tables.RUNS) < 2 && sweep.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(sweep.isAlive(), "the sweep was still running after its first commits (see "
                + DIR.resolve("sweep.log") + ")");
        sweep.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, a half-written chunk stays behind

        long committed = Long.parseLong(SweepDirs.csv(out, "SELECT count(*) FROM runs").get(0));
        assertTrue(committed >= 8 && committed < 48, "killed midway: " + committed + " runs committed");

        CliTest.Result resumed = CliTest.cli("run", spec.toString(), "--out", out, "--chunk-runs", "16");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("initsweep: " + (48 - committed) + " runs computed ")
                && resumed.out().contains(committed + " were already done"), "only the missing runs: " + resumed.out());
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out, ".initsweep.lock")), "the writer lock is released");
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out, ".staging")), "no staging left");

        assertEquals(List.of("48,48"), SweepDirs.csv(out, "SELECT count(*), count(DISTINCT run_id) FROM runs"));
        // per run: 2 recorded epochs × (depth + 1) layers, depths 3 and 6 equally often
        assertEquals(List.of((24 * 2 * 4 + 24 * 2 * 7) + "," + (24 * 2 * 4 + 24 * 2 * 7)),
                SweepDirs.csv(out, "SELECT count(*), count(DISTINCT run_id, epoch, layer) FROM layers"));
        assertEquals(List.of(48 * 11 + "," + 48 * 11),
                SweepDirs.csv(out, "SELECT count(*), count(DISTINCT run_id, epoch) FROM epochs"));
        // the analysis ran on HDFS after the resume: its tables and charts are there
        // 2 activations × 3 multipliers
        assertEquals(List.of("6"), SweepDirs.csv(out, "SELECT count(*) FROM regions WHERE depth = 6"));
        // per activation a regime heatmap, layer charts at epochs 0 and 10, a cost chart
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out, Tables.CHARTS + "/regime_relu_he_normal_w32_sb0.0_moons.png")),
                "charts on HDFS");
        assertEquals(8, fs.listStatus(new org.apache.hadoop.fs.Path(out, Tables.CHARTS)).length, "and nothing half-written");
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out, "report/index.html")), "report on HDFS");
    }

    @Test
    void aCsvDatasetOnHdfsIsReadAndRecorded() throws Exception {
        StringBuilder sb = new StringBuilder("x1,x2,label\n");
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            int c = i % 2;
            sb.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%d%n", 2 * c + r.nextGaussian(),
                    -c + r.nextGaussian(), c));
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        String data = uri + "/data/two.csv";
        try (OutputStream o = fs.create(new org.apache.hadoop.fs.Path(data))) {
            o.write(bytes);
        }
        Path spec = write("csv.json", """
                {"name": "hdfs-csv", "depths": [2], "widths": [8], "activations": ["tanh"], "inits": ["he_normal"],
                 "multipliers": [1], "seeds": [1], "epochs": 5, "test_fraction": 0.25,
                 "datasets": [{"name": "two", "format": "csv", "path": "%s"}]}
                """.formatted(data));
        String out = uri + "/sweeps/csv";
        CliTest.Result run = CliTest.cli("run", spec.toString(), "--out", out, "--no-analyze");
        assertEquals(0, run.code(), run.err());
        List<String> rows = SweepDirs.csv(out, "SELECT classes, train_samples, test_samples, dataset_source, dataset_sha256 FROM runs");
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("2,150,50,"), rows.get(0));
        assertTrue(rows.get(0).contains(data), "the HDFS path is recorded: " + rows.get(0));
        assertTrue(rows.get(0).matches(".*,[0-9a-f]{64}$"), "with the digest of the bytes read: " + rows.get(0));
    }
}
