package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of SGD beside Adam and RMSprop, each at its own learning rates, through the CLI: the runs it trains, the
 * spec.json it keeps, a rerun with a rate given elsewhere but the same runs, and an SGD run equal, id and
 * bits, to the same run of a sweep without Adam.
 */
class OptimizerLearningRatesCliTest {

    private static final String SPEC = """
            {"name": "%s", "depths": [2], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"],
             "datasets": ["moons"], "samples": 64, "epochs": 5, "seeds": [1], %s}
            """;

    private static Path sweep(Path tmp, String name, String fields) throws Exception {
        Path spec = tmp.resolve(name + ".json");
        Files.writeString(spec, SPEC.formatted(name, fields));
        Path out = tmp.resolve(name);
        CliTest.Result r = CliTest.cli("run", spec.toString(), "--out", out.toString(), "--no-analyze");
        assertEquals(0, r.code(), r.err());
        return out;
    }

    private static List<String> rows(Path out, String query) {
        CliTest.Result q = CliTest.cli("sql", out.toString(), "--csv", query);
        assertEquals(0, q.code(), q.err());
        return q.out().strip().lines().skip(1).toList();
    }

    @Test
    void eachOptimizerTrainsAtItsOwnRatesAndAnSgdRunIsTheSameAsWithoutAdam(@TempDir Path tmp) throws Exception {
        Path mixed = sweep(tmp, "mixed", "\"optimizers\": [{\"name\": \"sgd\", \"learning_rate\": 0.5},"
                + " {\"name\": \"adam\", \"learning_rates\": [0.01, 0.0001]},"
                + " {\"name\": \"rmsprop\", \"centered\": true, \"learning_rate\": 0.001}]");
        String query = "SELECT optimizer, learning_rate, run_id, final_loss FROM runs"
                + " ORDER BY optimizer, learning_rate";
        List<String> runs = rows(mixed, query);
        assertEquals(4, runs.size(), runs.toString());
        assertTrue(runs.get(0).startsWith("adam,1.0E-4,"), runs.toString());
        assertTrue(runs.get(1).startsWith("adam,0.01,"), runs.toString());
        assertTrue(runs.get(2).startsWith("rmsprop(centered),0.001,"), runs.toString());
        assertTrue(runs.get(3).startsWith("sgd,0.5,"), runs.toString());

        JsonNode kept = new ObjectMapper().readTree(mixed.resolve("spec.json").toFile());
        assertFalse(kept.has("learning_rates"), kept.toString());
        assertEquals("[0.5]", kept.get("optimizers").get(0).get("learning_rates").toString());
        assertEquals("[0.01,1.0E-4]", kept.get("optimizers").get(1).get("learning_rates").toString());

        // the same sweep with SGD's rate given at the top: the same runs, so a rerun resumes it and trains nothing
        Path moved = tmp.resolve("moved.json");
        Files.writeString(moved, SPEC.formatted("mixed", "\"optimizers\": [\"sgd\", {\"name\": \"adam\","
                + " \"learning_rates\": [0.01, 0.0001]}, {\"name\": \"rmsprop\", \"centered\": true,"
                + " \"learning_rate\": 0.001}], \"learning_rate\": 0.5"));
        CliTest.Result resumed = CliTest.cli("run", moved.toString(), "--out", mixed.toString(), "--no-analyze");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("0 runs computed"), resumed.out());
        assertEquals(runs, rows(mixed, query));

        Path alone = sweep(tmp, "mixed-alone", "\"learning_rate\": 0.5");
        List<String> sgd = rows(alone, query);
        assertEquals(1, sgd.size(), sgd.toString());
        // same run id (the sweep's name is not part of it) and the same final loss to the last digit
        assertEquals(runs.get(3), sgd.get(0));
    }
}
