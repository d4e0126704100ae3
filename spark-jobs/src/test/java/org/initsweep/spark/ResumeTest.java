package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.ResultViews;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted sweep resumes: a chunk whose runs/ file never landed is recomputed, its orphaned
 * rows in the other tables are removed first, and every run ends up exactly once everywhere.
 */
class ResumeTest {

    @Test
    void interruptedChunkIsRecomputedWithoutDuplicates(@TempDir Path tmp) throws Exception {
        SweepSpec spec = TestSpark.spec("""
                {"name": "resume", "depths": [2, 3], "widths": [8], "activations": ["tanh", "relu"],
                 "inits": ["he_normal"], "multipliers": [0.5, 1, 2], "seeds": [1, 2],
                 "samples": 32, "epochs": 2, "record_epochs": [0, 2], "datasets": ["moons"]}
                """);
        long n = new Grid(spec).size();
        Path out = tmp.resolve("out");
        SparkSession spark = TestSpark.session("local[2]");
        try {
            List<List<Long>> told = new java.util.ArrayList<>();
            SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(false, 2, 6,
                    (runs, of) -> told.add(List.of(runs, of))));
            assertEquals(List.of(List.of(0L, n), List.of(6L, n), List.of(12L, n), List.of(18L, n), List.of(24L, n)), told,
                    "the runs committed, at the start and after each chunk");
            List<Path> runFiles = parquetFiles(out.resolve("runs"));
            assertEquals(n / 6, runFiles.size(), "one runs/ file per chunk");
            // Simulate a driver killed between a chunk's renames: its runs/ file is missing, its layers and
            // epochs files are there; and a half-written staging folder is left behind.
            Files.delete(runFiles.get(1));
            Files.deleteIfExists(runFiles.get(1).resolveSibling("." + runFiles.get(1).getFileName() + ".crc"));
            Files.delete(out.resolve("engine.json"));
            Files.createDirectories(out.resolve(".staging/cdead00001/layers"));
            Files.writeString(out.resolve(".staging/cdead00001/layers/part-0.parquet"), "half written");

            ResultViews.register(spark, out.toString());
            assertEquals(n - 6, spark.sql("SELECT count(DISTINCT run_id) FROM layers").first().getLong(0),
                    "readers see only committed runs");

            told.clear();
            SweepJob.Summary resumed = SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(false, 2, 6,
                    (runs, of) -> told.add(List.of(runs, of))));
            assertEquals(6, resumed.computed(), "only the lost chunk is recomputed");
            assertEquals(List.of(n - 6, n), told.get(0), "a resume starts from the runs already committed");
            assertEquals(List.of(n, n), told.get(told.size() - 1));
            assertEquals(n / 6, parquetFiles(out.resolve("runs")).size(),
                    "chunks that were complete write no (empty) files");
            List<Path> epochFiles = parquetFiles(out.resolve("epochs"));
            var stamp = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(out.resolve("spec.json"), stamp);
            assertEquals(0, SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(false, 2, 6)).computed());
            assertEquals(epochFiles, parquetFiles(out.resolve("epochs")), "a complete sweep re-run writes nothing");
            // not even its spec.json again: a kill in that write left it empty, and the next run refused the runs
            assertEquals(stamp, Files.getLastModifiedTime(out.resolve("spec.json")));
            assertFalse(Files.exists(out.resolve(".staging")));
            assertTrue(Files.exists(out.resolve("engine.json")));

            var runs = spark.read().parquet(out.resolve("runs").toString());
            assertEquals(n, runs.count());
            assertEquals(n, runs.select("run_id").distinct().count());
            var layers = spark.read().parquet(out.resolve("layers").toString());
            // per run: 2 recorded epochs × (depth + 1) layers, depths 2 and 3 equally often
            assertEquals(n / 2 * 2 * (3 + 4), layers.count());
            assertEquals(layers.count(), layers.select("run_id", "epoch", "layer").distinct().count());
            var epochs = spark.read().parquet(out.resolve("epochs").toString());
            assertEquals(n * 3, epochs.count());
        } finally {
            spark.stop();
        }
    }

    /**
     * Following a reader's advice ("delete it") must not lose runs: a committed chunk whose layers/
     * file was truncated and then deleted, and another whose epochs/ file was truncated, are found by
     * their manifests and computed again — exactly those 2 × 6 runs — and every run is then exactly
     * once in every table.
     */
    @Test
    void aDeletedOrTruncatedFileOfACommittedChunkIsRecomputed(@TempDir Path tmp) throws Exception {
        SweepSpec spec = TestSpark.spec("""
                {"name": "audit", "depths": [2, 3], "widths": [8], "activations": ["tanh", "relu"],
                 "inits": ["he_normal"], "multipliers": [0.5, 1, 2], "seeds": [1, 2],
                 "samples": 32, "epochs": 2, "record_epochs": [0, 2], "datasets": ["moons"]}
                """);
        long n = new Grid(spec).size();
        Path out = tmp.resolve("out");
        SparkSession spark = TestSpark.session("local[2]");
        try {
            SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(false, 2, 6));
            Path layersFile = parquetFiles(out.resolve("layers")).get(0);
            String lostChunk = chunk(layersFile);
            byte[] bytes = Files.readAllBytes(layersFile);
            Files.write(layersFile, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            Files.delete(layersFile);
            Path epochsFile = parquetFiles(out.resolve("epochs")).stream().filter(f -> !chunk(f).equals(lostChunk))
                    .findFirst().orElseThrow();
            byte[] e = Files.readAllBytes(epochsFile);
            Files.write(epochsFile, java.util.Arrays.copyOf(e, e.length - 7));

            SweepJob.Summary resumed = SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(false, 2, 6));
            assertEquals(12, resumed.computed(), "the two broken chunks' runs, and only those");
            assertEquals(0, SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(false, 2, 6)).computed(),
                    "the repaired directory is whole");

            var runs = spark.read().parquet(out.resolve("runs").toString());
            assertEquals(n, runs.count());
            assertEquals(n, runs.select("run_id").distinct().count());
            var layers = spark.read().parquet(out.resolve("layers").toString());
            // per run: 2 recorded epochs × (depth + 1) layers, depths 2 and 3 equally often
            assertEquals(n / 2 * 2 * (3 + 4), layers.count());
            assertEquals(layers.count(), layers.select("run_id", "epoch", "layer").distinct().count());
            assertEquals(n, layers.select("run_id").distinct().count());
            var epochs = spark.read().parquet(out.resolve("epochs").toString());
            assertEquals(n * 3, epochs.count());
            assertEquals(n * 3, epochs.select("run_id", "epoch").distinct().count());
        } finally {
            spark.stop();
        }
    }

    private static String chunk(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.indexOf('-'));
    }

    @Test
    void resultsOfAnotherEngineVersionAreNotResumed(@TempDir Path tmp) throws Exception {
        SweepSpec spec = TestSpark.spec("""
                {"name": "versions", "depths": [2], "widths": [4], "activations": ["tanh"],
                 "inits": ["he_normal"], "multipliers": [1], "seeds": [1, 2, 3, 4],
                 "samples": 16, "epochs": 1, "datasets": ["moons"]}
                """);
        Path out = tmp.resolve("out");
        SparkSession spark = TestSpark.session("local[1]");
        try {
            SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(false, 1, 2));
            // What an older build with another kernel setting left: its runs/ rows carry its version and
            // settings; the last chunk is missing.
            Path runs = out.resolve("runs");
            Path old = tmp.resolve("old-runs");
            spark.read().parquet(runs.toString())
                    .withColumn("engine_version", org.apache.spark.sql.functions.lit("0.0.9"))
                    .withColumn("settings", org.apache.spark.sql.functions.lit(
                            "engine_version=0.0.9;initsweep.kernel=blas;initsweep.javaMaxParams=64;"
                            + "initsweep.vectorMaxParams=" + org.initsweep.core.nn.Kernel.vectorMaxParams()
                            + ";vector_kernel=available"))
                    .limit(2).write().parquet(old.toString());
            try (Stream<Path> files = Files.walk(runs)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
            Files.move(old, runs);
            Files.delete(out.resolve("engine.json"));
            Path staged = out.resolve(".staging/cdead00001/layers/part-0.parquet"); // an interrupted chunk's
            Files.createDirectories(staged.getParent());
            Files.writeString(staged, "half written");

            var refused = org.junit.jupiter.api.Assertions.assertThrows(OutputExistsException.class,
                    () -> SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(false, 1, 2)));
            assertTrue(refused.getMessage().contains("holds runs computed with other settings (engine_version: 0.0.9"
                    + " there, " + org.initsweep.core.EngineVersion.get() + " here; initsweep.kernel: blas there, auto"
                    + " here)"), refused.getMessage());
            assertFalse(Files.exists(out.resolve("engine.json")), "nothing written");
            assertTrue(Files.exists(staged), "nothing deleted either");
            assertEquals(2, spark.read().parquet(runs.toString()).count(), "the old runs are left alone");

            assertEquals(4, SweepJob.run(spark, spec, out.toString(), new SweepJob.Options(true, 1, 2)).computed(),
                    "--overwrite starts over");
            assertEquals(List.of(org.initsweep.core.EngineVersion.get()), spark.read().parquet(runs.toString())
                    .select("engine_version").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        } finally {
            spark.stop();
        }
    }

    private static List<Path> parquetFiles(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
    }
}
