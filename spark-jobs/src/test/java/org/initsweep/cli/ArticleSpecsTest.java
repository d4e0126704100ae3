package org.initsweep.cli;

import static org.initsweep.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped spec validates, and the article's experiments run end to end from their spec files
 * and show what the article shows.
 */
class ArticleSpecsTest {

    private static List<Path> specs(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Path article(String name) {
        return TestSpark.conf("article").resolve(name);
    }

    private static List<String> csv(Path out, String query) {
        CliTest.Result r = cli("sql", out.toString(), "--csv", "--limit", "1000", query);
        assertEquals(0, r.code(), r.err());
        return r.out().lines().skip(1).toList();
    }

    private static long charts(Path out, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve("charts"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
        }
    }

    @Test
    void everyShippedSpecIsValid(@TempDir Path noData) throws Exception {
        List<Path> all = new java.util.ArrayList<>(specs(TestSpark.conf("article")));
        all.addAll(specs(TestSpark.conf("tiny.json").getParent()));
        assertTrue(all.size() >= 6, all.toString());
        for (Path spec : all) {
            validShipped(spec, noData);
        }
    }

    /**
     * {@code validate} of a shipped spec, its data read from an empty data directory: valid, but for a spec
     * of MNIST, which is then not fetched (said so) and valid with {@code --no-data}.
     */
    static CliTest.Result validShipped(Path spec, Path emptyDataDir) throws Exception {
        CliTest.Result r = cli("validate", "--data-dir", emptyDataDir.toString(), spec.toString());
        if (!Files.readString(spec).contains("\"mnist\"")) {
            assertEquals(0, r.code(), spec + ": " + r.err());
            return r;
        }
        assertEquals(2, r.code(), spec + ": " + r.out());
        assertTrue(r.err().strip().startsWith("initsweep: datasets[0] (mnist): dataset mnist: ")
                && r.err().contains("run `initsweep data fetch mnist`"), r.err());
        CliTest.Result alone = cli("validate", "--no-data", "--data-dir", emptyDataDir.toString(), spec.toString());
        assertEquals(0, alone.code(), spec + ": " + alone.err());
        return alone;
    }

    @Test
    void initOn2dDatasetsDrawsCostsAndBoundaries(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("a1");
        assertEquals(0, cli("run", article("1-init-on-2d-datasets.json").toString(), "--out", out.toString()).code());
        assertEquals(20, charts(out, "boundary_"), "one decision boundary per run");
        assertEquals(5, charts(out, "compare_cost_"), "one cost chart per dataset");
        // Zero init never leaves ln 2 (the cost of p = 1/2); He at m = 1 learns every dataset: it ends
        // below both its own start and that constant predictor (the spiral, hardest for 8 ReLU units
        // in 300 epochs, by the least: ≈ 0.65 nats, two thirds right).
        for (String row : csv(out, "SELECT r.init, r.multiplier, max(abs(e.loss - ln(2))) FROM epochs e JOIN runs r "
                + "USING (run_id) WHERE r.init = 'zero' GROUP BY r.init, r.multiplier")) {
            assertTrue(Double.parseDouble(row.split(",")[2]) < 1e-6, row);
        }
        for (String row : csv(out, "SELECT r.dataset, r.final_loss, e.loss FROM runs r JOIN epochs e USING (run_id) "
                + "WHERE r.init = 'he_normal' AND r.multiplier = 1 AND e.epoch = 0")) {
            String[] f = row.split(",");
            double start = Double.parseDouble(f[2]);
            assertTrue(Double.parseDouble(f[1]) < Math.min(start, Math.log(2)) - 0.02, "learns: " + row);
        }
    }

    @Test
    void nineLayerLinearOscillatesExplodingAndStallsVanishing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("a2");
        assertEquals(0, cli("run", article("2-nine-layer-linear.json").toString(), "--out", out.toString()).code());
        List<String> rows = csv(out, "SELECT r.init, e.epoch, e.loss FROM epochs e JOIN runs r USING (run_id) "
                + "WHERE e.epoch <= 10 ORDER BY r.init, e.epoch");
        double[][] loss = new double[3][11];
        for (String row : rows) {
            String[] f = row.split(",");
            int which = f[0].contains("0.5") ? 0 : f[0].contains("1.5") ? 2 : 1;
            loss[which][Integer.parseInt(f[1])] = Double.parseDouble(f[2]);
        }
        for (int e = 1; e <= 10; e++) {
            assertTrue(Math.abs(loss[0][e] - loss[0][0]) < 1e-3, "alpha 0.5 barely moves: " + loss[0][e]);
            assertTrue(loss[1][e] < loss[1][e - 1], "alpha 1 descends smoothly at epoch " + e);
        }
        boolean rises = false;
        for (int e = 1; e <= 10; e++) {
            rises |= loss[2][e] > loss[2][e - 1];
        }
        assertTrue(rises, "alpha 1.5 oscillates: " + java.util.Arrays.toString(loss[2]));
        assertEquals(2, charts(out, "compare_layers_"), "per-layer variance by init at the first and last epoch");
    }

    @Test
    void fiveLayerTanhHistograms(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("a3");
        CliTest.Result run = cli("run", article("3-five-layer-tanh-digits.json").toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(8, charts(out, "histograms_"), "4 inits × 2 recorded epochs");
        // Standard normal saturates tanh: most deep activations sit in the end bins (|a| > 0.95).
        List<String> sat = csv(out, "SELECT r.init, sum(CASE WHEN h.bin = 0 OR h.bin = 39 THEN h.count ELSE 0 END) "
                + "/ sum(h.count) FROM histograms h JOIN runs r USING (run_id) WHERE h.epoch = 0 AND h.layer = 5 "
                + "GROUP BY r.init ORDER BY r.init");
        for (String row : sat) {
            double share = Double.parseDouble(row.split(",")[1]);
            if (row.startsWith("standard_normal")) {
                assertTrue(share > 0.5, row);
            } else {
                assertTrue(share < 0.05, row);
            }
        }
    }

    @Test
    void fiveLayerTanhOnMnistLearnsWithXavierOnly(@TempDir Path tmp) throws Exception {
        // the spec as shipped, on the shared MNIST subset placed in a data directory under MNIST's names
        Path data = tmp.resolve("data");
        RealDataCliTest.placeMnist(data, tmp);
        try {
            Path out = tmp.resolve("a3m");
            CliTest.Result run = cli("run", article("3-five-layer-tanh.json").toString(), "--out", out.toString(),
                    "--data-dir", data.toString(), "--no-analyze");
            assertEquals(0, run.code(), run.err());
            java.util.Map<String, Double> acc = new java.util.HashMap<>();
            for (String row : csv(out, "SELECT init, final_test_accuracy FROM runs")) {
                acc.put(row.split(",")[0], Double.parseDouble(row.split(",")[1]));
            }
            // zero init never breaks symmetry: one class at best (the subset's largest is 10.9%)
            assertTrue(acc.get("zero") < 0.2, acc.toString());
            assertTrue(acc.get("xavier_normal") > 0.85, acc.toString());
            assertTrue(acc.get("standard_normal") < acc.get("xavier_normal"), acc.toString());
        } finally {
            System.clearProperty(org.initsweep.core.data.Mnist.CHECKSUMS_PROPERTY);
        }
    }
}
