package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.initsweep.core.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloading MNIST from a local HTTP mirror: verified, cached atomically, faults retried or refused. */
class MnistFetcherTest {

    private static final MnistFetcher.Settings FAST = new MnistFetcher.Settings(3, Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofSeconds(20));

    private final List<String> log = new ArrayList<>();

    private MnistFetcher fetcher(Path dir, URI... mirrors) {
        return new MnistFetcher(MnistFixture.store(dir, mirrors), FAST, log::add);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static final List<String> NAMES = Mnist.FILES.stream().map(RemoteFile::name).sorted().toList();

    @Test
    void fetchDownloadsVerifiesAndCachesThenASecondFetchSendsNoRequest(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data").resolve("mnist");
        try (MnistServer server = new MnistServer(Map.of("good", MnistServer.Mode.GOOD))) {
            List<MnistFetcher.Fetched> first = fetcher(dir, server.mirror("good")).fetch();
            assertEquals(List.of(MnistFetcher.Outcome.DOWNLOADED, MnistFetcher.Outcome.DOWNLOADED,
                    MnistFetcher.Outcome.DOWNLOADED, MnistFetcher.Outcome.DOWNLOADED),
                    first.stream().map(MnistFetcher.Fetched::outcome).toList());
            assertEquals(server.mirror("good").resolve("t10k-labels-idx1-ubyte.gz"), first.get(3).from());
            assertEquals(NAMES, listing(dir), "the four files and nothing else (no partial files)");
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(MnistFixture.bytes(i), Files.readAllBytes(dir.resolve(Mnist.FILES.get(i).name())));
            }
            assertEquals(4, server.requests());

            List<MnistFetcher.Fetched> second = fetcher(dir, server.mirror("good")).fetch();
            assertTrue(second.stream().allMatch(f -> f.outcome() == MnistFetcher.Outcome.CACHED && f.from() == null));
            assertEquals(4, server.requests(), "a second fetch sends no request");
            assertEquals(8000, MnistFixture.store(dir).load(MemoryBudget.UNLIMITED).train().samples());
        }
    }

    @Test
    void aCorruptBodyIsRefusedNotCachedAndTheNextMirrorServes(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("mnist");
        try (MnistServer server = new MnistServer(Map.of("bad", MnistServer.Mode.CORRUPT, "good", MnistServer.Mode.GOOD))) {
            UnavailableException e = assertThrows(UnavailableException.class, () -> fetcher(dir, server.mirror("bad")).fetch());
            String name = "train-images-idx3-ubyte.gz";
            assertTrue(e.getMessage().startsWith("could not download " + name + " (" + server.mirror("bad").resolve(name)
                    + ": the download differs from its checksum in -Dinitsweep.mnist.checksums (SHA-256 "), e.getMessage());
            assertFalse(Files.exists(dir), "nothing cached, no partial file, not even the folder the fetch made");
            assertEquals(1, server.requests("/bad/" + name), "a checksum failure is not retried on the same mirror");

            List<MnistFetcher.Fetched> r = fetcher(dir, server.mirror("bad"), server.mirror("good")).fetch();
            assertEquals(server.mirror("good").resolve(name), r.get(0).from());
            assertEquals(NAMES, listing(dir));
            assertArrayEquals(MnistFixture.bytes(0), Files.readAllBytes(dir.resolve(name)));
        }
    }

    @Test
    void aTransferCutMidBodyIsRetried(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("mnist");
        try (MnistServer server = new MnistServer(Map.of("flaky", MnistServer.Mode.CUT_ONCE))) {
            List<MnistFetcher.Fetched> r = fetcher(dir, server.mirror("flaky")).fetch();
            assertEquals(server.mirror("flaky").resolve("train-images-idx3-ubyte.gz"), r.get(0).from());
            assertEquals(2, server.requests("/flaky/train-images-idx3-ubyte.gz"), "cut once, then fetched whole");
            assertEquals(NAMES, listing(dir));
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(MnistFixture.bytes(i), Files.readAllBytes(dir.resolve(Mnist.FILES.get(i).name())));
            }
            assertTrue(log.stream().anyMatch(l -> l.startsWith("  retrying (2 of 3) after: ")), String.join("\n", log));
        }
    }

    @Test
    void aTransferCutEveryTimeLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("mnist");
        try (MnistServer server = new MnistServer(Map.of("cut", MnistServer.Mode.CUT_ALWAYS))) {
            UnavailableException e = assertThrows(UnavailableException.class, () -> fetcher(dir, server.mirror("cut")).fetch());
            assertTrue(e.getMessage().startsWith("could not download train-images-idx3-ubyte.gz ("
                    + server.mirror("cut").resolve("train-images-idx3-ubyte.gz") + ": "), e.getMessage());
            // the server sends half of the 1,289,854 bytes, then closes the connection: the client has read
            // some of them when it sees the close (how many depends on the socket buffers, not on the code)
            java.util.regex.Matcher cut = java.util.regex.Pattern
                    .compile(".*: transfer cut after ([0-9,]+) bytes \\(.*\\) \\(3 attempts\\)\\); download .*")
                    .matcher(e.getMessage());
            assertTrue(cut.matches(), e.getMessage());
            long read = Long.parseLong(cut.group(1).replace(",", ""));
            assertTrue(read > 0 && read <= 644_927, e.getMessage());
            assertEquals(3, server.requests());
            assertFalse(Files.exists(dir), "no partial file cached or left, nor the folder the fetch made");
        }
    }

    @Test
    void statusCodesDecideBetweenRetryAndNextMirror(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("mnist");
        try (MnistServer server = new MnistServer(Map.of("gone", MnistServer.Mode.NOT_FOUND,
                "busy", MnistServer.Mode.UNAVAILABLE, "good", MnistServer.Mode.GOOD))) {
            fetcher(dir, server.mirror("gone"), server.mirror("busy"), server.mirror("good")).fetch();
            assertEquals(1, server.requests("/gone/train-images-idx3-ubyte.gz"), "404: next mirror");
            assertEquals(3, server.requests("/busy/train-images-idx3-ubyte.gz"), "503: retried, then next mirror");
            assertEquals(NAMES, listing(dir));
        }
    }

    @Test
    void aCorruptCachedCopyIsDownloadedAgain(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("mnist");
        MnistFixture.place(dir);
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        Files.write(labels, new byte[] {1, 2, 3});
        try (MnistServer server = new MnistServer(Map.of("good", MnistServer.Mode.GOOD))) {
            List<MnistFetcher.Fetched> r = fetcher(dir, server.mirror("good")).fetch();
            assertEquals(List.of(MnistFetcher.Outcome.CACHED, MnistFetcher.Outcome.DOWNLOADED, MnistFetcher.Outcome.CACHED,
                    MnistFetcher.Outcome.CACHED), r.stream().map(MnistFetcher.Fetched::outcome).toList());
            assertEquals(1, server.requests());
            assertArrayEquals(MnistFixture.bytes(1), Files.readAllBytes(labels));
        }
    }

    @Test
    void withoutANetworkOneLineNamesTheFilesTheirSourceAndTheirPlace(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("mnist");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + port + "/mnist/");
        UnavailableException e = assertThrows(UnavailableException.class, () -> fetcher(dir, dead).fetch());
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith("could not download train-images-idx3-ubyte.gz (" + dead.resolve("train-images-idx3-ubyte.gz")
                + ": cannot connect"), m);
        assertTrue(m.endsWith("); download train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz"
                + " and t10k-labels-idx1-ubyte.gz from " + dead + " and put them in " + dir
                + " (--data-dir or INITSWEEP_DATA choose the data directory)"), m);
        assertFalse(Files.exists(dir), "the folder the fetch made is removed again");
        Path parents = tmp.resolve("a").resolve("b").resolve("mnist");
        assertThrows(UnavailableException.class, () -> fetcher(parents, dead).fetch());
        assertFalse(Files.exists(tmp.resolve("a")), "and so are its parents, which it made too");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThrows(UnavailableException.class, () -> fetcher(dir, dead).fetch());
        assertEquals(List.of("notes.txt"), listing(dir), "a folder that was there stays, with what it held");
    }
}
