package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.initsweep.core.data.Mnist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code initsweep data fetch mnist} and {@code data list} end to end, against a local HTTP mirror that
 * serves the shared MNIST subset under MNIST's names (mirrors and checksums given by the documented
 * system properties).
 */
class DataCommandTest {

    /** MNIST's names → the shared stand-ins. */
    private static final Map<String, String> SOURCES = Map.of(
            "train-images-idx3-ubyte.gz", "mnist10k-train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz", "mnist10k-train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "mnist10k-test-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz", "mnist10k-test-labels-idx1-ubyte.gz");

    @TempDir
    Path tmp;

    @AfterEach
    void clearProperties() {
        System.clearProperty(Mnist.MIRRORS_PROPERTY);
        System.clearProperty(Mnist.CHECKSUMS_PROPERTY);
    }

    static Path shared(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared").resolve("datasets").resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new AssertionError("shared/datasets/" + name + " not found");
    }

    /** A sha256sum file for the stand-ins. */
    private Path checksums() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : SOURCES.entrySet()) {
            byte[] b = Files.readAllBytes(shared(e.getValue()));
            sb.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b))).append("  ").append(e.getKey()).append('\n');
        }
        Path p = tmp.resolve("SHA256SUMS");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void fetchDownloadsOnceAndListShowsTheVerifiedFiles() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mnist/", ex -> {
            requests.incrementAndGet();
            try (ex) {
                String name = ex.getRequestURI().getPath().substring("/mnist/".length());
                String source = SOURCES.get(name);
                if (source == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(shared(source));
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        try {
            System.setProperty(Mnist.MIRRORS_PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
            System.setProperty(Mnist.CHECKSUMS_PROPERTY, checksums().toString());
            Path data = tmp.resolve("data");
            CliTest.Result first = CliTest.cli("data", "fetch", "mnist", "--data-dir", data.toString());
            assertEquals(0, first.code(), first.err());
            assertTrue(first.out().endsWith("mnist: 4 files in " + data.resolve("mnist") + " (4 downloaded, 0 already there)\n"),
                    first.out());
            for (Map.Entry<String, String> e : SOURCES.entrySet()) {
                assertArrayEquals(Files.readAllBytes(shared(e.getValue())), Files.readAllBytes(data.resolve("mnist").resolve(e.getKey())));
            }
            assertEquals(4, requests.get());

            CliTest.Result second = CliTest.cli("data", "fetch", "mnist", "--data-dir", data.toString());
            assertEquals(0, second.code(), second.err());
            assertTrue(second.out().endsWith("(0 downloaded, 4 already there)\n"), second.out());
            assertEquals(4, requests.get(), "a second fetch sends no request");

            CliTest.Result list = CliTest.cli("data", "list", "--data-dir", data.toString());
            assertEquals(0, list.code(), list.err());
            assertEquals(List.of(
                    "data directory: " + data + " (from --data-dir)",
                    "digits  built in: 1797 samples, 64 features, 10 classes",
                    "mnist   ready in " + data.resolve("mnist") + ", checksums verified",
                    "  train-images-idx3-ubyte.gz   1,289,854 bytes, verified",
                    "  train-labels-idx1-ubyte.gz   4,105 bytes, verified",
                    "  t10k-images-idx3-ubyte.gz    323,721 bytes, verified",
                    "  t10k-labels-idx1-ubyte.gz    1,058 bytes, verified"), list.out().lines().toList());

            // without the subset's checksums the same files are MNIST's published ones cut short, all four present
            System.clearProperty(Mnist.CHECKSUMS_PROPERTY);
            CliTest.Result published = CliTest.cli("data", "list", "--data-dir", data.toString());
            assertEquals(0, published.code(), published.err());
            List<String> lines = published.out().lines().toList();
            assertEquals("mnist   in " + data.resolve("mnist") + ", but 4 of 4 files differ from the published ones (a"
                    + " subset of your own: -Dinitsweep.mnist.checksums names its SHA-256s; initsweep data fetch mnist"
                    + " replaces them)", lines.get(2));
            assertEquals("  train-images-idx3-ubyte.gz   differs from the published file: 1,289,854 bytes, expected"
                    + " 9,912,422", lines.get(3), "the length once");

            // with a checksums file of one's own, a file that differs is measured against it, not MNIST's
            Path sums = checksums();
            List<String> edited = new java.util.ArrayList<>(Files.readAllLines(sums));
            edited.set(0, "0".repeat(64) + edited.get(0).substring(64));
            Files.write(sums, edited);
            System.setProperty(Mnist.CHECKSUMS_PROPERTY, sums.toString());
            List<String> own = CliTest.cli("data", "list", "--data-dir", data.toString()).out().lines().toList();
            assertEquals("mnist   in " + data.resolve("mnist") + ", but 1 of 4 files differs from their checksums in"
                    + " -Dinitsweep.mnist.checksums", own.get(2));
            String name = edited.get(0).substring(66);
            assertTrue(own.stream().anyMatch(l -> l.startsWith("  " + name) && l.contains("differs from its checksum in"
                    + " -Dinitsweep.mnist.checksums: SHA-256 ") && l.endsWith(", expected " + "0".repeat(64))), own.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutANetworkFetchExitsOneWithOneLineAndLeavesNoFolder() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String mirror = "http://127.0.0.1:" + port + "/mnist/";
        System.setProperty(Mnist.MIRRORS_PROPERTY, mirror);
        Path data = tmp.resolve("data");
        CliTest.Result r = CliTest.cli("data", "fetch", "mnist", "--data-dir", data.toString());
        assertEquals(1, r.code(), "not bad input: the same command may work once the network does");
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("initsweep: could not download train-images-idx3-ubyte.gz (" + mirror
                + "train-images-idx3-ubyte.gz: cannot connect"), lines.get(0));
        assertTrue(lines.get(0).endsWith("; download train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
                + " t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz from " + mirror + " and put them in "
                + data.resolve("mnist") + " (--data-dir or INITSWEEP_DATA choose the data directory)"), lines.get(0));
        assertFalse(java.nio.file.Files.exists(data), "no empty data folder left");
    }

    @Test
    void aMisspeltMirrorPropertyIsRefusedNotIgnored() {
        // ignored, it would send the download to the default mirrors, which an air-gapped site cannot reach
        System.setProperty("initsweep.mnist.mirror", "http://127.0.0.1:1/mnist/");
        try {
            Path data = tmp.resolve("data");
            CliTest.Result r = CliTest.cli("data", "fetch", "mnist", "--data-dir", data.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals("initsweep: -Dinitsweep.mnist.mirror is not a property initsweep reads (did you mean"
                    + " 'initsweep.mnist.mirrors'?)", r.err().strip());
            assertFalse(java.nio.file.Files.exists(data), "nothing fetched");
        } finally {
            System.clearProperty("initsweep.mnist.mirror");
        }
        // list reads the checksums: a misspelt one would list a subset as MNIST's files gone wrong
        System.setProperty("initsweep.mnist.checksum", "SHA256SUMS");
        try {
            CliTest.Result list = CliTest.cli("data", "list", "--data-dir", tmp.resolve("data").toString());
            assertEquals(2, list.code(), list.out());
            assertEquals("initsweep: -Dinitsweep.mnist.checksum is not a property initsweep reads (did you mean"
                    + " 'initsweep.mnist.checksums'?)", list.err().strip());
        } finally {
            System.clearProperty("initsweep.mnist.checksum");
        }
    }

    @Test
    void listWithNothingCachedAndUnknownDatasets() {
        Path data = tmp.resolve("empty");
        CliTest.Result list = CliTest.cli("data", "list", "--data-dir", data.toString());
        assertEquals(0, list.code(), list.err());
        assertEquals("mnist   not downloaded (initsweep data fetch mnist)", list.out().lines().toList().get(2));
        CliTest.Result unknown = CliTest.cli("data", "fetch", "cifar10", "--data-dir", data.toString());
        assertEquals(2, unknown.code());
        assertEquals("initsweep: data fetch: unknown dataset \"cifar10\"; downloadable: mnist", unknown.err().strip());
        CliTest.Result digits = CliTest.cli("data", "fetch", "digits");
        assertEquals(0, digits.code());
        assertEquals("digits is built into initsweep; nothing to fetch", digits.out().strip());
    }
}
