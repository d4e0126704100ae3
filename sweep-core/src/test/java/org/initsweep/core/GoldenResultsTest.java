package org.initsweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.core.trace.EpochMetrics;
import org.initsweep.core.trace.LayerTrace;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.train.Trainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins today's numbers: every run of two small specs is trained and every traced value compared with a
 * committed golden table ({@code src/test/resources/golden/}), so that any change of results is seen.
 * A change of numbers needs a new engine version (results of two versions must not be mixed in one
 * output directory): bump the version in the poms, then regenerate with
 * {@code mvn -pl sweep-core test -Dtest=GoldenResultsTest -Dinitsweep.golden.update=true}, which refuses to
 * write different numbers under an unchanged version.
 *
 * <p>The float32 kernel of the default path (the Vector API kernel, the same bits at 256 and 512 bits)
 * and the Java loops are compared bit for bit; paths through OpenBLAS or ND4J (float64, {@code nd4j},
 * {@code blas} with sgemm layers) to 1e-12 (float64) or 1e-6 (float32) relative, since OpenBLAS picks its
 * kernel by CPU and may order sums differently on another machine.
 */
class GoldenResultsTest {

    private static final Path DIR = Path.of("src/test/resources/golden");

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "../conf/tiny.json, float32, auto",
        "../conf/tiny.json, float64, auto",
        "../conf/tiny.json, float32, blas",
        "../conf/tiny.json, float32, nd4j",
        "src/test/resources/golden/mixed.json, float32, auto",
        "src/test/resources/golden/mixed.json, float64, auto",
        "src/test/resources/golden/optimizers.json, float32, auto",
    })
    void resultsMatchTheGoldenTable(String specPath, String precision, String kernel) throws Exception {
        SweepSpec spec = SpecReader.read(Path.of(specPath));
        String name = spec.name() + "-" + precision + "-" + kernel + ".csv";
        List<String> actual = table(spec, Precision.valueOf(precision.toUpperCase(Locale.ROOT)), kernel);
        Path file = DIR.resolve(name);
        boolean exact = precision.equals("float32") && kernel.equals("auto");
        if (Boolean.getBoolean("initsweep.golden.update")) {
            update(file, actual, exact ? 0 : precision.equals("float64") ? 1e-12 : 1e-6);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden table " + file + "; create it with -Dinitsweep.golden.update=true");
        }
        List<String> golden = Files.readAllLines(file, StandardCharsets.UTF_8);
        String mismatch = compare(golden, actual, exact ? 0 : precision.equals("float64") ? 1e-12 : 1e-6);
        if (mismatch != null) {
            fail(name + ": results changed (" + mismatch + "). If that is intended, bump the engine version and "
                    + "regenerate the golden tables (see this test's Javadoc).");
        }
    }

    /** Header line, then one line per run, per layer trace and per epoch, in grid order. */
    private static List<String> table(SweepSpec spec, Precision precision, String kernel) {
        String saved = System.getProperty("initsweep.kernel");
        System.setProperty("initsweep.kernel", kernel);
        try {
            List<String> lines = new ArrayList<>();
            lines.add("# engine " + EngineVersion.get());
            for (RunSpec run0 : new Grid(spec)) {
                RunSpec run = run0.withPrecision(precision);
                RunResult r = Trainer.train(run);
                String id = run0.runId(); // the float32 run's id names the row in every table
                lines.add(String.join(",", "R", id, run.activation().label(), run.init().label(),
                        Double.toString(run.multiplier()), Integer.toString(run.depth()), run.dataset().name(),
                        r.status().label(), Integer.toString(r.divergedEpoch()), Integer.toString(r.divergedLayer())));
                for (LayerTrace t : r.layers()) {
                    lines.add(String.join(",", "L", id, Integer.toString(t.epoch()), Integer.toString(t.layer()),
                            Integer.toString(t.fanIn()), Integer.toString(t.fanOut()), d(t.meanZ()), d(t.varZ()),
                            d(t.meanA()), d(t.varA()), d(t.varGradA()), d(t.varGradW()), d(t.varW())));
                }
                for (EpochMetrics e : r.epochs()) {
                    lines.add(String.join(",", "E", id, Integer.toString(e.epoch()), d(e.loss()), d(e.accuracy())));
                }
            }
            return lines;
        } finally {
            if (saved == null) {
                System.clearProperty("initsweep.kernel");
            } else {
                System.setProperty("initsweep.kernel", saved);
            }
        }
    }

    /** The shortest decimal that reads back as the same double. */
    private static String d(double v) {
        return Double.toString(v);
    }

    /** Null if equal within {@code rel}, else the first difference. Text fields must match exactly. */
    static String compare(List<String> golden, List<String> actual, double rel) {
        if (golden.size() != actual.size()) {
            return golden.size() + " lines in the golden table, " + actual.size() + " computed";
        }
        for (int i = 1; i < golden.size(); i++) {
            String[] g = golden.get(i).split(",", -1);
            String[] a = actual.get(i).split(",", -1);
            if (g.length != a.length) {
                return "line " + (i + 1) + ": " + golden.get(i) + " vs " + actual.get(i);
            }
            for (int k = 0; k < g.length; k++) {
                if (!same(g[k], a[k], rel)) {
                    return "line " + (i + 1) + " field " + (k + 1) + ": golden " + g[k] + ", computed " + a[k]
                            + " (" + actual.get(i).substring(0, Math.min(40, actual.get(i).length())) + "…)";
                }
            }
        }
        return null;
    }

    private static boolean same(String g, String a, double rel) {
        if (g.equals(a)) {
            return true;
        }
        if (rel == 0) {
            return false;
        }
        try {
            double x = Double.parseDouble(g);
            double y = Double.parseDouble(a);
            if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
                return Double.compare(x, y) == 0;
            }
            return Math.abs(x - y) <= rel * Math.max(Math.abs(x), Math.abs(y));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void update(Path file, List<String> actual, double rel) throws IOException {
        Path source = Path.of(System.getProperty("user.dir")).resolve(file);
        if (Files.exists(source)) {
            List<String> golden = Files.readAllLines(source, StandardCharsets.UTF_8);
            String mismatch = compare(golden, actual, rel);
            if (mismatch != null && golden.get(0).equals(actual.get(0))) {
                fail(file + ": the numbers changed (" + mismatch + ") but the engine version is still "
                        + EngineVersion.get() + "; bump it before regenerating");
            }
            if (mismatch == null) {
                return; // same numbers: keep the file (and its engine line) as it is
            }
        }
        Files.createDirectories(source.getParent());
        Files.write(source, actual, StandardCharsets.UTF_8);
        assertEquals(actual, Files.readAllLines(source, StandardCharsets.UTF_8));
    }
}
