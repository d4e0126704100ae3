package org.initsweep.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 made of separate JVMs started from Spark's own classes:
 * one {@code Master}, N {@code Worker}s, and the drivers submitted through
 * {@code org.apache.spark.deploy.SparkSubmit} (what the {@code spark-submit} script runs).
 *
 * <p>No Spark download: {@code sparkHome/jars} holds Spark's runtime classpath (laid out by the
 * build, see spark-jobs/pom.xml), which is all a worker needs to launch executors. Every port is
 * free or ephemeral, every directory (work dirs, local dirs, logs, temp) is under {@code dir}.
 *
 * <p>{@link #close()} kills every process this class started and all their descendants
 * (executors are children of workers), waits for them to exit and fails if one survives; a
 * shutdown hook does the same if the test JVM exits without closing.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final String MASTER = "org.apache.spark.deploy.master.Master";
    private static final String WORKER = "org.apache.spark.deploy.worker.Worker";
    private static final String SUBMIT = "org.apache.spark.deploy.SparkSubmit";
    static final String EXECUTOR = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
    private static final String LOOPBACK = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path sparkHome;
    private final Path dir;
    private final Path jvmOptions;
    private final List<Process> processes = new ArrayList<>();
    private final Thread hook = new Thread(this::killAll, "standalone-cluster-teardown");
    private final List<Process> workers = new ArrayList<>();
    private String masterUrl;
    private int masterUiPort;
    private boolean closed;

    /**
     * @param sparkHome  a SPARK_HOME whose {@code jars/} holds Spark's runtime classpath
     * @param dir        where work dirs, local dirs and logs go (created)
     * @param jvmOptions argument file with the Java 17 module openings Spark needs (bin/jvm.options)
     */
    StandaloneCluster(Path sparkHome, Path dir, Path jvmOptions) throws IOException {
        this.sparkHome = sparkHome.toAbsolutePath().normalize();
        this.dir = dir.toAbsolutePath().normalize();
        this.jvmOptions = jvmOptions.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.sparkHome.resolve("jars"))) {
            throw new IllegalStateException("no " + this.sparkHome.resolve("jars")
                    + ": run `mvn -DskipTests package` (it lays out Spark's runtime classpath there)");
        }
        Files.createDirectories(this.dir.resolve("logs"));
        Files.createDirectories(this.dir.resolve("tmp"));
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts the master and {@code n} workers, and waits until all workers are registered. */
    StandaloneCluster start(int n, int coresPerWorker, String memoryPerWorker, Duration timeout) throws IOException {
        int rpcPort = freePort();
        masterUiPort = freePort();
        Process master = launch("master", List.of("-Xmx256m", "-Dspark.master.rest.enabled=false"), MASTER,
                List.of("--host", LOOPBACK, "--port", Integer.toString(rpcPort),
                        "--webui-port", Integer.toString(masterUiPort)));
        await("master ALIVE", timeout, master, () -> masterState().map(s -> "ALIVE".equals(s.path("status").asText()))
                .orElse(false));
        // The master's own word for its URL (a taken port would have moved it).
        masterUrl = masterState().orElseThrow().path("url").asText();
        for (int i = 0; i < n; i++) {
            Path work = dir.resolve("worker-" + i);
            Files.createDirectories(work);
            workers.add(launch("worker-" + i, List.of("-Xmx256m"), WORKER,
                    List.of("--host", LOOPBACK, "--port", "0", "--webui-port", "0",
                            "--cores", Integer.toString(coresPerWorker), "--memory", memoryPerWorker,
                            "--work-dir", work.toString(), masterUrl)));
        }
        await(n + " workers registered", timeout, master,
                () -> masterState().map(s -> s.path("aliveworkers").asInt() == n).orElse(false));
        return this;
    }

    String masterUrl() {
        return masterUrl;
    }

    Path dir() {
        return dir;
    }

    /** The worker process {@code i} (its executors are its children). */
    Process worker(int i) {
        return workers.get(i);
    }

    /** Executor JVMs running under worker {@code i} now. */
    List<ProcessHandle> executorsOf(int i) {
        return workers.get(i).descendants().filter(StandaloneCluster::isExecutor).toList();
    }

    /** The {@code --executor-id} of an executor process. */
    static String executorId(ProcessHandle executor) {
        List<String> args = Arrays.asList(executor.info().arguments().orElse(new String[0]));
        int i = args.indexOf("--executor-id");
        if (i < 0 || i + 1 >= args.size()) {
            throw new IllegalStateException("no --executor-id in " + args);
        }
        return args.get(i + 1);
    }

    private static boolean isExecutor(ProcessHandle p) {
        return p.info().arguments().map(a -> Arrays.asList(a).contains(EXECUTOR)).orElse(false);
    }

    /**
     * Starts {@code SparkSubmit} in its own JVM, as the spark-submit script would (client deploy
     * mode: the driver is that JVM). Output goes to {@link #log(String)}.
     */
    Process submit(String name, List<String> args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--master", masterUrl, "--deploy-mode", "client"));
        all.addAll(args);
        return launch(name, List.of("-Xmx1g"), SUBMIT, all);
    }

    /** The log file (stdout and stderr) of a process started under {@code name}. */
    Path log(String name) {
        return dir.resolve("logs").resolve(name + ".log");
    }

    /** The last lines of a log, for failure messages. */
    String tail(String name, int lines) {
        try {
            List<String> all = Files.readAllLines(log(name), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** GET a JSON document, empty when the server does not answer (yet) or answers an error. */
    static Optional<JsonNode> getJson(String url) {
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<JsonNode> masterState() {
        return getJson("http://" + LOOPBACK + ":" + masterUiPort + "/json/");
    }

    private Process launch(String name, List<String> jvmArgs, String mainClass, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("@" + jvmOptions);
        cmd.addAll(jvmArgs);
        cmd.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
        cmd.add("-cp");
        cmd.add(sparkHome.resolve("jars") + "/*");
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        Map<String, String> env = pb.environment();
        // Nothing of a Spark or Hadoop installation of the machine leaks in.
        env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("HADOOP_") || k.startsWith("YARN_"));
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", LOOPBACK);
        env.put("SPARK_LOCAL_DIRS", dir.resolve("local").resolve(name).toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("OMP_NUM_THREADS", "1");
        Files.createDirectories(dir.resolve("local").resolve(name));
        synchronized (processes) {
            Process p = pb.start();
            processes.add(p);
            return p;
        }
    }

    private void await(String what, Duration timeout, Process mustLive, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (!mustLive.isAlive()) {
                throw new IllegalStateException("process died waiting for " + what + " (exit " + mustLive.exitValue()
                        + "); logs in " + dir.resolve("logs"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what + "; logs in "
                        + dir.resolve("logs"));
            }
            sleep(200);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills every process started here and their descendants; fails if one is still alive after 30 s. */
    @Override
    public void close() {
        Set<ProcessHandle> left = killAll();
        if (!closed) {
            closed = true;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway
            }
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("processes survived teardown: "
                    + left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
        }
    }

    private Set<ProcessHandle> killAll() {
        List<Process> started;
        synchronized (processes) {
            started = List.copyOf(processes);
        }
        // Descendants first, collected before any parent dies (an orphan is no one's descendant).
        Set<ProcessHandle> all = new LinkedHashSet<>();
        for (int i = started.size() - 1; i >= 0; i--) {
            Process p = started.get(i);
            p.descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        all.forEach(ProcessHandle::destroyForcibly);
        Set<ProcessHandle> left = new LinkedHashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                if (h.isAlive()) {
                    left.add(h);
                }
            }
        }
        return left;
    }

    /** Deletes the copies of the application jar under {@code dir} (the one submitted, those executors fetched). */
    void deleteJarCopies() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".jar")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
