package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The grid axes declared once in {@link Axes}: what the writer writes reads back to the same spec, the
 * columns and their values line up, width profiles set their own depth, and numbers that are one
 * value in any spelling are one value.
 */
class AxesTest {

    private static final String MIXED = """
            {"name": "mixed", "depths": [2, 5], "widths": [16, [64, 32, 8]],
             "activations": ["tanh", {"name": "leaky_relu", "slope": 0.2}],
             "inits": ["he_normal", {"scheme": "identity_scaled", "alpha": 1.5}], "multipliers": [0.5, 2],
             "sigma_b2": [0, 0.05], "datasets": ["moons"], "seeds": [1, 2], "learning_rates": [0.1, 0.01]}
            """;

    @Test
    void writtenSpecsReadBackEqual() throws Exception {
        SweepSpec spec = SpecReader.parse(MIXED, "m.json");
        SweepSpec again = SpecReader.parse(SpecWriter.toJson(spec), "written.json");
        assertEquals(spec, again);
        assertTrue(spec.sameRuns(again));
        assertEquals(List.of(), spec.fieldsDifferentFrom(again));
    }

    @Test
    void axisValuesInAnotherOrderAreTheSameRunsAtOtherIndices() throws Exception {
        SweepSpec spec = SpecReader.parse(MIXED, "m.json");
        SweepSpec reordered = SpecReader.parse(MIXED.replace("[2, 5]", "[5, 2]").replace("[0.5, 2]", "[2, 0.5]")
                .replace("\"seeds\": [1, 2]", "\"seeds\": [2, 1]").replace("[0.1, 0.01]", "[0.01, 0.1]")
                .replace("\"widths\": [16, [64, 32, 8]]", "\"widths\": [[64, 32, 8], 16]"), "r.json");
        assertTrue(spec.sameRuns(reordered) && reordered.sameRuns(spec), "a resume may take the other order");
        List<String> ids = new java.util.ArrayList<>();
        List<String> reorderedIds = new java.util.ArrayList<>();
        new Grid(spec).forEach(r -> ids.add(r.runId()));
        new Grid(reordered).forEach(r -> reorderedIds.add(r.runId()));
        assertNotEquals(ids, reorderedIds);
        assertEquals(new java.util.HashSet<>(ids), new java.util.HashSet<>(reorderedIds));
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size());
        SweepSpec other = SpecReader.parse(MIXED.replace("[0.5, 2]", "[2, 0.5, 1]"), "o.json");
        assertFalse(reordered.sameRuns(other));
        assertEquals(List.of("multipliers"), reordered.fieldsDifferentFrom(other), "not the fields only reordered");
    }

    @Test
    void theFieldsInWhichTwoSpecsDifferAreNamedInTheSpecsOrder() throws Exception {
        SweepSpec spec = SpecReader.parse(MIXED, "m.json");
        SweepSpec other = SpecReader.parse(MIXED.replace("\"seeds\": [1, 2]", "\"seeds\": [1, 2], \"epochs\": 7")
                .replace("[0.5, 2]", "[0.5, 1, 2]").replace("\"name\": \"mixed\"",
                        "\"name\": \"mixed\", \"description\": \"not a difference in runs\""), "o.json");
        assertFalse(spec.sameRuns(other));
        assertEquals(List.of("multipliers", "epochs", "record_epochs"), spec.fieldsDifferentFrom(other),
                "record_epochs too: its default, [0, epochs], moved with epochs");
        assertEquals(List.of("multipliers", "epochs", "record_epochs"), other.fieldsDifferentFrom(spec));
    }

    @Test
    void everyAxisFillsItsColumnsInOrder() throws Exception {
        RunSpec run = new Grid(SpecReader.parse(MIXED, "m.json")).run(0);
        List<Column> columns = Axes.columns();
        List<Object> values = Axes.columnValues(run);
        assertEquals(columns.size(), values.size());
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        assertEquals(List.of("depth", "width", "profile", "activation", "init", "multiplier", "sigma_b2", "dataset",
                "seed", "optimizer", "learning_rate"), names);
        assertEquals(List.of(2, 16, "tanh", "he_normal", 0.5, 0.0, "moons", 1L, "sgd", 0.1),
                values.stream().filter(v -> v != null).toList());
        assertNull(values.get(2), "no profile for a constant width");
        assertTrue(Axes.cellColumns().stream().noneMatch(c -> c.name().equals("seed")));
    }

    @Test
    void aProfileSetsItsOwnDepthAndComesAfterTheConstantWidths() throws Exception {
        SweepSpec spec = SpecReader.parse(MIXED, "m.json");
        Grid grid = new Grid(spec);
        // activations 2 × (init, m) pairs 3 × shapes (2 depths × 1 constant + 1 profile) 3 × σ_b² 2 × seeds 2 × η 2
        assertEquals(2 * 3 * 3 * 2 * 2 * 2, grid.size());
        List<String> shapes = new ArrayList<>();
        for (RunSpec r : grid) {
            String s = r.depth() + ":" + r.widths().label();
            if (!shapes.contains(s)) {
                shapes.add(s);
            }
        }
        assertEquals(List.of("2:16", "5:16", "3:[64,32,8]"), shapes);
        RunSpec profiled = null;
        for (RunSpec r : grid) {
            if (r.widths().isProfile()) {
                profiled = r;
                break;
            }
        }
        assertArrayEquals(new int[] {64, 32, 8}, profiled.hidden());
        assertTrue(profiled.canonicalKey().contains("|depth=3|width=[64,32,8]|"), profiled.canonicalKey());
        Object[] cols = Axes.WIDTH.columnValues(profiled);
        assertNull(cols[0]);
        assertEquals("[64,32,8]", cols[1]);
    }

    @Test
    void depthsAreNotNeededWhenEveryWidthIsAProfileAndRefusedThere() throws Exception {
        SweepSpec spec = SpecReader.parse("""
                {"name": "p", "widths": [[8, 4], [4, 8, 16]], "activations": ["relu"], "inits": ["he_normal"]}
                """, "p.json");
        assertEquals(List.of(), spec.depths());
        assertEquals(2, new Grid(spec).size());
        assertEquals(spec, SpecReader.parse(SpecWriter.toJson(spec), "w.json"));
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
                {"name": "p", "depths": [3], "widths": [[8, 4]], "activations": ["relu"], "inits": ["he_normal"]}
                """, "p.json"));
        assertEquals("p.json: depths: does not apply: every entry of widths is a profile, whose length is its depth;"
                + " remove depths or give a constant width", e.getMessage());
        e = assertThrows(SpecException.class, () -> SpecReader.parse("""
                {"name": "p", "widths": [8], "activations": ["relu"], "inits": ["he_normal"]}
                """, "p.json"));
        assertEquals("p.json: depths: missing (a non-empty array is required)", e.getMessage());
        e = assertThrows(SpecException.class, () -> SpecReader.parse("""
                {"name": "p", "widths": [[8, 0], []], "activations": ["relu"], "inits": ["he_normal"]}
                """, "p.json"));
        assertEquals(List.of("p.json: widths[0][1]: must be in [1, 65536], got 0",
                "p.json: widths[1]: a width profile must not be empty"), e.getMessage().lines().toList());
    }

    @Test
    void oneLearningRateOrAListOfThemButNotBoth() throws Exception {
        String base = "{\"name\": \"l\", \"depths\": [2], \"widths\": [4], \"activations\": [\"relu\"], "
                + "\"inits\": [\"he_normal\"], %s}";
        assertEquals(List.of(0.5), SpecReader.parse(base.formatted("\"learning_rate\": 0.5"), "l.json").learningRates());
        assertEquals(List.of(0.5, 0.05), SpecReader.parse(base.formatted("\"learning_rates\": [0.5, 0.05]"), "l.json")
                .learningRates());
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(
                base.formatted("\"learning_rate\": 0.5, \"learning_rates\": [0.1]"), "l.json"));
        assertEquals("l.json: learning_rate: give learning_rate (one value) or learning_rates (a list), not both",
                e.getMessage());
    }

    @Test
    void optimizersAreAnAxisAndOnlyNonSgdRunsKeyThem() throws Exception {
        SweepSpec spec = SpecReader.parse("""
                {"name": "o", "depths": [2], "widths": [4], "activations": ["relu"], "inits": ["he_normal"],
                 "optimizers": ["sgd", {"name": "momentum", "beta": 0.9, "nesterov": true}, {"name": "adam"},
                                {"name": "adam", "beta2": 0.99}], "learning_rates": [0.1, 0.01]}
                """, "o.json");
        assertEquals(List.of("sgd", "momentum(beta=0.9,nesterov)", "adam", "adam(beta2=0.99)"),
                spec.optimizers().stream().map(org.initsweep.core.optim.Optimizer::label).toList());
        assertEquals(spec, SpecReader.parse(SpecWriter.toJson(spec), "w.json"));
        // spec.json names every hyperparameter of an object (a flag only when set) and sgd by name alone
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                ["sgd", {"name": "momentum", "beta": 0.9, "nesterov": true},
                 {"name": "adam", "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
                 {"name": "adam", "beta1": 0.9, "beta2": 0.99, "eps": 1e-8}]
                """), new com.fasterxml.jackson.databind.ObjectMapper().readTree(SpecWriter.toJson(spec)).get("optimizers"));
        Grid grid = new Grid(spec);
        assertEquals(8, grid.size());
        RunSpec sgd = grid.run(0);
        RunSpec adam = grid.run(4);
        assertEquals("adam", adam.optimizer().label());
        assertEquals(0.1, adam.learningRate());
        assertTrue(!sgd.canonicalKey().contains("optimizer"), "SGD runs keep the ids of earlier versions");
        assertTrue(adam.canonicalKey().endsWith("|optimizer=adam"), adam.canonicalKey());
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
                {"name": "o", "depths": [2], "widths": [4], "activations": ["relu"], "inits": ["he_normal"],
                 "optimizers": [{"name": "momentum", "beta": 1}, {"name": "adam", "eps": 0, "beta1": -0.5},
                                "adamw", {"name": "sgd", "lr": 1}]}
                """, "o.json"));
        assertEquals(List.of("o.json: optimizers[0].beta: must be in [0, 1), got the number 1",
                "o.json: optimizers[1].beta1: must be in [0, 1), got the number -0.5",
                "o.json: optimizers[1].eps: must be > 0 and finite, got the number 0",
                "o.json: optimizers[2]: unknown optimizer \"adamw\" (did you mean 'adam'?); known: sgd, momentum, adam, rmsprop",
                "o.json: optimizers[3].lr: unknown field (the learning rate is \"learning_rate\", one value, or"
                        + " \"learning_rates\", a list: the spec's, for every optimizer, or an optimizer object's own, e.g."
                        + " {\"name\": \"adam\", \"learning_rate\": 0.001}); allowed: name, learning_rate, learning_rates"),
                e.getMessage().lines().toList());
    }

    @Test
    void oneNumberInAnySpellingIsOneValue() {
        String base = "{\"name\": \"n\", \"depths\": [2], \"widths\": [4], \"activations\": [\"relu\"], "
                + "\"inits\": [\"he_normal\"], %s}";
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(
                base.formatted("\"sigma_b2\": [0, -0.0]"), "n.json"));
        assertEquals("n.json: sigma_b2[1]: duplicate value -0.0", e.getMessage());
        e = assertThrows(SpecException.class, () -> SpecReader.parse(
                base.formatted("\"multipliers\": [1, 1.0, 1e0]"), "n.json"));
        assertEquals(List.of("n.json: multipliers[1]: duplicate value 1.0", "n.json: multipliers[2]: duplicate value 1.0"),
                e.getMessage().lines().toList());
    }
}
