package org.initsweep.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.initsweep.core.EngineVersion;
import org.initsweep.core.MessageLines;
import org.initsweep.core.UnavailableException;
import org.initsweep.core.UserInputException;

/**
 * Downloads MNIST's files into a {@link MnistStore}, as torchvision's {@code MNIST.download} does, with
 * its cache kept whole: each missing (or corrupt) file is streamed to a hidden temporary file in the
 * cache folder while its length, SHA-256 and MD5 are computed, flushed to disk, checked against the
 * published values, and only then renamed into place (atomically, on the same file system). A partial
 * or corrupt download is deleted, never cached; a file already cached and verified is not fetched again,
 * so a second fetch sends no request.
 *
 * <p>Failures: a transfer cut short, a timeout or an HTTP 5xx/429 is retried on the same mirror
 * ({@link Settings#attempts()} in all, waiting {@code backoff × attempt} between them); a refused
 * connection, another HTTP status or a body that fails its checksum moves on to the next mirror. When
 * every mirror fails for a file, a {@link UserInputException} says, in one line, what each mirror
 * answered, which four files to download by hand, from where, and where to put them.
 */
public final class MnistFetcher {

    /**
     * Retry and timeout settings.
     *
     * @param attempts       tries per mirror for transient failures, ≥ 1
     * @param backoff        wait before retry k is {@code k × backoff}
     * @param connectTimeout to open a connection
     * @param requestTimeout to receive the response headers
     */
    public record Settings(int attempts, Duration backoff, Duration connectTimeout, Duration requestTimeout) {

        /** 3 attempts, 1 s backoff, 10 s to connect, 60 s for the headers. */
        public static final Settings DEFAULT = new Settings(3, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(60));

        /** @throws IllegalArgumentException if {@code attempts < 1} */
        public Settings {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be ≥ 1, got " + attempts);
            }
        }
    }

    /** How a file came to be in the cache. */
    public enum Outcome {
        /** Already there (verified, or gunzipped by hand): nothing was requested. */
        CACHED,
        /** Downloaded and verified now. */
        DOWNLOADED
    }

    /**
     * One file's result.
     *
     * @param file    the table entry
     * @param outcome cached or downloaded
     * @param from    the URL it was downloaded from; null when cached
     */
    public record Fetched(RemoteFile file, Outcome outcome, URI from) {
    }

    private final MnistStore store;
    private final HttpClient client;
    private final Settings settings;
    private final Consumer<String> log;

    /**
     * @param store    where the files go, with their table and mirrors
     * @param settings retries and timeouts
     * @param log      receives one line per step (downloading, retrying, verified)
     */
    public MnistFetcher(MnistStore store, Settings settings, Consumer<String> log) {
        this.store = store;
        this.settings = settings;
        this.log = log;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Makes every file of the store present and verified, downloading what is missing or corrupt.
     *
     * @return one entry per file, in table order
     * @throws UserInputException if the cache folder cannot be created or written
     * @throws UnavailableException if a file cannot be downloaded from any mirror (files downloaded before
     *     it stay cached; folders this call created are removed if they hold nothing)
     */
    public List<Fetched> fetch() {
        Path dir = store.dir().toAbsolutePath();
        Path created = dir;
        while (created.getParent() != null && !Files.exists(created.getParent())) {
            created = created.getParent();
        }
        if (Files.exists(created)) {
            created = null;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create the data directory " + store.dir() + ": " + DataErrors.describe(e), e);
        }
        try {
            return fetchInto();
        } catch (UnavailableException e) {
            removeIfEmpty(dir, created);
            throw e;
        }
    }

    /** Deletes {@code dir} and its parents up to {@code top} while they are empty (none if {@code top} is null). */
    private static void removeIfEmpty(Path dir, Path top) {
        if (top == null) {
            return;
        }
        for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) {
            try {
                Files.delete(p);
            } catch (IOException notEmptyOrGone) {
                return;
            }
        }
    }

    private List<Fetched> fetchInto() {
        List<Fetched> done = new ArrayList<>();
        for (RemoteFile f : store.files()) {
            MnistStore.FileStatus s = store.status(f);
            switch (s.state()) {
                case VERIFIED -> {
                    log.accept(f.name() + ": cached, checksum verified");
                    done.add(new Fetched(f, Outcome.CACHED, null));
                    continue;
                }
                case UNVERIFIED -> {
                    log.accept(f.name() + ": cached as " + s.path().getFileName() + " (gunzipped, no published checksum)");
                    done.add(new Fetched(f, Outcome.CACHED, null));
                    continue;
                }
                case CORRUPT -> log.accept(f.name() + ": the cached copy differs from " + store.reference() + " (" + s.detail()
                        + "); downloading it again");
                case MISSING -> {
                }
                default -> throw new IllegalStateException(s.state().toString());
            }
            done.add(new Fetched(f, Outcome.DOWNLOADED, download(f)));
        }
        return done;
    }

    /** What one try ended with: null = success, else a reason and whether to retry the same mirror. */
    private record Failure(String reason, boolean retry) {
    }

    private URI download(RemoteFile f) {
        List<String> failures = new ArrayList<>();
        for (URI mirror : store.mirrors()) {
            URI uri = base(mirror).resolve(f.name());
            Failure last = null;
            for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
                if (attempt > 1) {
                    log.accept("  retrying (" + attempt + " of " + settings.attempts() + ") after: " + last.reason());
                    pause(settings.backoff().multipliedBy(attempt - 1));
                }
                log.accept(f.name() + ": downloading " + uri);
                last = tryOnce(uri, f);
                if (last == null) {
                    return uri;
                }
                if (!last.retry()) {
                    break;
                }
            }
            String tries = last.retry() ? " (" + settings.attempts() + " attempts)" : "";
            log.accept("  failed: " + last.reason() + tries);
            failures.add(uri + ": " + last.reason() + tries);
        }
        throw new UnavailableException("could not download " + f.name() + " (" + String.join("; ", failures) + "); "
                + store.downloadHint());
    }

    private Failure tryOnce(URI uri, RemoteFile f) {
        Path tmp;
        try {
            tmp = Files.createTempFile(store.dir(), "." + f.name() + ".", ".part");
        } catch (IOException e) {
            throw new UserInputException("cannot write to the data directory " + store.dir() + ": " + DataErrors.describe(e), e);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(settings.requestTimeout())
                    .header("User-Agent", "initsweep/" + EngineVersion.get())
                    .GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest sha = HashedInput.sha256();
            MessageDigest md5 = MnistStore.md5();
            long n = 0;
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status != 200) {
                    return new Failure("HTTP " + status, status >= 500 || status == 429);
                }
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    byte[] buf = new byte[1 << 16];
                    while (true) {
                        int r;
                        try {
                            r = body.read(buf);
                        } catch (IOException e) {
                            return new Failure(String.format(Locale.ROOT, "transfer cut after %,d bytes (%s)", n, describe(e)), true);
                        }
                        if (r < 0) {
                            break;
                        }
                        sha.update(buf, 0, r);
                        md5.update(buf, 0, r);
                        n += r;
                        if (f.bytes() >= 0 && n > f.bytes()) {
                            return new Failure(String.format(Locale.ROOT, "more than the published %d bytes", f.bytes()), false);
                        }
                        ByteBuffer bb = ByteBuffer.wrap(buf, 0, r);
                        while (bb.hasRemaining()) {
                            out.write(bb);
                        }
                    }
                    out.force(true);
                }
            }
            String mismatch = MnistStore.mismatch(f, n, HexFormat.of().formatHex(sha.digest()), HexFormat.of().formatHex(md5.digest()));
            if (mismatch != null) {
                return new Failure("the download differs from " + store.reference() + " (" + mismatch + ")", false);
            }
            Files.move(tmp, store.dir().resolve(f.name()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            log.accept(String.format(Locale.ROOT, "  saved %,d bytes, SHA-256 verified", n));
            return null;
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return new Failure(describe(e), false);
        } catch (IOException e) {
            return new Failure(describe(e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("download of " + f.name() + " interrupted"));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    log.accept("  could not delete " + tmp + ": " + e.getMessage());
                }
            }
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof ConnectException) {
            return "cannot connect" + (m == null || m.isBlank() ? "" : " (" + MessageLines.firstLine(m) + ")");
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + MessageLines.firstLine(m));
    }

    private static URI base(URI mirror) {
        String s = mirror.toString();
        return s.endsWith("/") ? mirror : URI.create(s + "/");
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("download interrupted"));
        }
    }
}
