package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.theory.CriticalLine;
import org.initsweep.core.theory.DepthScales;
import org.initsweep.core.theory.Nonlinearity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainability table and charts end to end on the shipped digits (2 depths × 2 σ_w², 2 seeds,
 * 3 epochs), checked against the sweep's own runs/ and epochs/ tables by independent SQL and against
 * {@link DepthScales}; a sweep without test data writes no table until its spec judges on the training
 * set; a bad target is refused.
 */
class TrainabilityCliTest {

    @TempDir
    Path tmp;

    private Path spec(String name, String extra) throws Exception {
        Path spec = tmp.resolve(name + ".json");
        Files.writeString(spec, """
                {"name": "%s", "depths": [2, 6], "widths": [16], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "multipliers": [1, 4], "sigma_b2": [0.05], "seeds": [1, 2], "epochs": 3, "batch_size": 64,
                 "learning_rate": 0.05, "record_epochs": [0] %s}
                """.formatted(name, extra));
        return spec;
    }

    private static List<String[]> csv(Path out, String query) {
        CliTest.Result r = CliTest.cli("sql", out.toString(), "--csv", "--limit", "1000", query);
        assertEquals(0, r.code(), r.err());
        return r.out().strip().lines().skip(1).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void aWidthProfileWhoseLayersShareOneSigmaW2HasTheoryChartsAndReport() throws Exception {
        Path spec = tmp.resolve("profiles.json");
        Files.writeString(spec, """
                {"name": "profiles", "widths": [[32, 16, 8], [32, 16, 16]], "activations": ["tanh"],
                 "inits": ["lecun_normal", "glorot_normal"], "multipliers": [1, 4], "sigma_b2": [0.05], "seeds": [1],
                 "epochs": 2, "batch_size": 64, "learning_rate": 0.05, "record_epochs": [0], "datasets": ["digits"],
                 "target_split": "train"}
                """);
        Path out = tmp.resolve("profiles");
        CliTest.Result run = CliTest.cli("run", spec.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        // the console writes a profile in the trainability table as in the agreement table and the chart names
        List<String> trainabilityRows = run.out().lines().dropWhile(l -> !l.startsWith("initsweep: trainability"))
                .filter(l -> l.strip().startsWith("tanh ")).toList();
        assertEquals(8, trainabilityRows.size(), run.out());
        assertTrue(trainabilityRows.stream().allMatch(l -> l.contains(" 32-16-8 ") || l.contains(" 32-16-16 ")), run.out());
        assertFalse(run.out().contains("[32,16"), run.out());
        Nonlinearity tanh = Nonlinearity.of(Activation.fromLabel("tanh"));
        List<String[]> rows = csv(out, "SELECT replace(profile, ',', '-'), init, multiplier, sigma_w2, chi1, trainable_depth_bound, theory_note"
                + " FROM trainability ORDER BY profile, init, multiplier");
        assertEquals(8, rows.size());
        for (String[] r : rows) {
            String profile = r[0];
            double m = Double.parseDouble(r[2]);
            // LeCun: m on every layer; Glorot 2m·fan_in/(fan_in + fan_out): 4m/3 on both layers of [32,16,8]
            Double sigmaW2 = r[1].equals("lecun_normal") ? Double.valueOf(m)
                    : profile.equals("[32-16-8]") ? Double.valueOf(4 * m / 3) : null;
            if (sigmaW2 == null) {
                assertEquals("", r[3], String.join(",", r));
                assertEquals("", r[4], String.join(",", r));
                assertTrue(String.join(",", r).contains("differs from hidden layer to hidden layer"), String.join(",", r));
            } else {
                DepthScales d = DepthScales.of(tanh, sigmaW2, 0.05);
                assertEquals(sigmaW2, Double.parseDouble(r[3]), 1e-12, String.join(",", r));
                assertEquals(d.chi1().value(), Double.parseDouble(r[4]), 1e-12, String.join(",", r));
                assertEquals(6 * d.xiC().value(), Double.parseDouble(r[5]), 1e-8, String.join(",", r));
            }
        }
        try (Stream<Path> s = Files.list(out.resolve("charts"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertEquals(4, names.stream().filter(n -> n.startsWith("trainability_tanh_")).count(), names.toString());
            assertEquals(4, names.stream().filter(n -> n.startsWith("learning_tanh_")).count(), names.toString());
        }
        // the heatmap's m axis and critical line use the σ_w² the theory columns took: Glorot on [32,16,8] is 4m/3
        String page = Files.readString(out.resolve("report/index.html"));
        String data = page.substring(page.indexOf("id=\"report-data\">") + "id=\"report-data\">".length());
        JsonNode groups = new ObjectMapper().readTree(data.substring(0, data.indexOf("</script>")))
                .path("trainability").path("groups");
        double criticalSigmaW2 = CriticalLine.sigmaW2(tanh, 0.05).getAsDouble();
        int checked = 0;
        for (JsonNode g : groups) {
            String title = g.path("title").asText();
            Double unit = title.contains("lecun_normal") ? Double.valueOf(1)
                    : title.contains("[32,16,8]") ? Double.valueOf(4.0 / 3) : null;
            if (unit == null) {
                assertTrue(g.path("m_unit").isNull() && g.path("critical_m").isNull(), g.toString());
            } else {
                assertEquals(unit, g.path("m_unit").asDouble(), 1e-12, title);
                assertEquals(criticalSigmaW2 / unit, g.path("critical_m").asDouble(), 1e-12, title);
            }
            checked++;
        }
        assertEquals(4, checked, groups.toString());
    }

    @Test
    void digitsSweepWritesTheTableTheBoundAndTheCharts() throws Exception {
        Path out = tmp.resolve("digits");
        CliTest.Result run = CliTest.cli("run", spec("train", ", \"datasets\": [\"digits\"], \"target_accuracy\": 0.5")
                .toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("deepest depth trained per σ_w²"), run.out());

        // Means, spread and runs from runs/ by SQL of our own, cell by cell.
        List<String[]> cells = csv(out, """
                SELECT t.depth, t.multiplier, t.runs, t.test_accuracy - avg(r.final_test_accuracy),
                       t.train_accuracy - avg(r.final_accuracy), t.test_accuracy_std - stddev_samp(r.final_test_accuracy),
                       t.test_accuracy_min - min(r.final_test_accuracy), t.target_accuracy
                FROM trainability t JOIN runs r ON t.depth = r.depth AND t.multiplier = r.multiplier
                GROUP BY t.depth, t.multiplier, t.runs, t.test_accuracy, t.train_accuracy, t.test_accuracy_std,
                         t.test_accuracy_min, t.target_accuracy
                ORDER BY t.depth, t.multiplier""");
        assertEquals(4, cells.size());
        for (String[] c : cells) {
            assertEquals("2", c[2]);
            for (int i = 3; i <= 6; i++) {
                assertEquals(0, Double.parseDouble(c[i]), 1e-12, String.join(",", c));
            }
            assertEquals(0.5, Double.parseDouble(c[7]), 0, "the spec's target");
        }
        // epochs_to_target: the first epoch whose mean test accuracy over the seeds is ≥ 0.5.
        List<String[]> reached = csv(out, """
                WITH curve AS (SELECT r.depth, r.multiplier, e.epoch, avg(e.test_accuracy) AS acc
                               FROM epochs e JOIN runs r USING (run_id) GROUP BY r.depth, r.multiplier, e.epoch)
                SELECT t.depth, t.multiplier, t.epochs_to_target, (SELECT min(c.epoch) FROM curve c
                       WHERE c.depth = t.depth AND c.multiplier = t.multiplier AND c.acc >= 0.5) AS expected
                FROM trainability t ORDER BY t.depth, t.multiplier""");
        for (String[] r : reached) {
            assertEquals(r[3], r[2], String.join(",", r));
        }
        // Theory columns: DepthScales at σ_w² = m (LeCun normal), σ_b² = 0.05.
        Nonlinearity tanh = Nonlinearity.of(Activation.fromLabel("tanh"));
        for (String[] r : csv(out, "SELECT multiplier, chi1, xi_q, xi_c, trainable_depth_bound, theory_note"
                + " FROM trainability ORDER BY depth, multiplier")) {
            DepthScales d = DepthScales.of(tanh, Double.parseDouble(r[0]), 0.05);
            assertEquals(d.chi1().value(), Double.parseDouble(r[1]), 1e-12);
            assertEquals(d.xiQ().value(), Double.parseDouble(r[2]), 1e-9);
            assertEquals(d.xiC().value(), Double.parseDouble(r[3]), 1e-9);
            assertEquals(6 * d.xiC().value(), Double.parseDouble(r[4]), 1e-8);
            assertEquals("", r[5], "finite everywhere: no note");
        }
        // The bound table: per σ_w², the deepest trained depth is the largest depth with mean test accuracy ≥ 0.5.
        List<String[]> bound = csv(out, """
                SELECT b.multiplier, b.deepest_trained_depth, b.deepest_depth,
                       (SELECT max(t.depth) FROM trainability t WHERE t.multiplier = b.multiplier
                        AND t.test_accuracy >= 0.5) AS expected
                FROM trainability_bound b ORDER BY b.multiplier""");
        assertEquals(2, bound.size());
        for (String[] b : bound) {
            assertEquals(b[3], b[1], String.join(",", b));
            assertEquals("6", b[2]);
        }
        try (Stream<Path> s = Files.list(out.resolve("charts"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("trainability_tanh_lecun_normal_w16")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("learning_tanh_lecun_normal_w16")), names.toString());
        }
        try (Stream<Path> s = Files.list(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary table left");
        }
    }

    @Test
    void aSweepWithoutTestDataHasNoTrainabilityTableUntilJudgedOnItsTrainingSet() throws Exception {
        Path out = tmp.resolve("gauss");
        CliTest.Result run = CliTest.cli("run", spec("gauss", "").toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertFalse(Files.exists(out.resolve("trainability")));
        assertFalse(run.out().contains("trainability"), run.out());

        // The same runs judged on the training set: the rerun trains nothing and writes the tables.
        CliTest.Result train = CliTest.cli("run", spec("gauss", ", \"target_split\": \"train\"").toString(),
                "--out", out.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("trainability (train accuracy ≥ "), train.out());
        assertEquals("8", csv(out, "SELECT count(*) FROM runs").get(0)[0], "no run trained twice");
        // Default target: 0.9 × the best cell's mean final train accuracy, by SQL of our own.
        String[] target = csv(out, """
                SELECT max(t.target_accuracy) - 0.9 * max(c.acc), min(t.target_split), max(t.target_split)
                FROM trainability t, (SELECT avg(final_accuracy) AS acc FROM runs WHERE status = 'ok'
                                      GROUP BY depth, multiplier) c""").get(0);
        assertEquals(0, Double.parseDouble(target[0]), 1e-12, String.join(",", target));
        assertEquals("train", target[1]);
        assertEquals("train", target[2]);
        // epochs_to_target from the seed-mean train accuracy per epoch (epochs.accuracy); no test accuracy.
        for (String[] r : csv(out, """
                WITH curve AS (SELECT r.depth, r.multiplier, e.epoch, avg(e.accuracy) AS acc
                               FROM epochs e JOIN runs r USING (run_id) GROUP BY r.depth, r.multiplier, e.epoch)
                SELECT t.depth, t.multiplier, t.epochs_to_target, (SELECT min(c.epoch) FROM curve c
                       WHERE c.depth = t.depth AND c.multiplier = t.multiplier AND c.acc >= t.target_accuracy),
                       t.test_accuracy IS NULL
                FROM trainability t ORDER BY t.depth, t.multiplier""")) {
            assertEquals(r[3], r[2], String.join(",", r));
            assertEquals("true", r[4], "no test split, no test accuracy");
        }
        // The bound table: the deepest depth whose mean train accuracy reached the target.
        for (String[] b : csv(out, """
                SELECT b.deepest_trained_depth, (SELECT max(t.depth) FROM trainability t
                       WHERE t.multiplier = b.multiplier AND t.train_accuracy >= t.target_accuracy), b.target_split
                FROM trainability_bound b ORDER BY b.multiplier""")) {
            assertEquals(b[1], b[0], String.join(",", b));
            assertEquals("train", b[2]);
        }

        // Judged on test again: no test split, so no table, and not the train judgment left behind.
        CliTest.Result back = CliTest.cli("run", spec("gauss", "").toString(), "--out", out.toString());
        assertEquals(0, back.code(), back.err());
        assertFalse(back.out().contains("trainability"), back.out());
        assertFalse(Files.exists(out.resolve("trainability")), "a stale train-judged table");
        assertFalse(Files.exists(out.resolve("trainability_bound")), "a stale train-judged table");
        try (Stream<Path> s = Files.list(out.resolve("charts"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("trainability_")), "a stale chart");
        }
    }

    @Test
    void eachDatasetIsJudgedAgainstItsOwnBestCell() throws Exception {
        Path out = tmp.resolve("two");
        CliTest.Result run = CliTest.cli("run", spec("two", ", \"datasets\": [\"gaussian\", \"xor\"],"
                + " \"target_split\": \"train\"").toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        // Default targets by SQL of our own: 0.9 × the best cell's mean final train accuracy within each dataset.
        List<String[]> targets = csv(out, """
                SELECT t.dataset, min(t.target_accuracy), max(t.target_accuracy), 0.9 * max(c.acc)
                FROM trainability t JOIN (SELECT dataset, avg(final_accuracy) AS acc FROM runs WHERE status = 'ok'
                                          GROUP BY dataset, depth, multiplier) c ON t.dataset = c.dataset
                GROUP BY t.dataset ORDER BY t.dataset""");
        assertEquals(2, targets.size());
        for (String[] t : targets) {
            assertEquals(t[1], t[2], "one target per dataset: " + String.join(",", t));
            assertEquals(Double.parseDouble(t[3]), Double.parseDouble(t[1]), 1e-12, String.join(",", t));
        }
        assertTrue(!targets.get(0)[1].equals(targets.get(1)[1]), "the datasets' best cells differ, so must their targets");
        // The bound rows carry their dataset's target, and "trained" is judged against it.
        for (String[] b : csv(out, """
                SELECT b.dataset, b.target_accuracy - (SELECT max(t.target_accuracy) FROM trainability t
                       WHERE t.dataset = b.dataset), b.deepest_trained_depth, (SELECT max(t.depth) FROM trainability t
                       WHERE t.dataset = b.dataset AND t.multiplier = b.multiplier
                       AND t.train_accuracy >= t.target_accuracy)
                FROM trainability_bound b ORDER BY b.dataset, b.multiplier""")) {
            assertEquals(0, Double.parseDouble(b[1]), 0, String.join(",", b));
            assertEquals(b[3], b[2], String.join(",", b));
        }
        assertTrue(run.out().contains(String.format(java.util.Locale.ROOT,
                "trainability (train accuracy ≥ %.4f on gaussian, ≥ %.4f on xor)",
                Double.parseDouble(targets.get(0)[1]), Double.parseDouble(targets.get(1)[1]))), run.out());

        // A target for xor alone: re-judged without training; gaussian keeps its default.
        CliTest.Result xor = CliTest.cli("run", spec("two", ", \"datasets\": [\"gaussian\", \"xor\"],"
                + " \"target_split\": \"train\", \"target_accuracy\": {\"xor\": 0.5}").toString(),
                "--out", out.toString());
        assertEquals(0, xor.code(), xor.err());
        assertEquals("16", csv(out, "SELECT count(*) FROM runs").get(0)[0], "no run trained twice");
        List<String[]> now = csv(out, "SELECT dataset, min(target_accuracy), max(target_accuracy) FROM trainability"
                + " GROUP BY dataset ORDER BY dataset");
        assertEquals(List.of("gaussian", targets.get(0)[1], targets.get(0)[1]), List.of(now.get(0)), "the default");
        assertEquals(List.of("xor", "0.5", "0.5"), List.of(now.get(1)), "the spec's");

        // spec.json edited by hand (Hadoop's checksum beside it now stale), then analyzed: the edit is read.
        Path specJson = out.resolve("spec.json");
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(specJson));
        json.putObject("target_accuracy").put("xor", 0.625);
        Files.writeString(specJson, json.toString());
        CliTest.Result edited = CliTest.cli("analyze", out.toString());
        assertEquals(0, edited.code(), edited.err());
        assertEquals(List.of("xor", "0.625"), List.of(csv(out, "SELECT dataset, max(target_accuracy) FROM trainability"
                + " WHERE dataset = 'xor' GROUP BY dataset").get(0)));
    }

    @Test
    void judgedOnTestADatasetWithoutATestSplitIsLeftOutAndNamed() throws Exception {
        Path out = tmp.resolve("mixed");
        CliTest.Result run = CliTest.cli("run", spec("mixed", ", \"datasets\": [\"moons\", \"digits\"]").toString(),
                "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("digits"), csv(out, "SELECT DISTINCT dataset FROM trainability").stream()
                .map(r -> r[0]).toList(), "moons has no test split");
        assertTrue(run.out().contains("initsweep: not judged, no test split: moons (set test_fraction, or judge on the"
                + " training set with \"target_split\": \"train\")"), run.out());
        String page = Files.readString(out.resolve("report").resolve("index.html"));
        assertTrue(page.contains("\"unjudged\":[\"moons\"]"), "the report names it too");
    }

    @Test
    void aBadTargetIsOneLineWithItsJsonPath() throws Exception {
        for (String bad : new String[] {"0", "1.5", "-0.1", "\"high\""}) {
            CliTest.Result r = CliTest.cli("validate", spec("bad", ", \"datasets\": [\"digits\"], \"target_accuracy\": "
                    + bad).toString());
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("target_accuracy") && r.err().contains("(0, 1]"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        // A target needs a test split: generated data has one only with test_fraction.
        CliTest.Result noTest = CliTest.cli("validate", spec("gen", ", \"target_accuracy\": 0.9").toString());
        assertEquals(2, noTest.code(), noTest.err());
        assertTrue(noTest.err().contains("target_accuracy") && noTest.err().contains("datasets[0] (gaussian)"),
                noTest.err());
        assertEquals(1, noTest.err().strip().lines().count(), noTest.err());
        CliTest.Result withSplit = CliTest.cli("validate", spec("gen2", ", \"target_accuracy\": 0.9, \"test_fraction\": 0.2")
                .toString());
        assertEquals(0, withSplit.code(), withSplit.err());
        CliTest.Result full = CliTest.cli("validate", spec("one", ", \"datasets\": [\"digits\"], \"target_accuracy\": 1")
                .toString());
        assertEquals(0, full.code(), full.err());
    }
}
