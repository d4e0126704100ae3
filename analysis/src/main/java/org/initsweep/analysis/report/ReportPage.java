package org.initsweep.analysis.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the report page: one self-contained HTML file. The header (spec, run counts, engine,
 * times) is written here, HTML-escaped; the charts are drawn in the browser by Apache ECharts
 * (inlined from its webjar) and the page's own script from a JSON data island. Nothing is loaded
 * from anywhere: a Content-Security-Policy admits only the page's own inline scripts, by hash.
 *
 * <p>The data tree ({@link ReportData#collect}): {@code spec}, {@code engine} (the JSON files, or
 * null), {@code generated_at}, {@code runs}, {@code runs_by_status} {status: count},
 * {@code cells}, {@code cells_by_regime}, {@code decades}, {@code groups} [{id, title,
 * activation, init, width, sigma_b2, dataset, critical {m_c, method, small_signal, note},
 * heatmap {depths, multipliers, cells [{depth, m, regime, forward_rate, backward_rate, runs}],
 * fixed [...], png}, layers {depth, epochs [{epoch, png, series [{m, var_a[], var_grad_a[]}]}]},
 * cost {depth, png, series [{m, loss[], accuracy[]}]}}], {@code extras} [{table, columns, rows,
 * total, error}], {@code trainability} (see {@link org.initsweep.analysis.trainability.TrainabilityReport}).
 * Any of it may be missing; the page shows what there is.
 */
public final class ReportPage {

    private static final String BASE = "/org/initsweep/analysis/report/";
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportPage() {
    }

    /** The version of Apache ECharts inlined into the page. */
    public static String echartsVersion() {
        return Assets.PROPS.getProperty("echarts.version", "unknown");
    }

    /**
     * @param data the report's data (see the class comment); values are escaped, never trusted
     * @return the whole HTML page
     */
    public static String render(JsonNode data) {
        String selfcheck = Assets.SELFCHECK_JS;
        String echarts = Assets.ECHARTS_JS;
        String app = Assets.APP_JS;
        Map<String, String> slots = new HashMap<>();
        slots.put("lang", "en");
        slots.put("title", escape("initsweep report: " + text(data.path("spec").path("name"), "(unnamed sweep)")));
        slots.put("csp", escape("default-src 'none'; script-src " + hash(selfcheck) + " " + hash(echarts) + " "
                + hash(app) + "; style-src 'unsafe-inline'; img-src 'self' file: data: blob:; base-uri 'none'; form-action 'none'"));
        slots.put("css", Assets.CSS);
        slots.put("header", header(data));
        slots.put("data", scriptSafeJson(data));
        slots.put("selfcheck_js", selfcheck);
        slots.put("echarts_js", echarts);
        slots.put("app_js", app);
        slots.put("echarts_version", escape(echartsVersion()));
        slots.put("generated_at", escape(shortTime(text(data.path("generated_at"), "an unknown time"))));
        Matcher m = SLOT.matcher(Assets.TEMPLATE);
        StringBuilder out = new StringBuilder(echarts.length() + 200_000);
        while (m.find()) {
            String v = slots.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("report template has an unknown slot " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The header: sweep name and description, engine, times, run and cell counts, the spec. */
    static String header(JsonNode d) {
        JsonNode spec = d.path("spec");
        JsonNode engine = d.path("engine");
        StringBuilder h = new StringBuilder();
        h.append("<h1>initsweep report: <span id=\"sweep-name\">")
                .append(escape(text(spec.path("name"), "(unnamed sweep)"))).append("</span></h1>\n");
        String desc = text(spec.path("description"), "");
        if (!desc.isEmpty()) {
            h.append("<p class=\"desc\">").append(escape(desc)).append("</p>\n");
        }
        if (engine.isMissingNode() || engine.isNull()) {
            // engine.json is written when the sweep's last chunk is committed
            long grid = d.path("grid_runs").asLong(-1);
            h.append("<p class=\"incomplete\" id=\"incomplete\"><strong>This sweep has not finished</strong> (interrupted, or"
                    + " still running): this report covers the ").append(d.path("runs").asLong())
                    .append(" runs committed so far").append(grid > 0 ? " of the grid's " + grid : "")
                    .append(". Run the same command again to finish the sweep; its analysis then redraws this report.</p>\n");
        }

        h.append("<div class=\"facts\">\n");
        h.append("<div class=\"fact\"><span class=\"k\">runs</span><span class=\"v\" id=\"runs-total\">")
                .append(d.path("runs").asLong()).append("</span><span class=\"sub\">");
        Iterator<Map.Entry<String, JsonNode>> st = d.path("runs_by_status").fields();
        boolean first = true;
        while (st.hasNext()) {
            Map.Entry<String, JsonNode> e = st.next();
            h.append(first ? "" : " · ").append("<span class=\"status status-").append(cssToken(e.getKey()))
                    .append("\">").append(escape(e.getKey())).append(" ").append(e.getValue().asLong())
                    .append("</span>");
            first = false;
        }
        h.append("</span></div>\n");

        h.append("<div class=\"fact\"><span class=\"k\">grid cells</span><span class=\"v\">")
                .append(d.path("cells").asLong()).append("</span><span class=\"sub\">");
        first = true;
        for (String regime : new String[] {"vanishing", "stable", "exploding"}) {
            h.append(first ? "" : " · ").append("<span class=\"chip chip-").append(regime).append("\"></span>")
                    .append(regime).append(" ").append(d.path("cells_by_regime").path(regime).asLong());
            first = false;
        }
        h.append("</span></div>\n");

        h.append("<div class=\"fact\"><span class=\"k\">stable while the growth stays within</span><span class=\"v\">")
                .append(escape(fmt(d.path("decades")))).append(" decade(s)</span><span class=\"sub\">over the hidden "
                        + "layers, forward and backward: |rate| ≤ D·ln 10 / (L − 1) nats per layer</span></div>\n");

        h.append("<div class=\"fact\"><span class=\"k\">engine</span><span class=\"v\">initsweep ")
                .append(escape(text(engine.path("engine_version"), "?"))).append("</span><span class=\"sub\">Spark ")
                .append(escape(text(engine.path("spark_version"), "?"))).append(" · ND4J ")
                .append(escape(text(engine.path("nd4j_version"), "?"))).append(" · Java ")
                .append(escape(text(engine.path("java_version"), "?"))).append(" · master ")
                .append(escape(text(engine.path("master"), "?"))).append("</span></div>\n");

        String started = text(engine.path("started_at"), "");
        String finished = text(engine.path("finished_at"), "");
        h.append("<div class=\"fact\"><span class=\"k\">ran</span><span class=\"v\">")
                .append(escape(started.isEmpty() ? "unknown" : shortTime(started))).append("</span><span class=\"sub\">");
        if (!finished.isEmpty()) {
            h.append("finished ").append(escape(shortTime(finished)));
            String took = duration(started, finished);
            if (!took.isEmpty()) {
                h.append(" (").append(escape(took)).append(")");
            }
        }
        h.append("</span></div>\n");
        h.append("</div>\n");

        h.append("<details class=\"spec\" open><summary>Spec (<code>spec.json</code>, as run)</summary><pre id=\"spec\">")
                .append(escape(prettySpec(spec))).append("</pre></details>\n");
        return h.toString();
    }

    private static String prettySpec(JsonNode spec) {
        if (spec.isMissingNode() || spec.isNull()) {
            return "(no spec.json)";
        }
        if (spec.isTextual()) {
            return spec.asText();
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            return spec.toString();
        }
    }

    /**
     * JSON that is safe inside a {@code <script type="application/json">} element: {@code <},
     * {@code >}, {@code &} and the JavaScript line separators are written as \\u escapes (valid
     * JSON, and no {@code </script>} or {@code <!--} can appear).
     */
    static String scriptSafeJson(JsonNode data) {
        String json;
        try {
            json = MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("report data cannot be written as JSON", e);
        }
        StringBuilder s = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> s.append("\\u003c");
                case '>' -> s.append("\\u003e");
                case '&' -> s.append("\\u0026");
                case '\u2028' -> s.append("\\u2028");
                case '\u2029' -> s.append("\\u2029");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String cssToken(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }

    private static String text(JsonNode n, String dflt) {
        return n == null || n.isMissingNode() || n.isNull() ? dflt : n.isValueNode() ? n.asText() : n.toString();
    }

    private static String fmt(JsonNode n) {
        if (!n.isNumber()) {
            return text(n, "?");
        }
        return String.format(Locale.ROOT, "%.4g", n.asDouble()).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** 2026-11-29T09:09:51.784825070Z → 2026-11-29 09:09:51 UTC (unparseable text as it is). */
    static String shortTime(String iso) {
        try {
            String s = Instant.parse(iso).toString();
            int dot = s.indexOf('.');
            return (dot > 0 ? s.substring(0, dot) : s.substring(0, s.length() - 1)).replace('T', ' ') + " UTC";
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String duration(String from, String to) {
        try {
            Duration d = Duration.between(Instant.parse(from), Instant.parse(to));
            long s = d.toSeconds();
            if (s < 60) {
                return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
            }
            return s / 3600 > 0 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60)
                    : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    /** The CSP source of an inline script: 'sha256-…' of its exact text. */
    static String hash(String script) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(h) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's resources, loaded once and checked to be safe to inline. */
    static final class Assets {
        static final Properties PROPS = properties();
        static final String TEMPLATE = resource("template.html");
        static final String CSS = inlineSafe(resource("report.css"), "style", "report.css");
        static final String SELFCHECK_JS = inlineSafe(resource("selfcheck.js"), "script", "selfcheck.js");
        static final String APP_JS = inlineSafe(resource("report.js"), "script", "report.js");
        static final String ECHARTS_JS = inlineSafe(resource("vendor/echarts.min.js"), "script",
                "echarts.min.js");

        private Assets() {
        }

        static String resource(String name) {
            try (InputStream in = ReportPage.class.getResourceAsStream(BASE + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + BASE + name
                            + " (the analysis module's build unpacks the charting library: rebuild it with Maven)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Properties properties() {
            Properties p = new Properties();
            try (InputStream in = ReportPage.class.getResourceAsStream(BASE + "report.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        }

        /** Text that cannot close its inline element early. */
        static String inlineSafe(String text, String element, String name) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("</" + element) || lower.contains("<!--")) {
                throw new IllegalStateException(name + " contains </" + element + " or <!--: cannot be inlined");
            }
            return text;
        }
    }
}
