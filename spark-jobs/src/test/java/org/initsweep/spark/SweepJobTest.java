package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep job in local mode: tables, their row counts, provenance, refusal to clobber. */
class SweepJobTest {

    static final String SPEC = """
            {"name": "job", "depths": [2, 4], "widths": [8], "activations": ["tanh", "relu"],
             "inits": ["he_normal", "zero"], "multipliers": [0.5, 2], "seeds": [1, 2],
             "samples": 32, "epochs": 3, "record_epochs": [0, 3], "datasets": ["xor"], "jacobian": true}
            """;

    static SparkSession spark;
    @TempDir
    static Path tmp;
    static Path out;
    static SweepSpec spec;
    static SweepJob.Summary summary;

    @BeforeAll
    static void runSweep() throws Exception {
        spark = TestSpark.session("local[2]");
        spec = TestSpark.spec(SPEC);
        out = tmp.resolve("out");
        summary = SweepJob.run(spark, spec, out.toString(), SweepJob.Options.defaults());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void writesOneRowPerRunLayerAndEpoch() {
        long runs = new Grid(spec).size();
        assertEquals(2L * (2 + 1) * 2 * 2, runs, "he_normal × 2 m + zero, × 2 acts × 2 depths × 2 seeds");
        assertEquals(runs, summary.runs());
        assertEquals(runs, spark.read().parquet(out.resolve("runs").toString()).count());
        // layers: per run 2 recorded epochs × (depth + 1) layers; depths 2 and 4 equally often.
        assertEquals(runs / 2 * 2 * (3 + 5), spark.read().parquet(out.resolve("layers").toString()).count());
        assertEquals(runs * 4, spark.read().parquet(out.resolve("epochs").toString()).count());
        assertEquals(runs, spark.read().parquet(out.resolve("runs").toString()).select("run_id").distinct().count());
        // jacobian: one row per run and recorded epoch; a zero-initialized network's J is 0
        assertEquals(runs * 2, spark.read().parquet(out.resolve("jacobian").toString()).count());
        assertEquals(0.0, spark.read().parquet(out.resolve("jacobian").toString()).join(
                spark.read().parquet(out.resolve("runs").toString()), "run_id").where("init = 'zero' AND epoch = 0")
                .agg(org.apache.spark.sql.functions.max("mean_eig")).first().getDouble(0));
    }

    @Test
    void layersArePartitionedByActivationAndCarryTheGridKeys() {
        assertTrue(Files.isDirectory(out.resolve("layers/activation=tanh")));
        assertTrue(Files.isDirectory(out.resolve("layers/activation=relu")));
        List<Row> r = spark.read().parquet(out.resolve("layers").toString())
                .where("init = 'zero' AND layer = 2 AND epoch = 0").select("multiplier", "var_w", "fan_in").collectAsList();
        assertFalse(r.isEmpty());
        for (Row row : r) {
            assertTrue(row.isNullAt(0), "fixed schemes have no multiplier");
            assertEquals(0.0, row.getDouble(1));
            assertEquals(8, row.getInt(2));
        }
    }

    @Test
    void layerMomentsAreWrittenWithoutADictionaryAndKeysWithOne() throws Exception {
        Path file;
        try (var files = Files.walk(out.resolve("layers"))) {
            file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        var conf = spark.sparkContext().hadoopConfiguration();
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(org.apache.parquet.hadoop.util.HadoopInputFile
                .fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))) {
            java.util.Map<String, Boolean> dictionary = new java.util.HashMap<>();
            reader.getFooter().getBlocks().get(0).getColumns()
                    .forEach(c -> dictionary.put(c.getPath().toDotString(), c.hasDictionaryPage()));
            for (String moment : List.of("mean_z", "var_z", "mean_a", "var_a", "var_grad_a", "var_grad_w", "var_w",
                    "unit_mean_z_sq")) {
                assertEquals(Boolean.FALSE, dictionary.get(moment), moment);
            }
            assertEquals(Boolean.TRUE, dictionary.get("run_id"), "repeated per layer: a dictionary pays");
            assertEquals(Boolean.TRUE, dictionary.get("init"));
        }
    }

    @Test
    void storesTheSpecAndEngineBesideTheTables() throws Exception {
        SweepSpec stored = SpecReader.read(out.resolve("spec.json"));
        assertEquals(spec, stored);
        String engine = Files.readString(out.resolve("engine.json"));
        assertTrue(engine.endsWith("}\n") && Files.readString(out.resolve("spec.json")).endsWith("}\n"),
                "text files whose last line ends");
        assertTrue(engine.contains("\"engine_version\" : \"0.3.1\""), engine);
        assertTrue(engine.contains("\"nd4j_version\" : \"1.0.0-M2.1\""), engine);
        // provenance: the build's commit, the machine, and every setting that changes numbers
        org.initsweep.core.Provenance here = org.initsweep.core.Provenance.current();
        assertTrue(engine.contains("\"engine_commit\" : \"" + here.commit() + "\""), engine);
        assertTrue(here.commit().matches("[0-9a-f]{40}"), "built in a git tree: " + here.commit());
        assertTrue(engine.contains("\"arch\" : \"" + System.getProperty("os.arch") + "\""), engine);
        assertTrue(engine.contains("\"initsweep.kernel\" : \"auto\""), engine);
        assertTrue(engine.contains("\"vector_bits\" : " + org.initsweep.core.nn.Kernel.vectorBits()), engine);
        Row run = spark.read().parquet(out.resolve("runs").toString()).first();
        assertEquals("0.3.1", run.getAs("engine_version"));
        assertEquals(here.numbersText(), run.getAs("settings"));
        assertTrue(run.<String>getAs("engine_commit").startsWith(here.commit()), run.<String>getAs("engine_commit"));
        // width 8, full batch: runs of one shape in the lanes of the Vector API's vectors (512- or 256-bit,
        // as this CPU has), which the executors' JVM options load
        String local = "lanes" + org.initsweep.core.nn.Kernel.vectorBits();
        assertTrue(local.matches("lanes(256|512)"), local);
        assertEquals(List.of(local), spark.read().parquet(out.resolve("runs").toString()).select("kernel").distinct()
                .collectAsList().stream().map(r -> r.getString(0)).toList());
    }

    @Test
    void invocationIdsUseAll24RandomBits() {
        // (the ids once began with a double's exponent bits: always "3f")
        java.util.Random r = new java.util.Random(42);
        java.util.Set<Character> firstDigits = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String id = SweepJob.invocationId(r);
            assertEquals(6, id.length(), id);
            assertTrue(id.matches("[0-9a-f]{6}"), id);
            firstDigits.add(id.charAt(0));
        }
        assertEquals(16, firstDigits.size(), "first hex digit " + firstDigits);
    }

    @Test
    void refusesAnotherSpecUnlessAskedToOverwrite() throws Exception {
        assertThrows(OutputExistsException.class, () -> SweepJob.run(spark, TestSpark.spec(SPEC.replace("[2, 4]", "[2]")),
                out.toString(), SweepJob.Options.defaults()));
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        SweepJob.run(spark, TestSpark.spec(SPEC.replace("[2, 4]", "[2]")), other.toString(),
                SweepJob.Options.defaults());
        SweepJob.run(spark, TestSpark.spec(SPEC.replace("[2, 4]", "[3]")), other.toString(),
                new SweepJob.Options(true, 0));
        assertEquals("mine", Files.readString(other.resolve("notes.txt")), "overwrite deletes only what a sweep owns");
        assertEquals(List.of(3), spark.read().parquet(other.resolve("runs").toString())
                .select("depth").distinct().collectAsList().stream().map(x -> x.getInt(0)).toList());
    }

    @Test
    void noAnalysisTableOfAnEarlierSweepOutlivesOverwriteOrTheNextAnalysis() throws Exception {
        // compare/ (two inits) and isometry/ (jacobian) of the first sweep; the second has one init and no
        // jacobian, so neither table describes it: their rows and charts would be the first sweep's
        Path dir = tmp.resolve("replaced");
        String twoInits = """
                {"name": "replaced", "depths": [2], "widths": [4], "activations": ["tanh"], "inits": ["he_normal",
                 "lecun_normal"], "multipliers": [1], "seeds": [1], "samples": 16, "epochs": 1, "datasets": ["xor"],
                 "jacobian": true}
                """;
        SweepJob.run(spark, TestSpark.spec(twoInits), dir.toString(), SweepJob.Options.defaults());
        org.initsweep.analysis.Analysis.run(spark, dir.toString(), org.initsweep.core.regime.SignalGrowth.DEFAULT_DECADES,
                false);
        Path saved = tmp.resolve("saved");
        for (String table : List.of("compare", "isometry")) {
            assertTrue(Files.isDirectory(dir.resolve(table)), table);
            TestFiles.copyTree(dir.resolve(table), saved.resolve(table));
        }
        String oneInit = twoInits.replace(",\n \"lecun_normal\"]", "]").replace(",\n \"jacobian\": true", "");
        assertFalse(oneInit.contains("lecun") || oneInit.contains("jacobian"), oneInit);
        SweepJob.run(spark, TestSpark.spec(oneInit), dir.toString(), new SweepJob.Options(true, 0));
        for (String table : List.of("compare", "isometry")) {
            assertFalse(Files.exists(dir.resolve(table)), "--overwrite deletes " + table);
            // as a directory overwritten by an earlier build left it
            TestFiles.copyTree(saved.resolve(table), dir.resolve(table));
        }
        org.initsweep.analysis.Analysis.run(spark, dir.toString(), org.initsweep.core.regime.SignalGrowth.DEFAULT_DECADES,
                true);
        for (String table : List.of("compare", "isometry")) {
            assertFalse(Files.exists(dir.resolve(table)), "the analysis removes " + table);
            assertFalse(spark.catalog().tableExists(table), table + " view");
        }
        try (var charts = Files.list(dir.resolve("charts"))) {
            List<String> names = charts.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.isEmpty());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("compare_") || n.startsWith("isometry")), names.toString());
        }
    }

    @Test
    void aSweepOwnsEveryTableAndFileItOrItsAnalysisWrites() throws IllegalAccessException {
        // what --overwrite deletes: a table added to Tables but not here would outlive the sweep that wrote it
        for (java.lang.reflect.Field f : org.initsweep.core.trace.Tables.class.getFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                assertTrue(SweepJob.OWNED.contains((String) f.get(null)), f.getName());
            }
        }
        assertTrue(SweepJob.OWNED.containsAll(List.of(org.initsweep.analysis.report.HtmlReport.DIR, ChunkCommit.STAGING,
                ChunkCommit.MANIFESTS)));
    }

    @Test
    void aSweepThatCommittedNoRunLeavesItsDirectoryToAnotherSpec() throws Exception {
        Path stopped = tmp.resolve("stopped");
        Files.createDirectories(stopped.resolve(".staging/c0000000000/runs"));
        Files.writeString(stopped.resolve("spec.json"), org.initsweep.core.spec.SpecWriter.toJson(
                TestSpark.spec(SPEC.replace("[2, 4]", "[5]"))));
        SweepJob.Summary s = SweepJob.run(spark, TestSpark.spec(SPEC.replace("[2, 4]", "[2]")), stopped.toString(),
                SweepJob.Options.defaults());
        assertEquals(s.runs(), s.computed());
        assertEquals(List.of(2), spark.read().parquet(stopped.resolve("runs").toString())
                .select("depth").distinct().collectAsList().stream().map(x -> x.getInt(0)).toList());
        assertThrows(OutputExistsException.class, () -> SweepJob.run(spark, TestSpark.spec(SPEC.replace("[2, 4]", "[5]")),
                stopped.toString(), SweepJob.Options.defaults()), "once it holds runs, another spec is refused");
    }

    @Test
    void aUsersOwnFilesUnderASweepsNamesAreRefusedWithoutOfferingToOverwriteThem() throws Exception {
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("spec.json"), "{\"my\": \"notes\"}");
        OutputExistsException e = assertThrows(OutputExistsException.class,
                () -> SweepJob.run(spark, spec, mine.toString(), SweepJob.Options.defaults()));
        assertEquals("output directory " + mine + " holds a spec.json that is not a sweep spec initsweep wrote; choose"
                + " another --out", e.getMessage());
        Path engine = tmp.resolve("engine-only");
        Files.createDirectories(engine);
        Files.writeString(engine.resolve("engine.json"), "{}");
        e = assertThrows(OutputExistsException.class,
                () -> SweepJob.run(spark, spec, engine.toString(), SweepJob.Options.defaults()));
        assertEquals("output directory " + engine + " holds engine.json but no sweep's spec.json: choose another --out"
                + " (--overwrite would replace engine.json)", e.getMessage());
        assertEquals("{\"my\": \"notes\"}", Files.readString(mine.resolve("spec.json")), "untouched");
    }

    @Test
    void theSameSpecAgainComputesNothing() throws Exception {
        SweepJob.Summary again = SweepJob.run(spark, spec, out.toString(), SweepJob.Options.defaults());
        assertEquals(0, again.computed());
        assertEquals(summary.runs(), spark.read().parquet(out.resolve("runs").toString()).count());
    }

    @Test
    void aLiveWriterLocksTheDirectory() throws Exception {
        Path locked = tmp.resolve("locked");
        Files.createDirectories(locked);
        Files.writeString(locked.resolve(".initsweep.lock"), java.net.InetAddress.getLocalHost().getHostName() + " "
                + ProcessHandle.current().pid() + " now");
        OutputExistsException e = assertThrows(OutputExistsException.class,
                () -> SweepJob.run(spark, spec, locked.toString(), SweepJob.Options.defaults()));
        assertTrue(e.getMessage().contains("is being written by another initsweep run"), e.getMessage());
        assertFalse(Files.exists(locked.resolve("runs")), "nothing written");
        // A lock left by a process that no longer exists is taken over.
        Files.writeString(locked.resolve(".initsweep.lock"), java.net.InetAddress.getLocalHost().getHostName()
                + " 999999999 earlier");
        SweepJob.run(spark, TestSpark.spec(SPEC.replace("[2, 4]", "[2]")), locked.toString(), SweepJob.Options.defaults());
        assertFalse(Files.exists(locked.resolve(".initsweep.lock")), "released");
    }
}
