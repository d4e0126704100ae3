package org.initsweep.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.initsweep.core.nn.Kernel;

/**
 * Where and how results were computed: the engine's version and build, the JVM and machine, and
 * every setting that changes numbers. Recorded in {@code engine.json} (the driver's) and in every
 * {@code runs/} row (the executor's that computed it); a resume refuses a directory whose
 * numbers-relevant part ({@link #numbers()}) differs from this JVM's.
 *
 * @param engineVersion initsweep's version
 * @param commit        the git commit it was built from, or {@code unknown}
 * @param dirty         whether that tree had uncommitted changes ({@code true}/{@code false}/{@code unknown})
 * @param javaVersion   Java version and vendor
 * @param os            operating system name and version
 * @param arch          CPU architecture
 * @param vectorBits    vector width of the Vector API kernel (512 or 256), 0 where it cannot run
 * @param kernel        {@code initsweep.kernel}: auto, blas or nd4j
 * @param javaMaxParams {@code initsweep.javaMaxParams}
 * @param vectorMaxParams {@code initsweep.vectorMaxParams}
 */
public record Provenance(String engineVersion, String commit, String dirty, String javaVersion, String os, String arch,
        int vectorBits, String kernel, int javaMaxParams, int vectorMaxParams) implements java.io.Serializable {

    /** This JVM's. */
    public static Provenance current() {
        return new Provenance(EngineVersion.get(), EngineVersion.commit(), EngineVersion.dirty(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                Kernel.vectorBits(), Kernel.fromSystemProperty().name().toLowerCase(Locale.ROOT),
                Kernel.javaMaxParams(), Kernel.vectorMaxParams());
    }

    /**
     * The settings that change a run's numbers, by name: the engine version (results differ between
     * versions), the kernel choice and its size thresholds (they decide which kernel computes each
     * layer), and whether the Vector API kernel can run (without it, layers fall back to other kernels).
     * The vector width is not among them: the Vector API kernel gives the same bits at 256 and 512 bits.
     */
    public Map<String, String> numbers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("engine_version", engineVersion);
        m.put("initsweep.kernel", kernel);
        m.put("initsweep.javaMaxParams", Integer.toString(javaMaxParams));
        m.put("initsweep.vectorMaxParams", Integer.toString(vectorMaxParams));
        m.put("vector_kernel", vectorBits > 0 ? "available" : "unavailable");
        return m;
    }

    /** {@link #numbers()} as one text, {@code key=value} joined by {@code ;}: the {@code runs/} column. */
    public String numbersText() {
        StringBuilder sb = new StringBuilder();
        numbers().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Parses {@link #numbersText()}. */
    public static Map<String, String> parseNumbers(String text) {
        Map<String, String> m = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return m;
        }
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return m;
    }

    /**
     * What differs between recorded numbers-relevant settings and this JVM's, one phrase per setting,
     * e.g. {@code initsweep.kernel: blas there, auto here}; empty when they agree.
     */
    public List<String> differences(Map<String, String> recorded) {
        List<String> out = new ArrayList<>();
        Map<String, String> mine = numbers();
        for (var e : new TreeMap<>(mine).entrySet()) {
            String theirs = recorded.get(e.getKey());
            if (!e.getValue().equals(theirs)) {
                out.add(e.getKey() + ": " + (theirs == null ? "not recorded" : theirs) + " there, " + e.getValue() + " here");
            }
        }
        return out;
    }
}
