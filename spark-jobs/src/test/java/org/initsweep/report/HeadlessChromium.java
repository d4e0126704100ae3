package org.initsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless, driven from its command line (no WebDriver): {@code --dump-dom}
 * to read the page after its scripts ran, {@code --screenshot} to look at it. Every call gets a
 * fresh profile and no network features, and is killed after {@link #TIMEOUT_S} seconds.
 *
 * <p>{@link #require()} finds the browser ({@code INITSWEEP_CHROMIUM}, {@code /usr/bin/chromium},
 * or {@code chromium} / {@code chromium-browser} on the PATH). Missing, it fails the test when
 * {@code CI=true} (CI installs it: {@code .ci/run}) and skips it elsewhere, saying how to install it.
 */
final class HeadlessChromium {

    static final long TIMEOUT_S = 40;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SELFCHECK = Pattern.compile("<pre id=\"selfcheck\"[^>]*>(.*?)</pre>", Pattern.DOTALL);

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or a failed (CI) or skipped (elsewhere) test. */
    static HeadlessChromium require() {
        Path found = find();
        if (found != null) {
            return new HeadlessChromium(found);
        }
        String why = "no Chromium found (set INITSWEEP_CHROMIUM, or install Debian's: apt-get install -y chromium)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + "; CI=true, so the browser test cannot be skipped (.ci/run installs it)");
        }
        Assumptions.abort(why + "; skipping the browser test outside CI");
        return null;
    }

    private static Path find() {
        String env = System.getenv("INITSWEEP_CHROMIUM");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isExecutable(p)) {
                fail("INITSWEEP_CHROMIUM=" + env + " is not an executable file");
            }
            return p;
        }
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "chromium"));
                    candidates.add(Path.of(dir, "chromium-browser"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** What one run printed. */
    record Output(String stdout, String stderr) {
        /** Lines the page wrote to its console (Chromium logs them as CONSOLE with --enable-logging). */
        List<String> consoleLines() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    /** The page's DOM after its scripts ran (virtual time lets timers finish at once). */
    Output dumpDom(Path page, int width, int height) throws IOException, InterruptedException {
        return run(page, "--window-size=" + width + "," + height, "--dump-dom");
    }

    /** A PNG of the top {@code width × height} pixels of the page. */
    Output screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        Output out = run(page, "--window-size=" + width + "," + height, "--hide-scrollbars",
                "--screenshot=" + png.toAbsolutePath());
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            fail("Chromium wrote no screenshot to " + png + "\n" + tail(out.stderr()));
        }
        return out;
    }

    /**
     * Opens the page at 1400 × 1000 and returns its self-check, failing the test if the page wrote to the
     * console or the self-check found errors or problems.
     */
    JsonNode cleanSelfcheck(Path page) throws IOException, InterruptedException {
        Output dom = dumpDom(page, 1400, 1000);
        assertEquals(List.of(), dom.consoleLines(), "the page wrote to the console");
        JsonNode check = selfcheck(dom.stdout());
        assertEquals(0, check.path("errors").size(), "errors in the page: " + check.path("errors"));
        assertEquals(0, check.path("problems").size(), "self-check problems: " + check.path("problems"));
        return check;
    }

    /** The JSON the page's self-check wrote into its hidden {@code <pre id="selfcheck">}. */
    static JsonNode selfcheck(String dom) throws IOException {
        Matcher m = SELFCHECK.matcher(dom);
        if (!m.find()) {
            fail("the page has no selfcheck element: did it load?\n" + dom.substring(0, Math.min(dom.length(), 2000)));
        }
        String text = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
        if (text.isBlank()) {
            fail("the page's self-check never ran (selfcheck element empty)");
        }
        return MAPPER.readTree(text);
    }

    private Output run(Path page, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("initsweep-chromium");
        Path stdout = Files.createTempFile("chromium", ".out");
        Path stderr = Files.createTempFile("chromium", ".err");
        try {
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--mute-audio", "--force-device-scale-factor=1",
                    "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                    "--virtual-time-budget=8000"));
            cmd.addAll(List.of(args));
            cmd.add(page.toAbsolutePath().toUri().toString());
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                fail("Chromium did not finish in " + TIMEOUT_S + " s\n" + tail(Files.readString(stderr)));
            }
            Output out = new Output(Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
            if (p.exitValue() != 0) {
                fail("Chromium exited with " + p.exitValue() + "\n" + tail(out.stderr()));
            }
            return out;
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static String tail(String s) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
