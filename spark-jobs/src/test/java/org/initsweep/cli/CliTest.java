package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: exit codes, one-line errors, nothing written on bad input, sql. */
public class CliTest {

    /** Exit code, stdout, stderr of one in-process invocation. */
    public record Result(int code, String out, String err) {
    }

    static Path tinySpec() {
        return TestSpark.conf("tiny.json");
    }

    /** Runs tiny.json into {@code out} without its analysis (asserting exit 0) and returns {@code out}. */
    static Path tinySweep(Path out) {
        Result r = cli("run", tinySpec().toString(), "--out", out.toString(), "--no-analyze");
        assertEquals(0, r.code(), r.err());
        return out;
    }

    public static Result cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void badSpecExitsTwoWithOneLinePerProblemAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("bad.json");
        Files.writeString(spec, """
                {"name": "bad", "depths": [3], "widths": [16, 0], "activations": [], "inits": ["he_normal"],
                 "colour": "blue"}
                """);
        Path out = tmp.resolve("out");
        Result r = cli("run", spec.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        List<String> lines = r.err().lines().toList();
        assertEquals(List.of(
                spec + ": colour: unknown field",
                spec + ": widths[1]: must be in [1, 65536], got 0",
                spec + ": activations: must not be empty"), lines);
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(r.err().contains("Exception"), "no stack trace");
    }

    @Test
    void missingSpecAndBadArgumentsExitTwo(@TempDir Path tmp) throws Exception {
        Result missing = cli("validate", tmp.resolve("nope.json").toString());
        assertEquals(2, missing.code());
        assertEquals(tmp.resolve("nope.json") + ": no such spec file", missing.err().strip());
        Result unknown = cli("frobnicate");
        assertEquals(2, unknown.code());
        assertEquals("initsweep: unknown command 'frobnicate'; the commands are run, analyze, sql, validate or data"
                + " (initsweep --help describes them)", unknown.err().strip(), "one line, not the whole usage");
        Result typo = cli("analyse", tmp.toString());
        assertEquals(2, typo.code());
        assertTrue(typo.err().strip().startsWith("initsweep: unknown command 'analyse' (did you mean 'analyze'?); "),
                typo.err());
        Result dir = cli("validate", tmp.toString());
        assertEquals(2, dir.code());
        assertEquals(tmp + ": is a directory; give the spec's JSON file", dir.err().strip());
        Path fifo = tmp.resolve("spec-fifo.json");
        assertEquals(0, assertDoesNotThrow(() -> new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()));
        Result pipe = cli("validate", fifo.toString());
        assertEquals(2, pipe.code());
        assertEquals(fifo + ": not a regular file (a FIFO, device or socket); give the spec's JSON file", pipe.err().strip());
        Result noSpec = cli("run");
        assertEquals(2, noSpec.code(), "SPEC is required");
        assertEquals("initsweep run: Missing required parameter: 'SPEC' (initsweep run --help lists the arguments)",
                noSpec.err().strip(), "one line, not the whole usage");
        Result bogus = cli("analyze", "--bogus", tmp.toString());
        assertEquals(2, bogus.code());
        assertEquals("initsweep analyze: Unknown option: '--bogus' (initsweep analyze --help lists the arguments)",
                bogus.err().strip());
        Result target = cli("analyze", "--target-loss", "-1e9", tmp.toString());
        assertEquals(2, target.code());
        assertEquals("initsweep: --target-loss must be > 0 and finite (nats), got -1e9", target.err().strip());
        // validate starts no Spark: its --master only names the master of run's memory check
        Result master = cli("validate", "--master", "local[1]", tmp.resolve("s.json").toString());
        assertEquals(2, master.code(), master.err());
        assertEquals(tmp.resolve("s.json") + ": no such spec file", master.err().strip());
        Result data = cli("data");
        assertEquals(2, data.code(), data.err());
        assertEquals("initsweep data: missing subcommand (fetch or list) (initsweep data --help lists the arguments)",
                data.err().strip());
        Result none = cli();
        assertEquals(2, none.code(), "no command is a usage error");
        assertTrue(none.err().startsWith("initsweep: missing command (run, analyze, sql, validate or data)"), none.err());
        assertTrue(none.err().contains("Usage: initsweep"), none.err());
        assertEquals(0, cli("--help").code());
        Result sqlHelp = cli("sql", "--help");
        for (String view : List.of("runs", "layers", "epochs", "growth", "regions", "agreement", "trainability",
                "trainability_bound", "histograms", "boundaries", "jacobian", "isometry")) {
            assertTrue(sqlHelp.out().contains(view), view + " in " + sqlHelp.out());
        }
        Result notASweep = cli("sql", tmp.toString(), "SELECT 1");
        assertEquals(2, notASweep.code());
        assertTrue(notASweep.err().startsWith("initsweep: " + tmp + " holds no sweep results"), notASweep.err());
        Path onlySpec = java.nio.file.Files.createDirectories(tmp.resolve("only-spec"));
        java.nio.file.Files.writeString(onlySpec.resolve("spec.json"), java.nio.file.Files.readString(tinySpec()));
        Result stopped = cli("analyze", onlySpec.toString(), "--no-charts");
        assertEquals(2, stopped.code(), stopped.err());
        assertEquals(List.of("initsweep: " + onlySpec + " holds no sweep results (no runs/ table); run a sweep into it first"),
                stopped.err().strip().lines().toList(), "one line, no warning about an incomplete sweep before it");
    }

    @Test
    void preflightRefusesGridsTooLargeOrTooBigToFitWithTheOverridingFlag(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Result many = cli("run", TestSpark.conf("tiny.json").toString(), "--out", out.toString(), "--max-runs", "5");
        assertEquals(2, many.code());
        assertEquals("initsweep: the grid has 12 runs, more than --max-runs=5; raise --max-runs to run it, or split the spec",
                many.err().strip());
        Path huge = tmp.resolve("huge.json");
        Files.writeString(huge, """
                {"name": "huge", "depths": [200], "widths": [20000], "activations": ["relu"], "inits": ["he_normal"],
                 "samples": 100000, "epochs": 1}
                """);
        Result memory = cli("run", huge.toString(), "--out", out.toString());
        assertEquals(2, memory.code());
        assertTrue(memory.err().startsWith("initsweep: the largest run needs about "), memory.err());
        assertTrue(memory.err().contains("--ignore-memory-check"), memory.err());
        assertEquals("", memory.out(), "the refusal alone, no preflight line for a sweep that does not start");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void anUnreachableFileSystemIsSaidInOneLineNotAsAnInternalError() {
        // nothing listens on port 9 here; no retries, so the refusal comes at once
        System.setProperty("spark.hadoop.ipc.client.connect.max.retries", "0");
        try {
            for (String[] args : new String[][] {{"run", tinySpec().toString(), "--out", "hdfs://127.0.0.1:9/sweeps/tiny"},
                    {"sql", "hdfs://127.0.0.1:9/sweeps/tiny", "SELECT 1"}}) {
                Result r = cli(args);
                assertEquals(1, r.code(), args[0] + ": " + r.err());
                assertTrue(r.err().strip().startsWith("initsweep: cannot reach hdfs://127.0.0.1:9/sweeps/tiny ("),
                        args[0] + ": " + r.err());
                assertTrue(r.err().strip().endsWith("check that its service is up and the address is right"), r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
            }
        } finally {
            System.clearProperty("spark.hadoop.ipc.client.connect.max.retries");
        }
    }

    @Test
    void aHostThatDoesNotResolveIsTheUsersAddressSaidAsRunAndSqlSayAnUnreachableOne(@TempDir Path tmp) {
        // .invalid never resolves (RFC 2606); Hadoop looks the name node up when the file system is opened
        String dir = "hdfs://initsweep-test.invalid:8020/sweeps/tiny";
        for (String[] args : new String[][] {{"run", tinySpec().toString(), "--out", dir}, {"sql", dir, "SELECT 1"}}) {
            Result r = cli(args);
            assertEquals(2, r.code(), args[0] + ": " + r.err());
            String named = args[0].equals("run") ? "--out " + dir : dir;
            assertEquals("initsweep: cannot reach " + named + " (unknown host initsweep-test.invalid): check that the"
                    + " address is right", r.err().strip(), args[0]);
        }
        // the same line and code where the lookup fails later, inside a command's work
        java.io.StringWriter said = new java.io.StringWriter();
        Main.during(Situation.NONE);
        int code = Main.report(new java.io.PrintWriter(said, true), new java.io.IOException("failed",
                new java.net.UnknownHostException("initsweep-test.invalid; For more details see: http://wiki")), false);
        assertEquals(Main.BAD_INPUT, code);
        assertTrue(said.toString().contains("(unknown host initsweep-test.invalid): check that the address is right"),
                said.toString());
    }

    @Test
    void theExitCodeIsTheOneOfTheFailureTheLineNames() {
        // a refused connection first in the chain, an unresolved name deeper (a proxy's, say): the line names the
        // refusal, a service's fault (exit 1), not the address the user gave (exit 2)
        var refused = new java.net.ConnectException("Connection refused");
        refused.initCause(new java.net.UnknownHostException("proxy.invalid"));
        Main.during(Situation.NONE);
        java.io.StringWriter said = new java.io.StringWriter();
        int code = Main.report(new java.io.PrintWriter(said, true), new java.io.IOException("failed", refused), false);
        assertEquals("initsweep: cannot reach the file system (Connection refused): check that its service is up and the"
                + " address is right", said.toString().strip());
        assertEquals(Main.FAILURE, code);
    }

    @Test
    void anUnreachableSparkMasterIsOneLineBeforeAnythingIsWritten(@TempDir Path tmp) {
        // nothing listens on port 1: refused at once, where Spark's client would retry for a minute and then
        // fail the first job on a stopped SparkContext
        Path out = tmp.resolve("out");
        for (String[] args : new String[][] {{"run", tinySpec().toString(), "--out", out.toString()},
                {"sql", out.toString(), "SELECT 1"}}) {
            String[] withMaster = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--master", "spark://127.0.0.1:1")).toArray(String[]::new);
            Result r = cli(withMaster);
            assertEquals(1, r.code(), args[0] + ": " + r.err());
            // (run warns first that spark.executor.cores is unset on a standalone master)
            List<String> lines = r.err().strip().lines().toList();
            assertTrue(lines.get(lines.size() - 1).startsWith("initsweep: cannot reach the Spark master"
                    + " spark://127.0.0.1:1 (127.0.0.1:1: Connection refused"), args[0] + ": " + r.err());
            assertEquals(1, lines.stream().filter(l -> l.contains("master")).count(), r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    @Test
    void aPortThatAnswersButNotAsTheFileSystemIsSaidSo() throws Exception {
        // a web server where the name node's RPC port was meant: it answers Hadoop's RPC with "HTTP/1.1 …",
        // which Hadoop reads as a frame length of 1.2 GB
        try (java.net.ServerSocket web = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                while (!web.isClosed()) {
                    try (java.net.Socket s = web.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        Thread.sleep(200);
                    } catch (java.io.IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "fake-web-server");
            server.setDaemon(true);
            server.start();
            System.setProperty("spark.hadoop.ipc.client.connect.max.retries", "0");
            try {
                String out = "hdfs://127.0.0.1:" + web.getLocalPort() + "/sweeps/tiny";
                Result r = cli("run", tinySpec().toString(), "--out", out);
                assertEquals(1, r.code(), r.err());
                assertTrue(r.err().strip().startsWith("initsweep: cannot reach " + out + ": its port answers, but not as"
                        + " the file system's RPC service"), r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
            } finally {
                System.clearProperty("spark.hadoop.ipc.client.connect.max.retries");
            }
        }
    }

    @Test
    void anUnusableTuningPropertyIsRefusedBeforeAnythingIsWritten(@TempDir Path tmp) {
        // -D options reach the executors too; a typo must not quietly train with the default kernel.
        Path out = tmp.resolve("out");
        String[][] refused = {
            {"initsweep.kernel", "nd4jj", "must be one of auto, blas, nd4j, got \"nd4jj\""},
            {"initsweep.dataCacheBytes", "768m", "must be an integer ≥ 0, got \"768m\""},
            {"initsweep.vectorMaxParams", "2147483648", "must be an integer from 0 to 2147483647, got \"2147483648\""},
            {"initsweep.kernal", "blas", "is not a property initsweep reads (did you mean 'initsweep.kernel'?)"},
            {"initsweep.vectormaxparams", "0", "is not a property initsweep reads (did you mean"
                    + " 'initsweep.vectorMaxParams'?)"},
            {"INITSWEEP.kernal", "blas", "is not a property initsweep reads (did you mean 'initsweep.kernel'?)"}};
        for (String[] p : refused) {
            System.setProperty(p[0], p[1]);
            try {
                Result r = cli("run", tinySpec().toString(), "--out", out.toString());
                assertEquals(2, r.code(), r.err());
                assertEquals("initsweep: -D" + p[0] + " " + p[2], r.err().strip());
                Result v = cli("validate", tinySpec().toString());
                assertEquals(2, v.code(), "validate refuses what run would: " + v.out());
                assertEquals("initsweep: -D" + p[0] + " " + p[2], v.err().strip());
            } finally {
                System.clearProperty(p[0]);
            }
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    @Test
    void aFloat32RunThatFitsTheOverheadButNotTheHeapIsRefused(@TempDir Path tmp) throws Exception {
        // Spark's default executor (1 GiB heap, 384 MiB overhead, one core): a task has 289.6 MiB of heap.
        // 3P + 4·256·(24·1024 + 1) + 256·3 floats, P = 2·1024 + 23·1024² + 1024: 372.0 MiB — fits the
        // overhead, not the heap. The check runs before Spark starts: no master is contacted.
        Path spec = tmp.resolve("wide.json");
        Files.writeString(spec, """
                {"name": "wide", "depths": [24], "widths": [1024], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "datasets": ["moons"], "samples": 256, "epochs": 1}
                """);
        Path out = tmp.resolve("out");
        Result r = cli("run", spec.toString(), "--out", out.toString(), "--master", "spark://127.0.0.1:1");
        assertEquals(2, r.code(), r.err());
        assertEquals("initsweep: the largest run needs about 372.0 MiB of Java heap (float32 runs keep their values in"
                + " Java arrays); a Spark task on spark://127.0.0.1:1 has 289.6 MiB (raise spark.executor.memory, or pass"
                + " --ignore-memory-check)", r.err().strip());
        assertFalse(Files.exists(out), "nothing written");
        // float64 keeps two copies of the weights, all off-heap: over the overhead
        Files.writeString(spec, Files.readString(spec).replace("\"epochs\": 1", "\"epochs\": 1, \"precision\": \"float64\""));
        Result f64 = cli("run", spec.toString(), "--out", out.toString(), "--master", "spark://127.0.0.1:1");
        assertEquals(2, f64.code(), f64.err());
        assertEquals("initsweep: the largest run needs about 560.1 MiB of ND4J memory; a Spark task on spark://127.0.0.1:1"
                + " has 384.0 MiB (raise spark.executor.memoryOverhead, or pass --ignore-memory-check)", f64.err().strip());
    }

    @Test
    void chunkRunsSetsTheUnitOfCommit(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Result negative = cli("run", TestSpark.conf("tiny.json").toString(), "--out", out.toString(), "--chunk-runs", "-1");
        assertEquals(2, negative.code());
        assertEquals("initsweep: --chunk-runs must be ≥ 0, got -1", negative.err().strip());
        assertFalse(Files.exists(out), "nothing written");
        Result run = cli("run", TestSpark.conf("tiny.json").toString(), "--out", out.toString(), "--chunk-runs", "5",
                "--no-analyze");
        assertEquals(0, run.code(), run.err());
        // 12 runs in chunks of 5, 5 and 2, each committed as one runs/ file
        try (Stream<Path> files = Files.list(out.resolve("runs"))) {
            assertEquals(3, files.filter(p -> p.toString().endsWith(".parquet")).count());
        }
    }

    @Test
    void nonPositiveMaxRunsIsRefusedAsInput(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        Result max = cli("run", TestSpark.conf("tiny.json").toString(), "--out", out.toString(), "--max-runs", "-5");
        assertEquals(2, max.code(), max.err());
        assertEquals("initsweep: --max-runs must be ≥ 1, got -5", max.err().strip());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void everyDirectoryArgumentRefusesAnEmptyValue(@TempDir Path tmp) throws Exception {
        String spec = TestSpark.conf("tiny.json").toString();
        String[][] commands = {
            {"run", spec, "--out", ""},
            {"run", spec, "--out", tmp.resolve("out").toString(), "--data-dir", " "},
            {"analyze", ""},
            {"sql", "", "SELECT 1"},
            {"data", "list", "--data-dir", ""},
            {"analyze", "x:y"},
            {"run", ""},
            {"validate", "  "},
        };
        String[] expected = {
            "initsweep run: Invalid value for option '--out': must name a directory, got an empty value",
            "initsweep run: Invalid value for option '--data-dir': must name a directory, got only white space",
            "initsweep analyze: Invalid value for positional parameter at index 0 (DIR): must name a directory, got an"
                    + " empty value",
            "initsweep sql: Invalid value for positional parameter at index 0 (DIR): must name a directory, got an"
                    + " empty value",
            "initsweep data list: Invalid value for option '--data-dir': must name a directory, got an empty value",
            "initsweep analyze: Invalid value for positional parameter at index 0 (DIR): 'x:y' is not a path or URI"
                    + " (text before a colon is read as a URI scheme: write ./x:y for a local name with a colon)",
            "initsweep run: Invalid value for positional parameter at index 0 (SPEC): must name a spec file, got an empty"
                    + " value",
            "initsweep validate: Invalid value for positional parameter at index 0 (SPEC): must name a spec file, got only"
                    + " white space",
        };
        for (int i = 0; i < commands.length; i++) {
            Result r = cli(commands[i]);
            assertEquals(2, r.code(), String.join(" ", commands[i]) + ": " + r.err());
            String[] lines = r.err().strip().split("\n");
            assertEquals(1, lines.length, r.err());
            assertTrue(lines[0].startsWith(expected[i] + " ("), lines[0]);
        }
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
        for (String command : List.of("analyze", "sql")) {
            Result scheme = command.equals("sql") ? cli("sql", "foo://bar/x", "SELECT 1") : cli("analyze", "foo://bar/x");
            assertEquals(2, scheme.code(), scheme.err());
            assertEquals("initsweep: foo://bar/x: no file system for foo:// on the classpath", scheme.err().strip());
        }
        Path file = Files.writeString(tmp.resolve("a.txt"), "not a sweep");
        Result analyzeFile = cli("analyze", file.toString());
        assertEquals(2, analyzeFile.code(), analyzeFile.err());
        assertEquals("initsweep: " + file + " is a file; give a sweep's output directory", analyzeFile.err().strip());
        Result sqlMissing = cli("sql", tmp.resolve("nope").toString(), "SELECT 1");
        assertEquals(2, sqlMissing.code(), sqlMissing.err());
        assertEquals("initsweep: no such directory: " + tmp.resolve("nope"), sqlMissing.err().strip());
        Result run = cli("run", spec, "--out", "foo://bar/x");
        assertEquals(2, run.code(), run.err());
        assertEquals("initsweep: --out foo://bar/x: no file system for foo:// on the classpath", run.err().strip());
    }

    @Test
    void validateCountsTheDefaultGrid(@TempDir Path tmp) throws Exception {
        Result r = cli("validate", TestSpark.conf("default.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sweep 'default' with 540 runs"), r.out());
        // gaussian's input is as wide as the first hidden layer: default.json's widths 32 and 128
        assertTrue(r.out().contains(": datasets[0] (gaussian): generated, 256 training and 0 test examples, 32 or 128"
                + " features (the first hidden layer's width), 2 classes"), r.out());
        Path one = Files.writeString(tmp.resolve("one.json"), """
                {"name": "one", "depths": [3], "widths": [4], "activations": ["tanh"], "inits": ["scaled_normal"]}""");
        Result single = cli("validate", one.toString());
        assertEquals(List.of(one + ": valid, sweep 'one' with 1 run", one + ": datasets[0] (gaussian): generated, 256"
                + " training and 0 test examples, 4 features, 2 classes"), single.out().lines().toList());
    }

    @Test
    void analyzeOfADirectoryWithoutASweepLeavesItAsItWas(@TempDir Path tmp) throws Exception {
        // hidden .tmp entries, even one named as an interrupted analysis names its own, are not this folder's to remove
        String ours = ".regions-" + java.util.UUID.randomUUID() + ".tmp";
        List<Path> files = List.of(tmp.resolve(".notes.tmp"), tmp.resolve(ours), tmp.resolve("charts/.draft.tmp"),
                tmp.resolve("report/" + ours));
        for (Path f : files) {
            Files.createDirectories(f.getParent());
            Files.writeString(f, "mine");
        }
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(tmp);
        Result r = cli("analyze", tmp.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("initsweep: " + tmp + " holds no sweep results (no runs/ table); run a sweep into it first",
                r.err().strip());
        for (Path f : files) {
            assertTrue(Files.exists(f), f + " kept");
        }
        assertEquals(before, Files.getLastModifiedTime(tmp), "no lock file made and removed in it either");
    }

    @Test
    void validateSaysWhatRunWouldSayBeforeItStarts(@TempDir Path tmp) throws Exception {
        Path big = Files.writeString(tmp.resolve("big.json"), """
                {"name": "big", "depths": [3], "widths": [1024], "activations": ["tanh"], "inits": ["he_normal"],
                 "datasets": ["gaussian"], "samples": 10000000, "boundaries": true}""");
        Result r = cli("validate", big.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertEquals(big + ": note: boundaries: dataset gaussian has 1024 features: decision boundaries are drawn over the"
                + " plane of 2 features, so its runs record none", lines.get(2));
        // 10⁷ examples × 1024 units: far beyond any test JVM's heap
        assertTrue(lines.get(3).startsWith(big + ": note: run would refuse it here: the largest run needs about "),
                lines.get(3));
        Result run = cli("run", big.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, run.code());
        assertEquals(lines.get(3).substring((big + ": note: run would refuse it here: ").length()),
                run.err().strip().substring("initsweep: ".length()), "the same words as run");
    }

    @Test
    void validateReadsTheDataFilesRunWould(@TempDir Path tmp) throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i % 7).append(',').append(i % 5).append(',').append(i % 3).append('\n');
        }
        Path data = Files.writeString(tmp.resolve("mine.csv"), csv);
        String entry = "{\"name\": \"mine\", \"format\": \"csv\", \"path\": \"" + data + "\"}";
        String spec = """
                {"name": "own", "depths": [3], "widths": [4], "activations": ["tanh"], "inits": ["he_normal"],
                 "datasets": [%s], "test_fraction": 0.2, "batch_size": %d}""";
        Path good = Files.writeString(tmp.resolve("good.json"), spec.formatted(entry + ", {\"name\": \"t\", \"format\":"
                + " \"parquet\", \"path\": \"hdfs://nn:8020/t\"}", 8));
        Result r = cli("validate", good.toString());
        assertEquals(0, r.code(), r.err());
        // each class of 10 gives round(0.2 · 10) = 2 test examples
        assertEquals(List.of(good + ": valid, sweep 'own' with 2 runs",
                good + ": datasets[0] (mine): 24 training and 6 test examples, 2 features, 3 classes",
                good + ": datasets[1] (t): not read here: a parquet table, which run reads through Spark"),
                r.out().lines().toList());

        Path big = Files.writeString(tmp.resolve("big.json"), spec.formatted(entry, 25));
        Result batch = cli("validate", big.toString());
        assertEquals(2, batch.code(), batch.out());
        assertEquals("initsweep: batch_size: 25 is more than the 24 training examples of dataset mine", batch.err().strip());
        assertEquals("", batch.out(), "nothing said valid");
        assertEquals(0, cli("validate", "--no-data", big.toString()).code(), "the spec alone is valid");

        // one example a class: whatever test_fraction, training keeps it
        Path ones = Files.writeString(tmp.resolve("ones.csv"), "x1,x2,label\n0,1,0\n1,0,1\n1,1,2\n");
        Path single = Files.writeString(tmp.resolve("single.json"), spec.formatted(entry.replace(data.toString(),
                ones.toString()), 1));
        Result singles = cli("validate", single.toString());
        assertEquals(2, singles.code(), singles.out());
        assertEquals("initsweep: dataset mine: each of its 3 classes has one example, which training keeps, so no"
                + " test_fraction gives a test example: give more examples per class, or a test file", singles.err().strip());

        // paths read as the run reads them, by Hadoop's Path and file system: the same one line in both
        for (String[] bad : new String[][] {{"file:mine.csv", "file:mine.csv: not a valid path or URI ("},
                {"file://localhost" + data, "file://localhost" + data + ": not a path of file system file:///"}}) {
            Path spec2 = Files.writeString(tmp.resolve("bad.json"), spec.formatted(entry.replace("\"" + data + "\"",
                    "\"" + bad[0] + "\""), 1));
            Result v = cli("validate", spec2.toString());
            assertEquals(2, v.code(), v.out());
            assertTrue(v.err().strip().startsWith("initsweep: datasets[0] (mine): " + bad[1]), v.err());
            Result run = cli("run", spec2.toString(), "--out", tmp.resolve("bad-out").toString());
            assertEquals(2, run.code(), run.out());
            assertEquals(v.err().strip(), run.err().strip(), "run says what validate said");
        }

        Files.delete(data);
        Result gone = cli("validate", good.toString());
        assertEquals(2, gone.code(), gone.out());
        assertEquals("initsweep: datasets[0] (mine): " + data + ": no such file", gone.err().strip());
    }

    @Test
    void runAnalyzeAndQueryTheTinySweep(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("tiny");
        Result run = cli("run", TestSpark.conf("tiny.json").toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("initsweep: analyzed 12 runs, 12 cells: \\d+ vanishing"
                + "(, \\d+ stable)?(, \\d+ exploding)?")), "regimes as SQL spells them: " + run.out());
        for (String table : List.of("runs", "layers", "epochs", "growth", "regions", "charts")) {
            assertTrue(Files.isDirectory(out.resolve(table)), table);
        }
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            List<Path> pngs = charts.filter(p -> p.toString().endsWith(".png")).toList();
            assertTrue(pngs.stream().anyMatch(p -> p.getFileName().toString().startsWith("regime_tanh")), pngs.toString());
            for (Path png : pngs) {
                assertTrue(Files.size(png) > 5_000, png + " is a real image");
            }
        }

        Result sql = cli("sql", out.toString(), "--csv",
                "SELECT activation, count(*) AS runs, sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END) AS ok "
                        + "FROM runs GROUP BY activation ORDER BY activation");
        assertEquals(0, sql.code(), sql.err());
        assertEquals(List.of("activation,runs,ok", "relu,6,6", "tanh,6,6"), sql.out().lines().toList());

        Result regions = cli("sql", out.toString(), "--csv",
                "SELECT count(*) AS cells FROM regions WHERE regime IN ('vanishing', 'stable', 'exploding')");
        assertEquals(List.of("cells", "12"), regions.out().lines().toList());

        Result bad = cli("sql", out.toString(), "SELECT nope FROM runs");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("initsweep: bad query:"), bad.err());
        Result syntax = cli("sql", out.toString(), "SELEC * FROM runs");
        assertEquals(2, syntax.code());
        assertTrue(syntax.err().startsWith("initsweep: bad query: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'"),
                syntax.err());
        Result typo = cli("sql", out.toString(), "SELECT (1 + FROM runs");
        assertEquals(2, typo.code());
        assertTrue(typo.err().matches("(?s)initsweep: bad query: \\S.*"), "the parser's message: " + typo.err());
        Result write = cli("sql", out.toString(),
                "INSERT OVERWRITE DIRECTORY '" + out.resolve("epochs").toUri() + "' USING parquet SELECT * FROM runs");
        assertEquals(2, write.code());
        assertEquals("initsweep: sql runs read-only queries (" + ReadOnlyQuery.ALLOWED + "); got INSERT",
                write.err().strip());
        assertEquals(12 * 4, cli("sql", out.toString(), "--csv", "SELECT count(*) FROM epochs").out().lines()
                .skip(1).mapToLong(Long::parseLong).sum(), "epochs untouched");
        // writes that start like queries: Spark parses them into inserts
        Path victim = Files.writeString(Files.createDirectories(tmp.resolve("victim")).resolve("keep.txt"), "mine");
        for (String[] w : new String[][] {
                {"WITH x AS (SELECT 1) INSERT INTO runs SELECT * FROM runs", "this one writes (INSERT INTO)"},
                {"FROM runs INSERT INTO runs SELECT *", "this one writes (INSERT INTO)"},
                {"WITH x AS (SELECT 1 AS a) INSERT OVERWRITE DIRECTORY '" + victim.getParent().toUri()
                        + "' USING parquet SELECT * FROM x", "this one writes (INSERT OVERWRITE DIRECTORY)"},
                // Spark's lexer nests comments (a pattern took SHOW for the first word)
                {"/* /* */ SHOW */ INSERT OVERWRITE DIRECTORY '" + victim.getParent().toUri()
                        + "' USING csv SELECT 1 AS a", "got INSERT"},
                {"SELECT TRANSFORM(1) USING 'rm " + victim + "; cat' AS (x)",
                        "this one runs a shell command (TRANSFORM … USING)"},
                {"SELECT java_method('java.io.File', 'createTempFile', 'x', 'y')",
                        "this one calls Java methods (java_method)"}}) {
            Result r = cli("sql", out.toString(), w[0]);
            assertEquals(2, r.code(), w[0]);
            assertEquals("initsweep: sql runs read-only queries (" + ReadOnlyQuery.ALLOWED + "); " + w[1],
                    r.err().strip());
        }
        assertTrue(Files.exists(victim), "a directory outside the sweep untouched");
        // functions that call Java are gone from the session, however a query names them
        for (String q : new String[] {
                "SELECT IDENTIFIER('ref' || 'lect')('java.lang.System', 'getProperty', 'user.home') AS h",
                "SELECT run_id, max(1) OVER w AS m FROM runs WINDOW w AS (PARTITION BY reflect('java.lang.System',"
                        + " 'getProperty', 'user.home'))",
                // its rowValidationXSDPath option opened any file or URL
                "SELECT from_xml('<r><b>1</b></r>', 'b STRING', map('rowValidationXSDPath', '" + victim + "'))"}) {
            Result r = cli("sql", out.toString(), q);
            assertEquals(2, r.code(), q);
            assertTrue(r.err().matches("initsweep: bad query: \\[(ROUTINE_NOT_FOUND|UNRESOLVED_ROUTINE)].*\\s*"), r.err());
        }
        assertEquals(List.of("x,y", "\"a,b\",\"say \"\"hi\"\"\""),
                cli("sql", out.toString(), "--csv", "SELECT 'a,b' AS x, 'say \"hi\"' AS y").out().lines().toList(),
                "CSV fields quoted as RFC 4180 says");
        assertEquals(List.of("x", "1"), cli("sql", out.toString(), "--csv", " ".repeat(100_000) + "SELECT 1 AS x").out()
                .lines().toList(), "a long prefix");
        Result file = cli("sql", out.toString(), "SELECT * FROM csv.`" + victim + "`");
        assertEquals(2, file.code(), "only the sweep's views, no SQL on files");
        assertTrue(file.err().startsWith("initsweep: bad query: csv.`path` reads files by path, which sql does not:"
                + " query the views of " + out + " (runs, layers, epochs"), file.err());
        Result nested = cli("sql", out.toString(), "SELECT * FROM (DESCRIBE runs)");
        assertEquals(2, nested.code(), nested.err());
        assertEquals("initsweep: bad query: DESCRIBE is a statement of its own, not a table: give it alone"
                + " (`DESCRIBE runs`), not inside another query", nested.err().strip());
        Result shown = cli("sql", out.toString(), "SELECT * FROM (show tables)");
        assertEquals("initsweep: bad query: show is a statement of its own, not a table: give it alone (`SHOW TABLES`),"
                + " not inside another query", shown.err().strip());
        Result described = cli("sql", out.toString(), "--csv", "DESCRIBE runs");
        assertEquals(0, described.code(), described.err());
        assertTrue(described.out().lines().anyMatch(l -> l.startsWith("learning_rate,double")), described.out());
        Result viewTypo = cli("sql", out.toString(), "SELECT count(*) FROM runz");
        assertEquals(2, viewTypo.code(), viewTypo.err());
        assertTrue(viewTypo.err().strip().startsWith("initsweep: bad query: no table or view `runz` in " + out
                + " (did you mean 'runs'?); its views: runs, layers, epochs"), viewTypo.err());
        Result divide = cli("sql", out.toString(), "SELECT 1 / (depth - depth) FROM runs");
        assertEquals(2, divide.code(), "the query's own error is the user's input: " + divide.err());
        assertTrue(divide.err().strip().startsWith("initsweep: query failed: [DIVIDE_BY_ZERO] Division by zero."),
                divide.err());
        assertEquals(1, divide.err().strip().lines().count(), divide.err());
        Result raised = cli("sql", out.toString(), "SELECT raise_error('boom')");
        assertEquals(2, raised.code(), raised.err());
        assertTrue(raised.err().strip().startsWith("initsweep: query failed: [USER_RAISED_EXCEPTION] boom"), raised.err());
        Result limit = cli("sql", out.toString(), "SELECT size(sequence(1, 3000000000))");
        assertEquals(2, limit.code(), "a limit the query reaches (SQLSTATE 54) is the user's input: " + limit.err());
        assertTrue(limit.err().strip().startsWith("initsweep: query failed: [COLLECTION_SIZE_LIMIT_EXCEEDED"), limit.err());
        Result two = cli("sql", out.toString(), "--csv", "--limit", "2", "SELECT run_id FROM runs");
        assertEquals(3, two.out().lines().count(), "header and 2 of 12 rows: " + two.out());
        assertEquals("initsweep: the first 2 rows; --limit N prints more", two.err().strip());
        assertEquals("", cli("sql", out.toString(), "--csv", "--limit", "12", "SELECT run_id FROM runs").err(),
                "all rows printed: nothing to say");
        Result with = cli("sql", out.toString(), "--csv", "WITH x AS (SELECT count(*) AS n FROM runs) SELECT n FROM x");
        assertEquals(List.of("n", "12"), with.out().lines().toList(), "runs untouched, and WITH queries still run");
        assertEquals(List.of("count(1)", "12"), cli("sql", out.toString(), "--csv", "FROM runs SELECT count(*)").out()
                .lines().toList());
        assertEquals(List.of("n", "12"), cli("sql", out.toString(), "--csv", "-- how many runs\nSELECT count(*) AS n FROM runs")
                .out().lines().toList(), "a query that starts with a comment line");

        Files.writeString(out.resolve(".initsweep.lock"), java.net.InetAddress.getLocalHost().getHostName() + " "
                + ProcessHandle.current().pid() + " now");
        Path engine = Files.move(out.resolve("engine.json"), tmp.resolve("engine.json")); // as while a sweep runs
        Result locked = cli("analyze", out.toString());
        Files.move(engine, out.resolve("engine.json"));
        assertEquals(2, locked.code());
        assertEquals(1, locked.err().strip().lines().count(), "the refusal alone, no warning about an incomplete sweep: "
                + locked.err());
        assertTrue(locked.err().startsWith("initsweep: " + out + " is being written by another initsweep run"), locked.err());
        assertTrue(locked.err().contains("or delete " + out.resolve(".initsweep.lock") + " if"), "a path, not a file: URI: "
                + locked.err());
        Files.delete(out.resolve(".initsweep.lock"));
        assertTrue(Files.exists(out.resolve("report/index.html")), "the first analysis's report");
        Files.move(out.resolve("engine.json"), engine); // as after a killed sweep
        Result incomplete = cli("analyze", out.toString(), "--no-charts");
        Files.move(engine, out.resolve("engine.json"));
        assertEquals(0, incomplete.code(), incomplete.err());
        assertTrue(incomplete.err().contains("initsweep: warning: the sweep in " + out + " is incomplete"), incomplete.err());
        assertFalse(Files.exists(out.resolve("charts")) || Files.exists(out.resolve("report")),
                "no charts or report of the earlier analysis left beside the new tables");

        Result again = cli("run", TestSpark.conf("tiny.json").toString(), "--out", out.toString(), "--no-analyze");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 runs computed (0 diverged), 12 were already done"), again.out());
        Path reordered = tmp.resolve("reordered.json");
        Files.writeString(reordered, Files.readString(TestSpark.conf("tiny.json")).replace("[3, 6]", "[6, 3]")
                .replace("[0.5, 1, 2]", "[2, 0.5, 1]").replace("[\"tanh\", \"relu\"]", "[\"relu\", \"tanh\"]"));
        Result sameRuns = cli("run", reordered.toString(), "--out", out.toString(), "--no-analyze");
        assertEquals(0, sameRuns.code(), sameRuns.err());
        assertTrue(sameRuns.out().contains("0 runs computed (0 diverged), 12 were already done"),
                "the same runs in another order: " + sameRuns.out());

        Path other = tmp.resolve("other.json");
        Files.writeString(other, Files.readString(TestSpark.conf("tiny.json")).replace("[3, 6]", "[4]"));
        Result different = cli("run", other.toString(), "--out", out.toString(), "--no-analyze");
        assertEquals(2, different.code());
        assertTrue(different.err().contains(out + " already holds results of another sweep (its spec differs in depths);"
                + " pass --overwrite"), different.err());
        assertEquals("", different.out(), "the refusal alone");
    }
}
